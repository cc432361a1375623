import { ClaimIdParamsSchema } from "@/lib/claims/claim.schemas";
import { AddEvidenceInputSchema } from "@/lib/evidence/evidence.schemas";
import { addEvidence } from "@/lib/evidence/server/add-evidence";
import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const POST = defineRoute({
  auth: "required",
  params: ClaimIdParamsSchema,
  body: AddEvidenceInputSchema,
  isIdempotent: true,
  handler: async ({ actor, params, body }) => ({ status: 201, body: await addEvidence({ actor, claimId: params.claimId, input: body }) }),
});

export const { OPTIONS, GET, PUT, PATCH, DELETE } = otherMethods({ POST });
