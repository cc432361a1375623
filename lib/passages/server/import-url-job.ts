import "server-only";
import { z } from "zod";
import { snapshotOf } from "@/lib/capture/server/page-snapshot";
import { safeFetch, SafeFetchError, type SafeFetchResult } from "@/lib/fetching/safe-fetch";
import { AppError } from "@/lib/http/errors";
import { FETCH_RETRY_POLICY, isPassingFetchFailure, isPassingHttpStatus } from "@/lib/fetching/fetch-retry";
import { IdSchema, text } from "@/lib/http/text.schemas";
import { defineJobKind, permanentFailure } from "@/lib/jobs/server/job-kind";
import { jobRequester } from "@/lib/jobs/server/job-requester";
import { PASSAGE_TITLE_MAX_LENGTH } from "@/lib/passages/passage.schemas";
import { createPassage } from "@/lib/passages/server/create-passage";
import { assertUrlNotInWorkspace } from "@/lib/passages/server/passage-duplicate";

/** The page types import by URL reads (as an HTML or a plain-text upload would be read). */
export const IMPORTABLE_MEDIA_TYPES = ["text/html", "text/plain"] as const;

/** Fetches a page to import (or to revise a passage from) through safeFetch; an answer other than 2xx fails the job. */
export async function fetchImportablePage(url: string): Promise<SafeFetchResult> {
  let fetched: SafeFetchResult;
  try {
    fetched = await safeFetch(url, { accept: IMPORTABLE_MEDIA_TYPES });
  } catch (error) {
    // Retried exactly as evidence capture is: only what may pass (fetch-retry.ts).
    throw error instanceof SafeFetchError && !isPassingFetchFailure(error) ? permanentFailure(error) : error;
  }
  if (fetched.status >= 200 && fetched.status <= 299) return fetched;
  const failure = new AppError("fetch_failed", `The page answered HTTP ${fetched.status} instead of the page; check the address.`, {
    details: { reason: "http_status", status: fetched.status },
  });
  // A server error or a rate limit may pass; a missing page will not come back by retrying.
  throw isPassingHttpStatus(fetched.status) ? failure : permanentFailure(failure);
}

const ImportUrlPayloadSchema = z.object({
  url: text().max(4096),
  title: text().max(PASSAGE_TITLE_MAX_LENGTH).optional(),
  requestedById: IdSchema,
});

/**
 * Import by URL: fetch the page through safeFetch, keep its snapshot, read its article and metadata,
 * and create the passage as the person who asked (still checked: they may have left meanwhile).
 */
export const importUrlJob = defineJobKind({
  name: "passage.import-url",
  payload: ImportUrlPayloadSchema,
  subject: (payload) => payload.url,
  retry: FETCH_RETRY_POLICY,
  expireInSeconds: 120,
  handler: async (payload, context) => {
    const actor = await jobRequester(payload.requestedById, "this import");
    const fetched = await fetchImportablePage(payload.url);
    await assertUrlNotInWorkspace(context.workspaceId, [payload.url, fetched.finalUrl]);
    const passage = await createPassage({
      actor,
      workspaceId: context.workspaceId,
      source: { kind: "page", title: payload.title, sourceUrl: fetched.finalUrl, contentType: fetched.contentType, content: fetched.body, snapshot: await snapshotOf(fetched), jobId: context.jobId },
    });
    return { passageId: passage.id };
  },
});
