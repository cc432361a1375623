import type { OffsetConverter } from "@/lib/claims/code-point-offsets";
import type { ExportQuery } from "@/lib/exports/export.schemas";
import type { AnchorStatus, ClaimLabel, EvidenceKind, EvidenceStance, ReviewState } from "@/lib/generated/prisma/enums";

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
  /** The stored copy of a web source (served at /api/v1/snapshots/{id}); exported as its URL. */
  snapshotId: string | null;
};

/**
 * The claim's verdict: its rating on the workspace's scale, with the scale's bounds read in the same
 * snapshot (null when no rating on the scale has a value).
 */
export type ExportVerdict = { key: string; name: string; value: number | null; bestRating: number | null; worstRating: number | null };

export type ExportClaim = {
  id: string;
  passage: ExportPassage;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  /**
   * Where the target stands after revisions (lib/revisions): an orphan's words are gone from the
   * passage, so its target describes revision `revision`, not the passage text exported beside it.
   */
  anchor: { status: AnchorStatus; revision: number; previousQuote: string | null };
  statement: string;
  label: ClaimLabel | null;
  state: ReviewState;
  verdict: ExportVerdict | null;
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
  /** The export's own address (exportApiUrl): the same filters give the same IRI. */
  exportUrl: string;
};

/**
 * The API URL that gives this export, with the parsed query's parameters sorted by name: a stable
 * IRI for the file as a whole (the Web Annotation collection's id). Defaults are written out, so
 * `?format=csv` and `?format=csv&state=verified` name the same export.
 */
export function exportApiUrl(appUrl: string, workspaceId: string, query: ExportQuery): string {
  const parameters = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  parameters.sort();
  return `${appUrl}/api/v1/workspaces/${encodeURIComponent(workspaceId)}/export?${parameters.toString()}`;
}

export const passageAppUrl = (context: ExportContext, passageId: string) =>
  `${context.appUrl}/w/${encodeURIComponent(context.workspace.id)}/passages/${encodeURIComponent(passageId)}`;

/** The stable link to a claim in the app: its passage, with the claim selected. */
export const claimAppUrl = (context: ExportContext, claim: { id: string; passage: { id: string } }) =>
  `${passageAppUrl(context, claim.passage.id)}?claim=${encodeURIComponent(claim.id)}`;

/** The stored copy of a web source, beside its original (members of the workspace can open it). */
export const archivedUrl = (context: ExportContext, snapshotId: string) => `${context.appUrl}/api/v1/snapshots/${encodeURIComponent(snapshotId)}`;

/**
 * One batch of the export: the claims, passages not yet written (for formats that carry text), and
 * the offset converters of the passages with characters beyond U+FFFF that claims and span evidence
 * point into (a passage not in the map counts code points and code units alike). Offsets are UTF-16
 * code units; Web Annotation's TextPositionSelector counts code points (lib/claims/code-point-offsets.ts).
 */
export type ExportBatch = { claims: ExportClaim[]; newPassages: ExportPassageWithText[]; offsetConverters: ReadonlyMap<string, OffsetConverter> };

/**
 * A format turns batches into text. `begin` and `end` frame the document; `batch` gets every
 * claim once, in order, and `isFirst` tells whether anything was written before it (for commas).
 */
export type ExportFormatter = {
  contentType: string;
  extension: string;
  /** Passage text travels in the file (JSONL) so an import elsewhere can recreate the passage. */
  includesPassageText: boolean;
  /** `claimCount` is how many claims the batches will hold, counted in the same snapshot. */
  begin: (context: ExportContext, totals: { claimCount: number }) => string;
  batch: (batch: ExportBatch, context: ExportContext, state: { isFirst: boolean }) => string;
  end: (context: ExportContext, totals: { claimCount: number }) => string;
};
