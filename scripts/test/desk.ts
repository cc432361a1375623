import { createDbClient, type DbClient } from "@/lib/db";
import { configuredDatabaseUrl } from "@/lib/env";
import { addMemberRecord, createUserRecord, createWorkspaceRecord } from "@/lib/fixtures/factories";

// Shared by integration tests: the test database, and a desk with one member of every role.
export const db = createDbClient(configuredDatabaseUrl() ?? "");

export type TestUser = Awaited<ReturnType<typeof createUserRecord>>;

export async function createDesk() {
  const [owner, editor, reviewer, viewer, stranger] = await Promise.all(
    ["owner", "editor", "reviewer", "viewer", "stranger"].map(() => createUserRecord(db)),
  );
  if (!owner || !editor || !reviewer || !viewer || !stranger) throw new Error("Could not create the desk's users");
  const workspace = await createWorkspaceRecord(db, { ownerId: owner.id });
  await addMemberRecord(db, { workspaceId: workspace.id, userId: editor.id, role: "editor" });
  await addMemberRecord(db, { workspaceId: workspace.id, userId: reviewer.id, role: "reviewer" });
  await addMemberRecord(db, { workspaceId: workspace.id, userId: viewer.id, role: "viewer" });
  return { owner, editor, reviewer, viewer, stranger, workspace, workspaceId: workspace.id };
}

/**
 * The SQL the route handlers send while `run` runs, through a logging client swapped in for lib/db.ts's shared one.
 * Prisma logs a transaction's COMMIT but not its BEGIN: a count that includes a COMMIT is one round trip short.
 */
export async function recordQueries<T>(run: () => Promise<T>): Promise<{ result: T; queries: string[] }> {
  const queries: string[] = [];
  const logging = createDbClient(configuredDatabaseUrl() ?? "", { log: [{ emit: "event", level: "query" }] });
  logging.$on("query", (event) => queries.push(event.query));
  const holder = globalThis as { claimdeskDb?: DbClient };
  const shared = holder.claimdeskDb;
  holder.claimdeskDb = logging;
  try {
    return { result: await run(), queries };
  } finally {
    holder.claimdeskDb = shared;
    await logging.$disconnect();
  }
}
