import "server-only";
import { z } from "zod";
import { snapshotOf } from "@/lib/capture/server/page-snapshot";
import { FETCH_RETRY_POLICY } from "@/lib/fetching/fetch-retry";
import { IdSchema, text } from "@/lib/http/text.schemas";
import { defineJobKind } from "@/lib/jobs/server/job-kind";
import { jobRequester } from "@/lib/jobs/server/job-requester";
import { fetchImportablePage } from "@/lib/passages/server/import-url-job";
import { REVISION_NOTE_MAX_LENGTH } from "@/lib/revisions/revision.schemas";
import { createRevision } from "@/lib/revisions/server/create-revision";
import { revisionAnswerReference } from "@/lib/revisions/server/revision-answer-reference";

const ReviseFromUrlPayloadSchema = z.object({
  passageId: IdSchema,
  url: text().max(4096),
  note: text().max(REVISION_NOTE_MAX_LENGTH).optional(),
  /** The revision the person saw when they asked (If-Match): a revision saved meanwhile makes this one a 412. */
  expectedRevision: z.int().min(1),
  requestedById: IdSchema,
});

/**
 * A new revision from a web address: fetch the page again through safeFetch, keep its snapshot, read
 * its article as an import by URL does, and save it through createRevision as the person who asked.
 * Its result is the answer the request gives (without the text, read back from the revision).
 */
export const reviseFromUrlJob = defineJobKind({
  name: "passage.revise-from-url",
  payload: ReviseFromUrlPayloadSchema,
  subject: (payload) => payload.url,
  retry: FETCH_RETRY_POLICY,
  expireInSeconds: 120,
  handler: async (payload, context) => {
    const actor = await jobRequester(payload.requestedById, "this revision");
    const fetched = await fetchImportablePage(payload.url);
    const answer = await createRevision({
      actor,
      passageId: payload.passageId,
      expectedRevision: payload.expectedRevision,
      source: { kind: "page", note: payload.note, contentType: fetched.contentType, content: fetched.body, snapshot: await snapshotOf(fetched), jobId: context.jobId },
    });
    return { passageId: answer.passage.id, revision: answer.revision.number, answer: revisionAnswerReference.toReference(answer) };
  },
});
