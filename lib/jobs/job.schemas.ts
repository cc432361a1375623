import { z } from "zod";
import { PaginationQuerySchema } from "@/lib/http/pagination";
import { IdSchema, text } from "@/lib/http/text.schemas";

export const JOB_STATES = ["queued", "running", "retry", "completed", "failed", "cancelled"] as const;
export type JobStateName = (typeof JOB_STATES)[number];

/** States a job can still leave by itself (the import form keeps polling while in one). */
export const PENDING_JOB_STATES: readonly JobStateName[] = ["queued", "running", "retry"];

export const JobSchema = z
  .object({
    id: text(),
    workspaceId: text(),
    kind: text().describe("The kind of work, e.g. `passage.import-url`"),
    subject: text().describe("What the job works on, in words (for an import: the URL)"),
    state: z
      .enum(JOB_STATES)
      .describe("`queued`, `running`, `retry` (failed, waiting for its next attempt), `completed`, `failed` (no attempts left), `cancelled`"),
    attempts: z.int().describe("Runs started so far"),
    maxAttempts: z.int(),
    lastError: text().nullable().describe("Why the last attempt failed, in words"),
    result: z
      .record(text(), z.unknown())
      .nullable()
      .describe("What a completed job made (an import: `{ passageId }`); for a failed one `{ error: { code, details } }`"),
    createdBy: z.object({ id: text(), name: text() }).nullable(),
    createdAt: z.iso.datetime(),
    startedAt: z.iso.datetime().nullable(),
    finishedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "Job" });
export type Job = z.infer<typeof JobSchema>;

export const ListJobsQuerySchema = PaginationQuerySchema.extend({
  state: z.enum(JOB_STATES).optional().describe("Only jobs in this state"),
});
export type ListJobsQuery = z.infer<typeof ListJobsQuerySchema>;

export const JobParamsSchema = z.object({ workspaceId: IdSchema, jobId: IdSchema });
