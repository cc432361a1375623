import type { EvidenceStance } from "@/lib/generated/prisma/enums";
import type { CorrectionChange } from "@/lib/publishing/publishing.schemas";

// What the public may read about a published claim: exactly the fields below, nothing else of the
// record (no review state, label votes, comments, assignees, people of the desk, private passages).
// Plain JSON, so the data cache can keep it.

export type PublicRating = { key: string; name: string; description: string; value: number | null };

export type PublicCorrection = { note: string; createdAt: string; changes: CorrectionChange[] };

export type PublicFactCheck = {
  status: "published";
  slug: string;
  statement: string;
  /** The words as said, quoted from the passage. */
  quote: string;
  verdict: PublicRating | null;
  verdictNote: string | null;
  /** The truth-like values of the desk's scale (null when no rating has one). */
  scale: { best: number; worst: number } | null;
  /** Every rating of the desk, to name the verdicts corrections changed. */
  ratings: PublicRating[];
  passage: { id: string; title: string; sourceUrl: string | null; author: string | null; publisher: string | null; publishedAt: string | null; language: string | null };
  /** Web sources only: a span of another passage would quote text that may not be public. */
  evidence: { stance: EvidenceStance; url: string; title: string | null; publisher: string | null }[];
  workspace: { id: string; name: string };
  publishedAt: string;
  modifiedAt: string;
  /** Newest first. */
  corrections: PublicCorrection[];
};

export type WithdrawnFactCheck = { status: "withdrawn"; slug: string; withdrawnAt: string; workspace: { id: string; name: string } };

export type PublicFactCheckLookup = PublicFactCheck | WithdrawnFactCheck | null;

export const STANCE_WORDS: Record<EvidenceStance, string> = { supports: "Supports the claim", refutes: "Refutes the claim", context: "Gives context" };
