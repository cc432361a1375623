import type { AnchorStatus } from "@/lib/revisions/reanchor";

/**
 * Whether a person should look at a claim's anchor: a `changed` one always (until confirmed or
 * placed, which makes it exact), an `orphaned` one until someone confirms it (confidence 1). SQL
 * twins: `anchorNeedsReviewSql` below, for the claims list and the ClaimReview export.
 */
export function anchorNeedsReview(anchor: { status: AnchorStatus; confidence: number }): boolean {
  return anchor.status === "changed" || (anchor.status === "orphaned" && anchor.confidence < 1);
}

/** Where an orphan's words last stood, in words: a revision of its passage, or (revision 0) the source an import brought it from. */
export const orphanPlaceText = (revision: number) => (revision === 0 ? "in the source it was imported from" : `in revision ${revision}`);

/** The same rule in SQL over a claim row aliased `alias`. */
export const anchorNeedsReviewSql = (alias: string) =>
  `(${alias}."anchorStatus" = 'changed' OR (${alias}."anchorStatus" = 'orphaned' AND ${alias}."anchorConfidence" < 1))`;
