import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireWorkspaceAccess } from "@/lib/auth/server/workspace-access";
import { hidesUndecidedLabels } from "@/lib/claims/server/claim-view";
import { db } from "@/lib/db";
import type { ClaimCounts } from "@/lib/claims/claim-counts";

const emptyLabels = () => ({ factual: 0, opinion: 0, disputed: 0, none: 0 });

/** The workspace dashboard's numbers: live claims per review state and label, in one grouped query. */
export async function countClaims({ actor, workspaceId }: { actor: Actor; workspaceId: string }): Promise<ClaimCounts> {
  const viewer = await requireWorkspaceAccess(actor, workspaceId, "workspace.read");
  const live = { workspaceId, deletedAt: null, passage: { deletedAt: null } };
  const [groups, assignedToMe] = await Promise.all([
    db.claim.groupBy({ by: ["state", "label", "labelDecidedById"], where: live, _count: { _all: true } }),
    db.claim.count({ where: { ...live, assigneeId: actor.userId, state: { in: ["draft", "in_review"] } } }),
  ]);
  const counts: ClaimCounts = {
    total: 0,
    byState: { draft: 0, in_review: 0, verified: 0, rejected: 0 },
    byLabel: emptyLabels(),
    byStateAndLabel: { draft: emptyLabels(), in_review: emptyLabels(), verified: emptyLabels(), rejected: emptyLabels() },
    assignedToMe,
  };
  const isHidden = hidesUndecidedLabels(viewer);
  for (const group of groups) {
    // In blind review a label no editor decided is a vote: it counts as none for reviewers and viewers.
    const label = (isHidden && group.labelDecidedById === null ? null : group.label) ?? "none";
    const count = group._count._all;
    counts.total += count;
    counts.byState[group.state] += count;
    counts.byLabel[label] += count;
    counts.byStateAndLabel[group.state][label] += count;
  }
  return counts;
}
