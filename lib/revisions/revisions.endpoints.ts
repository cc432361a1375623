import { z } from "zod";
import { ClaimIdParamsSchema, ClaimSchema, IfMatchHeaderSchema } from "@/lib/claims/claim.schemas";
import { endpoint, json } from "@/lib/http/endpoint";
import { JobSchema } from "@/lib/jobs/job.schemas";
import { text } from "@/lib/http/text.schemas";
import { PassageIdParamsSchema } from "@/lib/passages/passage.schemas";
import {
  CreateRevisionAnswerSchema,
  CreateRevisionBodySchema,
  PassageRevisionListSchema,
  PassageRevisionWithTextSchema,
  RevisionParamsSchema,
  SetClaimAnchorInputSchema,
  UploadRevisionInputSchema,
} from "@/lib/revisions/revision.schemas";

const tags = ["Revisions"];

const CreateRevisionHeadersSchema = z.object({
  "if-match": text().describe('The passage\'s current revision number, e.g. "1" (the ETag of its revisions list); 412 when another revision came first'),
  "idempotency-key": text().max(255).optional().describe("A retry with the same key and body returns the first response"),
});

export const createRevisionEndpoint = endpoint({
  method: "POST",
  path: "/api/v1/passages/{passageId}/revisions",
  summary: "Save a new revision of a passage's text (pasted, uploaded, or fetched again from a web address) and re-anchor its claims; editor or higher",
  description:
    "The text (JSON `{ text, note? }`, or a .txt/.md/.html file uploaded as multipart like an import) is normalized as on import and becomes the passage's `text`; the old text stays readable as a revision. In the same transaction every live claim is re-anchored (see `Claim.anchor`): `exact` and `moved` claims keep their quote, `changed` ones span the words that replaced theirs and keep `previousQuote`, `orphaned` ones keep their last target. Passage evidence spans follow `exact`/`moved` placements and lose their offsets otherwise (the quote stays); suggestion dismissals follow too or are dropped. The same text as the current revision is a 409. " +
    "With JSON `{ url, note? }` the server fetches the page again as an import by URL does (public addresses only: 400 `url_not_allowed`), reads its article, and saves it with its own snapshot (`revision.snapshot`, which also becomes the passage's `snapshot`): 201 when the fetch finishes within a few seconds, else 202 with the job to follow (`GET /api/v1/workspaces/{id}/jobs/{jobId}`; its `result.passageId` and `result.revision` once completed). A page whose text has not changed is a 409 saying the passage is already up to date.",
  tags,
  auth: "required",
  params: PassageIdParamsSchema,
  body: CreateRevisionBodySchema,
  upload: { contentType: "multipart/form-data", schema: UploadRevisionInputSchema },
  headers: CreateRevisionHeadersSchema,
  isIdempotent: true,
  responses: {
    201: json(CreateRevisionAnswerSchema, "The passage at its new revision, the revision, and how its claims were re-anchored (ETag: the revision number)"),
    202: json(z.object({ job: JobSchema }).meta({ id: "QueuedRevision" }), "Revision from a web address still being fetched: the job to follow"),
  },
  errors: ["not_found", "conflict", "gone", "precondition_failed", "precondition_required", "url_not_allowed", "fetch_failed", "payload_too_large", "unsupported_media_type"],
});

export const listRevisionsEndpoint = endpoint({
  method: "GET",
  path: "/api/v1/passages/{passageId}/revisions",
  summary: "A passage's revisions, newest first, without their text",
  tags,
  auth: "required",
  params: PassageIdParamsSchema,
  responses: { 200: json(PassageRevisionListSchema, "Every revision (ETag: the newest number)") },
  errors: ["not_found", "gone"],
});

export const getRevisionEndpoint = endpoint({
  method: "GET",
  path: "/api/v1/passages/{passageId}/revisions/{number}",
  summary: "One revision of a passage, with its text",
  tags,
  auth: "required",
  params: RevisionParamsSchema,
  responses: { 200: json(PassageRevisionWithTextSchema, "The revision") },
  errors: ["not_found", "gone"],
});

export const setClaimAnchorEndpoint = endpoint({
  method: "POST",
  path: "/api/v1/claims/{claimId}/anchor",
  summary: "Confirm a changed anchor, place the claim on a span of the newest revision, or confirm it orphaned",
  description:
    "Reviewers and up for claims not yet decided; editors and owners for verified or rejected claims (a confirmed anchor lets a verified claim into ClaimReview exports again). The decision is audited; the claim's review state does not change.",
  tags,
  auth: "required",
  params: ClaimIdParamsSchema,
  headers: IfMatchHeaderSchema,
  body: SetClaimAnchorInputSchema,
  responses: { 200: json(ClaimSchema, "The claim at its new version (ETag: that version)") },
  errors: ["forbidden", "not_found", "conflict", "gone", "precondition_failed", "precondition_required"],
});
