import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/lib/http/database-unavailable";
import { AppError } from "@/lib/http/errors";

// Shapes as node-postgres, @prisma/adapter-pg and Prisma 7 produce them (seen in database-unavailable.int.test.ts).
const driverAdapterError = (cause: object) => Object.assign(new Error("driver adapter"), { name: "DriverAdapterError", cause });
const prismaError = (code: string, cause: object) => Object.assign(new Error("Invalid invocation"), { code, meta: { driverAdapterError: driverAdapterError(cause) } });
const socketError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, syscall: "connect", errno: -111 });
const serverError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: "FATAL" });

describe("isDatabaseUnavailable", () => {
  it.each([
    ["a refused connection", socketError("ECONNREFUSED")],
    ["a reset connection", socketError("ECONNRESET")],
    ["an administrator shutdown (57P01)", serverError("57P01", "terminating connection due to administrator command")],
    ["a server still starting (57P03)", serverError("57P03", "the database system is starting up")],
    ["a full server (53300)", serverError("53300", "sorry, too many clients already")],
    ["a socket closed mid-query", new Error("Connection terminated unexpectedly")],
    ["a database closed to connections (55000)", serverError("55000", 'database "claimdesk" is not currently accepting connections')],
    ["Prisma: can't reach the server (P1001)", prismaError("P1001", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 })],
    ["Prisma: a raw query cut off by shutdown", prismaError("P2010", { kind: "postgres", code: "57P01", originalCode: "57P01" })],
    ["Prisma: too many connections", prismaError("P2010", { kind: "TooManyConnections", originalCode: "53300" })],
    ["Prisma: connection closed", prismaError("P2010", { kind: "ConnectionClosed" })],
    ["an aggregate of refused connections (IPv4 and IPv6)", new AggregateError([socketError("ECONNREFUSED"), socketError("ECONNREFUSED")])],
  ])("is true for %s", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", prismaError("P2002", { kind: "UniqueConstraintViolation" })],
    ["a syntax error", prismaError("P2010", { kind: "postgres", code: "42601", originalCode: "42601" })],
    ["a bug", new TypeError("Cannot read properties of undefined")],
    ["an AppError", new AppError("conflict", "Someone else changed this claim.")],
    ["a string", "ECONNREFUSED"],
    ["null", null],
  ])("is false for %s", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
