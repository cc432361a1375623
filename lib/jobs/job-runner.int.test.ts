import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/http/errors";
import { enqueueJob } from "@/lib/jobs/server/enqueue-job";
import { defineJobKind, type JobKind } from "@/lib/jobs/server/job-kind";
import { type JobWorkers, startJobWorkers } from "@/lib/jobs/server/job-workers";
import { createDesk, db } from "@/scripts/test/desk";

// Two sets of workers, as two app instances would run them, on one database.

const runs: { jobId: string; worker: string }[] = [];
const attemptsSeen = new Map<string, number>();

function countingKind(worker: string): JobKind<{ index: number; failFirst?: "transient" | "permanent" }> {
  return defineJobKind({
    name: "test.count",
    payload: z.object({ index: z.int(), failFirst: z.enum(["transient", "permanent"]).optional() }),
    subject: (payload) => `item ${payload.index}`,
    retry: { limit: 2, delaySeconds: 0, backoff: false },
    expireInSeconds: 60,
    handler: async (payload, context) => {
      attemptsSeen.set(context.jobId, context.attempt);
      // Long enough that both instances' workers take part.
      await db.$queryRaw`SELECT pg_sleep(0.02)::text`;
      if (payload.failFirst === "permanent") throw new AppError("url_not_allowed", "Refused for good.");
      if (payload.failFirst === "transient" && context.attempt === 1) throw new Error("flaky network");
      runs.push({ jobId: context.jobId, worker });
      return { index: payload.index };
    },
  });
}

const kindA = countingKind("A");
let instanceA: JobWorkers;
let instanceB: JobWorkers;

beforeAll(async () => {
  instanceA = await startJobWorkers({ kinds: [kindA], concurrency: 2 });
  instanceB = await startJobWorkers({ kinds: [countingKind("B")], concurrency: 2 });
});

afterAll(async () => {
  await Promise.all([instanceA.stop(), instanceB.stop()]);
});

async function waitUntilFinished(ids: string[]) {
  await vi.waitFor(
    async () => {
      const pending = await db.job.count({ where: { id: { in: ids }, state: { in: ["queued", "running", "retry"] } } });
      expect(pending).toBe(0);
    },
    { timeout: 25_000, interval: 100 },
  );
}

describe("the job runner", () => {
  it("runs each of many jobs exactly once across two instances' workers", async () => {
    const desk = await createDesk();
    const count = 40;
    const jobs = [];
    for (let index = 0; index < count; index += 1) {
      jobs.push(await enqueueJob(kindA, { index }, { workspaceId: desk.workspaceId, createdById: desk.owner.id, boss: instanceA.boss }));
    }
    const ids = jobs.map((job) => job.id);
    await waitUntilFinished(ids);

    const mine = runs.filter((run) => ids.includes(run.jobId));
    expect(mine).toHaveLength(count);
    expect(new Set(mine.map((run) => run.jobId)).size).toBe(count);
    expect(new Set(mine.map((run) => run.worker))).toEqual(new Set(["A", "B"]));
    const rows = await db.job.findMany({ where: { id: { in: ids } } });
    expect(rows.every((row) => row.state === "completed" && row.attempts === 1 && row.finishedAt !== null)).toBe(true);
    expect(rows.map((row) => (row.result as { index: number }).index).sort((a, b) => a - b)).toEqual([...Array(count).keys()]);
  });

  it("retries a job that failed for a passing reason, and records each attempt", async () => {
    const desk = await createDesk();
    const job = await enqueueJob(kindA, { index: 1, failFirst: "transient" }, { workspaceId: desk.workspaceId, createdById: desk.owner.id, boss: instanceA.boss });
    await waitUntilFinished([job.id]);
    const row = await db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(row).toMatchObject({ state: "completed", attempts: 2, lastError: null });
    expect(runs.filter((run) => run.jobId === job.id)).toHaveLength(1);
  });

  it("fails a job refused for good at once, with the reason in words", async () => {
    const desk = await createDesk();
    const job = await enqueueJob(kindA, { index: 2, failFirst: "permanent" }, { workspaceId: desk.workspaceId, createdById: desk.owner.id, boss: instanceA.boss });
    await waitUntilFinished([job.id]);
    const row = await db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(row).toMatchObject({ state: "failed", attempts: 1, lastError: "Refused for good." });
    expect(attemptsSeen.get(job.id)).toBe(1);
    // pg-boss records the failure just after the row does.
    await vi.waitFor(async () => expect((await instanceA.boss.getJobById("test.count", job.id))?.state).toBe("failed"), { timeout: 10_000 });
  });
});
