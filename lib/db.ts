import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { type Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { serverEnv } from "@/lib/env";

export type DbClientOptions = {
  log?: Prisma.LogDefinition[];
  /** At most this many connections (pg's default is 10). */
  poolSize?: number;
  /** PostgreSQL cancels any statement of this client that runs longer. */
  statementTimeoutMs?: number;
};

export function createDbClient(connectionString: string, options: DbClientOptions = {}) {
  return new PrismaClient({
    adapter: new PrismaPg({
      connectionString,
      max: options.poolSize,
      ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
      application_name: "claimdesk",
    }, { statementNameGenerator: preparedStatementName as (query: { sql: string }) => string }),
    log: options.log ?? [],
    // Secrets never leave the database by accident; code that needs a hash asks for it explicitly.
    omit: { user: { passwordHash: true }, apiToken: { tokenHash: true }, invitation: { tokenHash: true } },
  });
}

/** Distinct statement texts that are kept prepared; past this many, new texts run unnamed as before. */
const PREPARED_STATEMENTS_MAX = 500;
const preparedStatementNames = new Map<string, string>();

/**
 * Each statement text gets a name, so every connection parses and plans it once and then reuses its
 * plan: the reads' statements (lib/claims/server/claim-json-sql.ts) build JSON from dozens of
 * expressions, and planning them again on each request cost more than running them (issue 17's
 * profile). Texts vary only by their shape (values are parameters), but `Prisma.join` lists give
 * one text per length, so the number kept per connection is bounded.
 */
function preparedStatementName(query: { sql: string }): string | undefined {
  const known = preparedStatementNames.get(query.sql);
  if (known) return known;
  if (preparedStatementNames.size >= PREPARED_STATEMENTS_MAX) return undefined;
  const name = `cd_${createHash("sha1").update(query.sql).digest("base64url")}`;
  preparedStatementNames.set(query.sql, name);
  return name;
}

export type DbClient = ReturnType<typeof createDbClient>;
/** A client inside `db.$transaction(async (tx) => ...)`. */
export type DbTransaction = Parameters<Parameters<DbClient["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { claimdeskDb?: DbClient };

function sharedClient(): DbClient {
  const env = serverEnv();
  // Every connection the app can open is counted in docs/security.md.
  globalForDb.claimdeskDb ??= createDbClient(env.DATABASE_URL, {
    poolSize: env.DATABASE_POOL_SIZE,
    statementTimeoutMs: Math.round(env.DATABASE_STATEMENT_TIMEOUT_SECONDS * 1000),
  });
  return globalForDb.claimdeskDb;
}

// Created on first use, not on import: `next build` loads route modules without a database.
export const db: DbClient = new Proxy({} as DbClient, {
  get(_target, property) {
    const client = sharedClient();
    const value: unknown = Reflect.get(client, property);
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
});
