import { ClaimIdParamsSchema } from "@/lib/claims/claim.schemas";
import { defineRoute } from "@/lib/http/define-route";
import { BorrowEvidenceInputSchema } from "@/lib/matching/matching.schemas";
import { borrowEvidence } from "@/lib/matching/server/borrow-evidence";

export const POST = defineRoute({
  auth: "required",
  params: ClaimIdParamsSchema,
  body: BorrowEvidenceInputSchema,
  isIdempotent: true,
  handler: async ({ actor, params, body }) => ({ body: await borrowEvidence({ actor, claimId: params.claimId, input: body }) }),
});
