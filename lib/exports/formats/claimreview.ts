import { archivedUrl, claimAppUrl, type ExportClaim, type ExportContext, type ExportFormatter, type ExportVerdict } from "@/lib/exports/export-record";

/**
 * The claim's schema.org Rating: its verdict on the workspace's own scale, by name (alternateName),
 * with ratingValue, bestRating and worstRating only where the rating sits on the scale's numeric
 * part. Null for a claim without a verdict: nothing is ever inferred from its evidence.
 */
export function reviewRating(verdict: ExportVerdict | null, explanation: string | null) {
  if (!verdict) return null;
  const isNumeric = verdict.value !== null && verdict.bestRating !== null && verdict.worstRating !== null;
  return {
    "@type": "Rating",
    alternateName: verdict.name,
    ...(isNumeric && { ratingValue: verdict.value, bestRating: verdict.bestRating, worstRating: verdict.worstRating }),
    ...(explanation ? { ratingExplanation: explanation } : {}),
  };
}

const dateOnly = (iso: string) => iso.slice(0, 10);

export function claimReviewNode(claim: ExportClaim, context: ExportContext) {
  const { passage } = claim;
  const rating = reviewRating(claim.verdict, claim.verdictNote);
  const sourceAuthor = passage.author
    ? { "@type": "Person", name: passage.author }
    : passage.publisher
      ? { "@type": "Organization", name: passage.publisher }
      : undefined;
  const appearance = {
    "@type": "CreativeWork",
    ...(passage.sourceUrl ? { url: passage.sourceUrl } : {}),
    headline: passage.title,
    ...(passage.publisher ? { publisher: { "@type": "Organization", name: passage.publisher } } : {}),
    ...(passage.publishedAt ? { datePublished: dateOnly(passage.publishedAt) } : {}),
  };
  const citations = claim.evidence
    .filter((evidence) => evidence.url)
    .map((evidence) => ({
      "@type": "CreativeWork",
      url: evidence.url,
      ...(evidence.title ? { name: evidence.title } : {}),
      ...(evidence.publisher ? { publisher: { "@type": "Organization", name: evidence.publisher } } : {}),
      ...(evidence.snapshotId ? { archivedAt: archivedUrl(context, evidence.snapshotId) } : {}),
    }));
  return {
    "@type": "ClaimReview",
    url: claimAppUrl(context, claim),
    claimReviewed: claim.statement,
    author: { "@type": "Organization", name: context.workspace.name, url: `${context.appUrl}/w/${context.workspace.id}` },
    datePublished: dateOnly(claim.verifiedBy?.at ?? claim.updatedAt),
    ...(rating && { reviewRating: rating }),
    ...(claim.verdictNote ? { reviewBody: claim.verdictNote } : {}),
    itemReviewed: {
      "@type": "Claim",
      ...(sourceAuthor ? { author: sourceAuthor } : {}),
      ...(passage.publishedAt ? { datePublished: dateOnly(passage.publishedAt) } : {}),
      appearance,
    },
    ...(citations.length ? { citation: citations } : {}),
  };
}

// One JSON-LD document; every node on its own line, so the stream can be read line by line too.
export const claimReviewFormatter: ExportFormatter = {
  contentType: "application/ld+json; charset=utf-8",
  extension: "claimreview.jsonld",
  includesPassageText: false,
  begin: () => `{"@context":"https://schema.org","@graph":[\n`,
  batch: ({ claims }, context, { isFirst }) =>
    claims.map((claim, index) => `${isFirst && index === 0 ? "" : ",\n"}${JSON.stringify(claimReviewNode(claim, context))}`).join(""),
  end: () => `\n]}\n`,
};
