import type { ClaimSummary } from "@/lib/claims/claim.schemas";

/** "Text changed · needs re-review": what a claim whose anchor awaits a person shows, or null. */
function anchorBadgeText(claim: Pick<ClaimSummary, "anchor" | "state">): string | null {
  if (!claim.anchor.needsReview) return null;
  const what = claim.anchor.status === "orphaned" ? "Orphaned" : "Text changed";
  return claim.state === "verified" ? `${what} · needs re-review` : what;
}

export function AnchorBadge({ claim }: { claim: Pick<ClaimSummary, "anchor" | "state"> }) {
  const text = anchorBadgeText(claim);
  if (!text) return null;
  return <span className={`anchor-chip anchor-${claim.anchor.status}`}>{text}</span>;
}
