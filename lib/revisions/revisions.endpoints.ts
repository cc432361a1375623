import { z } from "zod";
import { ClaimIdParamsSchema, ClaimSchema, IfMatchHeaderSchema } from "@/lib/claims/claim.schemas";
import { endpoint, json } from "@/lib/http/endpoint";
import { text } from "@/lib/http/text.schemas";
import { PassageIdParamsSchema } from "@/lib/passages/passage.schemas";
import {
  CreateRevisionAnswerSchema,
  CreateRevisionInputSchema,
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
  summary: "Save a new revision of a passage's text and re-anchor its claims; editor or higher",
  description:
    "The text (JSON `{ text, note? }`, or a .txt/.md/.html file uploaded as multipart like an import) is normalized as on import and becomes the passage's `text`; the old text stays readable as a revision. In the same transaction every live claim is re-anchored (see `Claim.anchor`): `exact` and `moved` claims keep their quote, `changed` ones span the words that replaced theirs and keep `previousQuote`, `orphaned` ones keep their last target. Passage evidence spans follow `exact`/`moved` placements and lose their offsets otherwise (the quote stays); suggestion dismissals follow too or are dropped. The same text as the current revision is a 409.",
  tags,
  auth: "required",
  params: PassageIdParamsSchema,
  body: CreateRevisionInputSchema,
  upload: { contentType: "multipart/form-data", schema: UploadRevisionInputSchema },
  headers: CreateRevisionHeadersSchema,
  isIdempotent: true,
  responses: { 201: json(CreateRevisionAnswerSchema, "The passage at its new revision, the revision, and how its claims were re-anchored (ETag: the revision number)") },
  errors: ["not_found", "conflict", "gone", "precondition_failed", "precondition_required"],
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
