import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/http/errors";
import { enqueueJob } from "@/lib/jobs/server/enqueue-job";
import { defineJobKind, type JobKind } from "@/lib/jobs/server/job-kind";
import { type JobWorkers, startJobWorkers } from "@/lib/jobs/server/job-workers";
import { recordAbandonedJobs } from "@/lib/jobs/server/abandoned-jobs";
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

  it("records a run that outlived its time limit: retried, then failed with the reason, and its kind told each time", async () => {
    const desk = await createDesk();
    const hanging: (() => void)[] = [];
    const abandonedCalls: { jobId: string; isFinal: boolean; message: string }[] = [];
    const hangingKind = defineJobKind({
      name: "test.hang",
      payload: z.object({ index: z.int() }),
      subject: (payload) => `hanging ${payload.index}`,
      retry: { limit: 1, delaySeconds: 0, backoff: false },
      expireInSeconds: 1,
      // Never finishes on its own, like a run whose worker stalled.
      handler: () => new Promise((resolve) => hanging.push(() => resolve({}))),
      abandoned: async (_payload, context) => {
        abandonedCalls.push({ jobId: context.jobId, isFinal: context.isFinal, message: context.message });
      },
    });
    const instance = await startJobWorkers({ kinds: [hangingKind], concurrency: 1, abandonedSweepSeconds: 0.2 });
    try {
      const job = await enqueueJob(hangingKind, { index: 1 }, { workspaceId: desk.workspaceId, createdById: desk.owner.id, boss: instance.boss });
      await vi.waitFor(async () => expect((await db.job.findUniqueOrThrow({ where: { id: job.id } })).state).toBe("failed"), { timeout: 20_000, interval: 100 });
      const row = await db.job.findUniqueOrThrow({ where: { id: job.id } });
      expect(row.attempts).toBe(2);
      expect(row.lastError).toBe("The job did not finish within its time limit (1 s), or the worker running it stopped. Tried 2 times.");
      expect(row.finishedAt).not.toBeNull();
      const finalCalls = abandonedCalls.filter((call) => call.jobId === job.id && call.isFinal);
      expect(finalCalls).toEqual([{ jobId: job.id, isFinal: true, message: row.lastError }]);
      // A later run finishing cannot turn the failed row back.
      for (const release of hanging) release();
      await vi.waitFor(async () => expect((await instance.boss.getJobById("test.hang", job.id))?.state).toBe("failed"), { timeout: 10_000 });
      expect((await db.job.findUniqueOrThrow({ where: { id: job.id } })).state).toBe("failed");
    } finally {
      for (const release of hanging) release();
      await instance.stop();
    }
  });

  it("leaves a job that finished alone when it looks for abandoned runs", async () => {
    const desk = await createDesk();
    const job = await enqueueJob(kindA, { index: 3 }, { workspaceId: desk.workspaceId, createdById: desk.owner.id, boss: instanceA.boss });
    await waitUntilFinished([job.id]);
    const before = await db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(await recordAbandonedJobs([kindA])).toBe(0);
    expect(await db.job.findUniqueOrThrow({ where: { id: job.id } })).toEqual(before);
  });
});
