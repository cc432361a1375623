import { archivedUrl, claimAppUrl, type ExportClaim, type ExportContext, type ExportFormatter } from "@/lib/exports/export-record";

/**
 * The textual rating Google shows for a claim (alternateName), from its label and the stance of
 * its evidence. A number on the 1–5 scale only where the evidence says true or false.
 */
export type ClaimRating = { alternateName: string; ratingValue?: number };

export const RATING_SCALE = { bestRating: 5, worstRating: 1 } as const;

export function claimRating(claim: Pick<ExportClaim, "label" | "evidence">): ClaimRating {
  const supports = claim.evidence.some((evidence) => evidence.stance === "supports");
  const refutes = claim.evidence.some((evidence) => evidence.stance === "refutes");
  switch (claim.label) {
    case "factual":
      if (supports && refutes) return { alternateName: "Mixed evidence", ratingValue: 3 };
      if (supports) return { alternateName: "Supported by evidence", ratingValue: 5 };
      if (refutes) return { alternateName: "Contradicted by evidence", ratingValue: 1 };
      return { alternateName: "Factual claim, not yet rated" };
    case "disputed":
      return { alternateName: "Disputed" };
    case "opinion":
      return { alternateName: "Opinion, not checkable" };
    default:
      return { alternateName: "Not rated" };
  }
}

const dateOnly = (iso: string) => iso.slice(0, 10);

export function claimReviewNode(claim: ExportClaim, context: ExportContext) {
  const { passage } = claim;
  const rating = claimRating(claim);
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
    reviewRating: {
      "@type": "Rating",
      alternateName: rating.alternateName,
      ...(rating.ratingValue === undefined ? {} : { ratingValue: rating.ratingValue, ...RATING_SCALE }),
      ...(claim.verdictNote ? { ratingExplanation: claim.verdictNote } : {}),
    },
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
