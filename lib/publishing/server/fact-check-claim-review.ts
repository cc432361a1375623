import "server-only";
import type { ExportClaim } from "@/lib/exports/export-record";
import { claimReviewNode } from "@/lib/exports/formats/claimreview";
import type { PublicFactCheck } from "@/lib/publishing/public-fact-check";
import { factCheckPath, workspaceFeedPath } from "@/lib/publishing/slug";

/**
 * The ClaimReview of a public fact-check: the export's builder, with the public page as its url, the
 * publication's dates; the rating is the verdict on the desk's scale, as in every export.
 */
export function factCheckClaimReview(factCheck: PublicFactCheck, origin: string) {
  const node = claimReviewNode(toExportClaim(factCheck), {
    appUrl: origin,
    workspace: factCheck.workspace,
    filterLabel: "published",
    exportUrl: `${origin}${workspaceFeedPath(factCheck.workspace.id, "json")}`,
  });
  return {
    "@context": "https://schema.org",
    ...node,
    url: `${origin}${factCheckPath(factCheck.slug)}`,
    author: { "@type": "Organization", name: factCheck.workspace.name },
    datePublished: factCheck.publishedAt,
    dateModified: factCheck.modifiedAt,
  };
}

function toExportClaim(factCheck: PublicFactCheck): ExportClaim {
  return {
    id: factCheck.slug,
    passage: factCheck.passage,
    exact: factCheck.quote,
    prefix: "",
    suffix: "",
    start: 0,
    end: 0,
    // ClaimReview reads neither offsets nor anchors; the page quotes the claim's words as they are.
    anchor: { status: "exact", revision: 1, previousQuote: null },
    statement: factCheck.statement,
    label: null,
    state: "verified",
    verdict: factCheck.verdict
      ? {
          key: factCheck.verdict.key,
          name: factCheck.verdict.name,
          value: factCheck.verdict.value,
          bestRating: factCheck.scale?.best ?? null,
          worstRating: factCheck.scale?.worst ?? null,
        }
      : null,
    verdictNote: factCheck.verdictNote,
    evidence: factCheck.evidence.map((link) => ({
      ...link,
      note: null,
      kind: "web",
      quote: null,
      accessedAt: null,
      passageId: null,
      start: null,
      end: null,
      // Stored copies are for members only: a public page never links to one.
      snapshotId: null,
    })),
    createdBy: { id: "", name: "" },
    assignee: null,
    verifiedBy: null,
    createdAt: factCheck.publishedAt,
    updatedAt: factCheck.modifiedAt,
  };
}
