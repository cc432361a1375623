import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireWorkspaceAccess } from "@/lib/auth/server/workspace-access";
import { db } from "@/lib/db";
import type { BlindReviewItem } from "@/lib/review/blind-review.schemas";

const MAX_ITEMS = 500;
const STATUS_ORDER = { disagreement: 0, waiting: 1, agreement: 2 } as const;

/** Claims with blind votes, disagreements first, for an editor to compare and decide. */
export async function listBlindReviews({
  actor,
  workspaceId,
  query,
}: {
  actor: Actor;
  workspaceId: string;
  query: { status: BlindReviewItem["status"] | "all"; isDecided?: boolean };
}): Promise<{ items: BlindReviewItem[] }> {
  await requireWorkspaceAccess(actor, workspaceId, "claim.decide");
  const rows = await db.claim.findMany({
    where: {
      workspaceId,
      deletedAt: null,
      passage: { deletedAt: null },
      blindLabels: { some: {} },
      // Decided: an editor set the final label (a label from before blind review is not a decision).
      ...(query.isDecided === undefined ? {} : query.isDecided ? { label: { not: null }, labelDecidedById: { not: null } } : { OR: [{ label: null }, { labelDecidedById: null }] }),
    },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: MAX_ITEMS,
    select: {
      id: true,
      passageId: true,
      statement: true,
      label: true,
      state: true,
      version: true,
      passage: { select: { title: true } },
      labelDecidedBy: { select: { id: true, name: true } },
      blindLabels: { orderBy: { createdAt: "asc" }, select: { label: true, updatedAt: true, reviewer: { select: { id: true, name: true } } } },
    },
  });
  const items = rows.map((row): BlindReviewItem => {
    const distinct = new Set(row.blindLabels.map((vote) => vote.label));
    const status = row.blindLabels.length < 2 ? "waiting" : distinct.size > 1 ? "disagreement" : "agreement";
    return {
      claim: { id: row.id, passageId: row.passageId, passageTitle: row.passage.title, statement: row.statement, label: row.label, state: row.state, version: row.version },
      labels: row.blindLabels.map((vote) => ({ reviewer: vote.reviewer, label: vote.label, updatedAt: vote.updatedAt.toISOString() })),
      status,
      decidedBy: row.label === null ? null : row.labelDecidedBy,
    };
  });
  return {
    items: items.filter((item) => query.status === "all" || item.status === query.status).sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]),
  };
}
