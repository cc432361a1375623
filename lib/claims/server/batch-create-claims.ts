import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { BatchCreateClaimsInput, BatchCreateReport } from "@/lib/claims/claim.schemas";
import { insertClaim } from "@/lib/claims/server/create-claim";
import { db } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { requirePassageAccess } from "@/lib/passages/server/passage-access";
import { lockPassageRevision } from "@/lib/revisions/server/lock-passage-revision";

/**
 * Marks many claims on one passage in one transaction, each through insertClaim with its own
 * `claim.created` event, as a script would one by one. An item insertClaim refuses (a span that
 * cannot be placed, a label the caller may not set in blind review) is reported with the reason
 * a single create would answer, and the others are created; any other failure writes nothing.
 */
export async function batchCreateClaims({
  actor,
  passageId,
  input,
}: {
  actor: Actor;
  passageId: string;
  input: BatchCreateClaimsInput;
}): Promise<BatchCreateReport> {
  const { passage, role, isBlindReview } = await requirePassageAccess(actor, passageId, "claim.create", { includeText: true });
  return db.$transaction(
    async (tx) => {
      await lockPassageRevision(tx, passage.id, passage.revision);
      const items: BatchCreateReport["items"] = [];
      for (const [index, claimInput] of input.claims.entries()) {
        try {
          const claim = await insertClaim(tx, { actor, role, isBlindReview, passage, input: claimInput });
          items.push({ index, status: "created", claimId: claim.id, reason: null });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          items.push({ index, status: error.code === "validation_failed" ? "not_anchored" : "refused", claimId: null, reason: error.message });
        }
      }
      const count = (status: BatchCreateReport["items"][number]["status"]) => items.filter((item) => item.status === status).length;
      return { counts: { items: items.length, created: count("created"), notAnchored: count("not_anchored"), refused: count("refused") }, items };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
