import type { ClaimLabel, EvidenceKind, EvidenceStance, ReviewState } from "@/lib/generated/prisma/enums";

// The plain shape every formatter reads: one claim with what an export says about it.
// Dates are ISO strings so formatting never depends on the reader's time zone.

export type ExportPerson = { id: string; name: string };

export type ExportPassage = {
  id: string;
  title: string;
  sourceUrl: string | null;
  publisher: string | null;
  author: string | null;
  publishedAt: string | null;
  language: string | null;
};

export type ExportPassageWithText = ExportPassage & { text: string; textHash: string };

export type ExportEvidence = {
  stance: EvidenceStance;
  note: string | null;
  kind: EvidenceKind;
  url: string | null;
  title: string | null;
  publisher: string | null;
  quote: string | null;
  accessedAt: string | null;
  passageId: string | null;
  start: number | null;
  end: number | null;
};

export type ExportClaim = {
  id: string;
  passage: ExportPassage;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  statement: string;
  label: ClaimLabel | null;
  state: ReviewState;
  verdictNote: string | null;
  evidence: ExportEvidence[];
  createdBy: ExportPerson;
  assignee: ExportPerson | null;
  /** From the audit log: the last move to `verified`, when the claim is verified now. */
  verifiedBy: (ExportPerson & { at: string }) | null;
  createdAt: string;
  updatedAt: string;
};

/** What every formatter knows about the export as a whole. */
export type ExportContext = {
  appUrl: string;
  workspace: { id: string; name: string };
  /** Human-readable description of the filters, e.g. "verified, factual". */
  filterLabel: string;
};

export const passageAppUrl = (context: ExportContext, passageId: string) =>
  `${context.appUrl}/w/${encodeURIComponent(context.workspace.id)}/passages/${encodeURIComponent(passageId)}`;

/** The stable link to a claim in the app: its passage, with the claim selected. */
export const claimAppUrl = (context: ExportContext, claim: { id: string; passage: { id: string } }) =>
  `${passageAppUrl(context, claim.passage.id)}?claim=${encodeURIComponent(claim.id)}`;

/** One batch of the export: the claims, and (for formats that carry text) passages not yet written. */
export type ExportBatch = { claims: ExportClaim[]; newPassages: ExportPassageWithText[] };

/**
 * A format turns batches into text. `begin` and `end` frame the document; `batch` gets every
 * claim once, in order, and `isFirst` tells whether anything was written before it (for commas).
 */
export type ExportFormatter = {
  contentType: string;
  extension: string;
  /** Passage text travels in the file (JSONL) so an import elsewhere can recreate the passage. */
  includesPassageText: boolean;
  begin: (context: ExportContext) => string;
  batch: (batch: ExportBatch, context: ExportContext, state: { isFirst: boolean }) => string;
  end: (context: ExportContext) => string;
};
