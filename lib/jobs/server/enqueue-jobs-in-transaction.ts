import "server-only";
import { randomUUID } from "node:crypto";
import type { DbTransaction } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { JobKind } from "@/lib/jobs/server/job-kind";
import { queueBoss } from "@/lib/jobs/server/job-kinds";

/**
 * Queues jobs inside the caller's transaction (a transactional outbox): the Job rows and pg-boss's
 * own rows commit or roll back with the change they follow, so no job is lost if the process dies
 * after the commit and none runs for a change that was rolled back. pg-boss writes through the
 * caller's transaction by its `db` option. The queues must exist (queueBoss makes them) before.
 */
export async function enqueueJobsInTransaction<Payload>(
  tx: DbTransaction,
  kind: JobKind<Payload>,
  jobs: { workspaceId: string; payload: Payload; createdById?: string | null }[],
): Promise<string[]> {
  if (jobs.length === 0) return [];
  const boss = await queueBoss();
  const rows = jobs.map((job) => ({ ...job, id: randomUUID(), data: kind.payload.parse(job.payload) }));
  await tx.job.createMany({
    data: rows.map((row) => ({
      id: row.id,
      workspaceId: row.workspaceId,
      kind: kind.name,
      subject: kind.subject(row.data).slice(0, 2048),
      payload: row.data as Prisma.InputJsonValue,
      maxAttempts: kind.retry.limit + 1,
      createdById: row.createdById ?? null,
    })),
  });
  await boss.insert(
    rows.map((row) => ({
      id: row.id,
      name: kind.name,
      data: { workspaceId: row.workspaceId, payload: row.data as object },
      retryLimit: kind.retry.limit,
      retryDelay: kind.retry.delaySeconds,
      retryBackoff: kind.retry.backoff,
      expireInSeconds: kind.expireInSeconds,
    })),
    {
      db: {
        executeSql: async (sql: string, values: unknown[]) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(typedInsertSql(sql), ...values) }),
      },
    },
  );
  return rows.map((row) => row.id);
}

// Prisma sends raw parameters typed, where pg leaves them for PostgreSQL to infer: pg-boss's insert
// (`json_to_recordset($1)`, `$2 as expire_in`, `$3 as keep_until`) needs those three cast. Checked, so a
// pg-boss upgrade that rewrites the statement fails loudly here instead of queuing nothing.
const UNTYPED_PARAMETERS: [string, string][] = [
  ["json_to_recordset($1)", "json_to_recordset($1::json)"],
  ["$2 as expire_in", "$2::int as expire_in"],
  ["$3 as keep_until", "$3::text as keep_until"],
];

function typedInsertSql(sql: string): string {
  return UNTYPED_PARAMETERS.reduce((statement, [untyped, typed]) => {
    if (!statement.includes(untyped)) throw new Error(`pg-boss's insert statement changed (no "${untyped}"); update enqueue-jobs-in-transaction.ts`);
    return statement.replace(untyped, typed);
  }, sql);
}
