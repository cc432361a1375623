import "server-only";
import { db } from "@/lib/db";
import type { PublicRating } from "@/lib/publishing/public-fact-check";
import { reportSegments, type ReportSegment } from "@/lib/publishing/report-segments";

export type PassageReport = {
  passage: { id: string; title: string; sourceUrl: string | null; author: string | null; publisher: string | null; publishedAt: string | null; language: string | null };
  workspace: { id: string; name: string };
  /** The published claims in text order: what the highlights link to. */
  claims: { slug: string; statement: string; verdict: PublicRating | null }[];
  segments: ReportSegment[];
};

/** A published passage: its text, its published claims highlighted. Null when none of its claims is published. */
export async function getPassageReport(passageId: string): Promise<PassageReport | null> {
  const passage = await db.passage.findFirst({
    where: { id: passageId, deletedAt: null },
    select: {
      id: true,
      title: true,
      text: true,
      sourceUrl: true,
      author: true,
      publisher: true,
      publishedAt: true,
      language: true,
      workspace: { select: { id: true, name: true } },
      // Only claims with a live publication: drafts, claims in review and withdrawn ones never reach the page.
      claims: {
        where: { deletedAt: null, publication: { is: { withdrawnAt: null } } },
        orderBy: [{ start: "asc" }, { id: "asc" }],
        select: {
          statement: true,
          start: true,
          end: true,
          exact: true,
          anchorStatus: true,
          publication: { select: { slug: true } },
          rating: { select: { key: true, name: true, description: true, value: true } },
        },
      },
    },
  });
  if (!passage || passage.claims.length === 0) return null;
  const claims = passage.claims.map((claim) => ({ slug: claim.publication?.slug ?? "", statement: claim.statement, verdict: claim.rating }));
  // An orphaned claim's span points into an older revision; it is listed, not highlighted.
  const spans = passage.claims.map((claim) =>
    claim.anchorStatus !== "orphaned" && passage.text.slice(claim.start, claim.end) === claim.exact ? { start: claim.start, end: claim.end } : { start: -1, end: -1 },
  );
  return {
    passage: {
      id: passage.id,
      title: passage.title,
      sourceUrl: passage.sourceUrl,
      author: passage.author,
      publisher: passage.publisher,
      publishedAt: passage.publishedAt?.toISOString() ?? null,
      language: passage.language,
    },
    workspace: passage.workspace,
    claims,
    segments: reportSegments(passage.text, spans),
  };
}
