import { AppError } from "@/lib/http/errors";

/** How long a client should wait before retrying while the database is down or restarting. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

// Node socket errors, SQLSTATEs of a server that is shutting down, starting or full, the kinds
// @prisma/adapter-pg turns those into, and Prisma's own codes for an unreachable server.
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH"]);
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300", "08000", "08001", "08003", "08006"]);
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const PRISMA_CODES = new Set(["P1001", "P1002", "P1017", "P2024"]);
// node-postgres reports a socket closed by the server only in words; a database closed to new
// connections (ALLOW_CONNECTIONS false) answers the generic SQLSTATE 55000.
const MESSAGES = /Connection terminated unexpectedly|Connection terminated due to connection timeout|Client has encountered a connection error|is not currently accepting connections/;

/**
 * Whether an error means the database cannot be reached right now (a retry later may succeed),
 * as opposed to a bug or a refused statement. Looks through Prisma's and the driver adapter's wrapping.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== "object" || error === null) return false;
  const candidate = error as { code?: unknown; originalCode?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: unknown; errors?: unknown };
  for (const code of [candidate.code, candidate.originalCode]) {
    if (typeof code === "string" && (SOCKET_CODES.has(code) || SQLSTATES.has(code) || PRISMA_CODES.has(code))) return true;
  }
  if (typeof candidate.kind === "string" && ADAPTER_KINDS.has(candidate.kind)) return true;
  if (typeof candidate.message === "string" && MESSAGES.test(candidate.message)) return true;
  const meta = candidate.meta as { driverAdapterError?: unknown } | undefined;
  const nested = [candidate.cause, meta?.driverAdapterError, ...(Array.isArray(candidate.errors) ? candidate.errors : [])];
  return nested.some((inner) => isDatabaseUnavailable(inner, depth + 1));
}

export function databaseUnavailable(): AppError {
  return new AppError("unavailable", `ClaimDesk cannot reach its database right now. Try again in ${DATABASE_RETRY_AFTER_SECONDS} seconds.`, {
    headers: { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) },
  });
}
