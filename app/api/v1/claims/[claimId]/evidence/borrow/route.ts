import { ClaimIdParamsSchema } from "@/lib/claims/claim.schemas";
import { defineRoute } from "@/lib/http/define-route";
import { BorrowEvidenceInputSchema } from "@/lib/matching/matching.schemas";
import { borrowEvidence } from "@/lib/matching/server/borrow-evidence";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const POST = defineRoute({
  auth: "required",
  params: ClaimIdParamsSchema,
  body: BorrowEvidenceInputSchema,
  isIdempotent: true,
  handler: async ({ actor, params, body }) => ({ body: await borrowEvidence({ actor, claimId: params.claimId, input: body }) }),
});

export const { OPTIONS, GET, PUT, PATCH, DELETE } = otherMethods({ POST });
