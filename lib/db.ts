import { PrismaPg } from "@prisma/adapter-pg";
import { type Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { serverEnv } from "@/lib/env";

export function createDbClient(connectionString: string, options: { log?: Prisma.LogDefinition[] } = {}) {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString }),
    log: options.log ?? [],
    // Secrets never leave the database by accident; code that needs a hash asks for it explicitly.
    omit: { user: { passwordHash: true }, apiToken: { tokenHash: true }, invitation: { tokenHash: true } },
  });
}

export type DbClient = ReturnType<typeof createDbClient>;
/** A client inside `db.$transaction(async (tx) => ...)`. */
export type DbTransaction = Parameters<Parameters<DbClient["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { claimdeskDb?: DbClient };

function sharedClient(): DbClient {
  globalForDb.claimdeskDb ??= createDbClient(serverEnv().DATABASE_URL);
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
