import "server-only";
import { cohensKappa, krippendorffAlphaNominal } from "@/lib/agreement/agreement-statistics";
import type { AgreementReport } from "@/lib/agreement/agreement.schemas";
import type { Actor } from "@/lib/auth/actor";
import { requireWorkspaceAccess } from "@/lib/auth/server/workspace-access";
import { db } from "@/lib/db";
import type { ClaimLabel } from "@/lib/generated/prisma/enums";
import { CLAIM_LABELS } from "@/lib/review/review-state";

type Vote = { claimId: string; passageId: string; reviewerId: string; label: ClaimLabel };

/** Inter-reviewer agreement on blind labels: alpha for the workspace and each passage, kappa for each pair of reviewers. */
export async function computeAgreement({ actor, workspaceId }: { actor: Actor; workspaceId: string }): Promise<AgreementReport> {
  await requireWorkspaceAccess(actor, workspaceId, "claim.decide");
  const rows = await db.blindLabel.findMany({
    where: { claim: { workspaceId, deletedAt: null, passage: { deletedAt: null } } },
    select: {
      label: true,
      reviewer: { select: { id: true, name: true } },
      claim: { select: { id: true, passageId: true, passage: { select: { title: true } } } },
    },
  });
  const votes: Vote[] = rows.map((row) => ({ claimId: row.claim.id, passageId: row.claim.passageId, reviewerId: row.reviewer.id, label: row.label }));
  const reviewers = new Map(rows.map((row) => [row.reviewer.id, row.reviewer]));
  const titles = new Map(rows.map((row) => [row.claim.passageId, row.claim.passage.title]));

  const passageIds = [...titles.keys()].sort((a, b) => (titles.get(a) ?? "").localeCompare(titles.get(b) ?? ""));
  const passages = passageIds.map((passageId) => ({
    passageId,
    title: titles.get(passageId) ?? "",
    ...krippendorffAlphaNominal(unitsOf(votes.filter((vote) => vote.passageId === passageId))),
  }));

  const byReviewer = new Map<string, Map<string, ClaimLabel>>();
  for (const vote of votes) byReviewer.set(vote.reviewerId, (byReviewer.get(vote.reviewerId) ?? new Map()).set(vote.claimId, vote.label));
  const reviewerIds = [...byReviewer.keys()].sort((a, b) => (reviewers.get(a)?.name ?? "").localeCompare(reviewers.get(b)?.name ?? ""));
  const pairs: AgreementReport["pairs"] = [];
  reviewerIds.forEach((firstId, i) => {
    for (const secondId of reviewerIds.slice(i + 1)) {
      const firstVotes = byReviewer.get(firstId) ?? new Map<string, ClaimLabel>();
      const secondVotes = byReviewer.get(secondId) ?? new Map<string, ClaimLabel>();
      const shared = [...firstVotes].flatMap(([claimId, label]): [ClaimLabel, ClaimLabel][] => {
        const other = secondVotes.get(claimId);
        return other ? [[label, other]] : [];
      });
      if (shared.length === 0) continue;
      const result = cohensKappa(shared, CLAIM_LABELS);
      const first = reviewers.get(firstId);
      const second = reviewers.get(secondId);
      if (!first || !second) continue;
      pairs.push({
        first,
        second,
        kappa: result.kappa,
        observedAgreement: result.observedAgreement,
        expectedAgreement: result.expectedAgreement,
        itemCount: result.itemCount,
        confusion: result.confusion.counts,
      });
    }
  });

  return { categories: [...CLAIM_LABELS], labelCount: votes.length, workspace: krippendorffAlphaNominal(unitsOf(votes)), passages, pairs };
}

/** One unit per claim: the labels its reviewers gave. */
function unitsOf(votes: readonly Vote[]): ClaimLabel[][] {
  const units = new Map<string, ClaimLabel[]>();
  for (const vote of votes) units.set(vote.claimId, [...(units.get(vote.claimId) ?? []), vote.label]);
  return [...units.values()];
}
