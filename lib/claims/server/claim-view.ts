import "server-only";
import type { Claim, ClaimSummary } from "@/lib/claims/claim.schemas";
import type { EvidenceLink } from "@/lib/evidence/evidence.schemas";
import { evidenceCaptureSelect, type EvidenceRow, toEvidence } from "@/lib/evidence/server/evidence-view";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can } from "@/lib/auth/permissions";
import { publicationSelect, toPublication, type PublicationRow } from "@/lib/publishing/server/publication-view";
import type { AnchorStatus, ClaimLabel, EvidenceStance, ReviewState, Role } from "@/lib/generated/prisma/enums";
import { anchorNeedsReview } from "@/lib/revisions/anchor-review";

/**
 * Who a claim is shown to. In blind double review a reviewer or viewer sees a label only once an
 * editor set it as the final one (labelDecidedById); editors and owners see every label.
 */
export type ClaimViewer = { role: Role; isBlindReview: boolean };

export const claimSummarySelect = {
  id: true,
  workspaceId: true,
  passageId: true,
  statement: true,
  label: true,
  labelDecidedById: true,
  state: true,
  assigneeId: true,
  verdictNote: true,
  verdict: true,
  rating: { select: { name: true } },
  duplicateOfId: true,
  exact: true,
  prefix: true,
  suffix: true,
  start: true,
  end: true,
  anchorStatus: true,
  anchorConfidence: true,
  anchorRevision: true,
  previousQuote: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  createdBy: { select: { id: true, name: true } },
  passage: { select: { title: true, revision: true } },
  _count: { select: { evidence: { where: { deletedAt: null } } } },
} as const;

export const evidenceLinkSelect = {
  id: true,
  stance: true,
  note: true,
  createdAt: true,
  createdBy: { select: { id: true, name: true } },
  evidence: {
    select: { id: true, kind: true, url: true, title: true, publisher: true, quote: true, accessedAt: true, passageId: true, start: true, end: true, ...evidenceCaptureSelect },
  },
} as const;

export const claimSelect = {
  ...claimSummarySelect,
  evidence: {
    where: { deletedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }] as Prisma.ClaimEvidenceOrderByWithRelationInput[],
    select: evidenceLinkSelect,
  },
  publication: { select: publicationSelect },
} as const;

type ClaimRowBase = {
  id: string;
  workspaceId: string;
  passageId: string;
  statement: string;
  label: ClaimLabel | null;
  labelDecidedById: string | null;
  state: ReviewState;
  assigneeId: string | null;
  verdictNote: string | null;
  verdict: string | null;
  rating: { name: string } | null;
  duplicateOfId: string | null;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  anchorStatus: AnchorStatus;
  anchorConfidence: number;
  anchorRevision: number;
  previousQuote: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  createdBy: { id: string; name: string };
  passage: { title: string; revision: number };
  _count: { evidence: number };
};

export type EvidenceLinkRow = {
  id: string;
  stance: EvidenceStance;
  note: string | null;
  createdAt: Date;
  createdBy: { id: string; name: string };
  evidence: EvidenceRow;
};

/** Whether this viewer must not see labels no editor has decided: reviewers and viewers of a blind workspace. */
export function hidesUndecidedLabels(viewer: ClaimViewer): boolean {
  return viewer.isBlindReview && !can(viewer.role, "claim.decide");
}

/** The label this viewer may see: in a blind workspace an undecided label is a vote, hidden from reviewers. */
function visibleLabel(row: { label: ClaimLabel | null; labelDecidedById: string | null }, viewer: ClaimViewer): ClaimLabel | null {
  return hidesUndecidedLabels(viewer) && row.labelDecidedById === null ? null : row.label;
}

function baseFields(row: ClaimRowBase, viewer: ClaimViewer) {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    passageId: row.passageId,
    statement: row.statement,
    label: visibleLabel(row, viewer),
    state: row.state,
    assigneeId: row.assigneeId,
    verdictNote: row.verdictNote,
    // Verdicts are set by editors only, so they are decisions, never blind votes: every member sees them.
    verdict: row.verdict,
    verdictName: row.rating?.name ?? null,
    duplicateOfId: row.duplicateOfId,
    target: { quote: { exact: row.exact, prefix: row.prefix, suffix: row.suffix }, position: { start: row.start, end: row.end } },
    anchor: {
      status: row.anchorStatus,
      confidence: row.anchorConfidence,
      // A placed target stands in the newest revision (a revision leaves rows it did not move untouched); an orphan's in its last.
      revision: row.anchorStatus === "orphaned" ? row.anchorRevision : row.passage.revision,
      previousQuote: row.previousQuote,
      needsReview: anchorNeedsReview({ status: row.anchorStatus, confidence: row.anchorConfidence }),
    },
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export function toClaimSummary(row: ClaimRowBase, viewer: ClaimViewer): ClaimSummary {
  return { ...baseFields(row, viewer), evidenceCount: row._count.evidence, passageTitle: row.passage.title };
}

export function toEvidenceLink(row: EvidenceLinkRow): EvidenceLink {
  return {
    id: row.id,
    stance: row.stance,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    evidence: toEvidence(row.evidence),
  };
}

export function toClaim(row: ClaimRowBase & { evidence: EvidenceLinkRow[]; publication: PublicationRow | null }, viewer: ClaimViewer): Claim {
  return { ...baseFields(row, viewer), evidence: row.evidence.map(toEvidenceLink), publication: row.publication ? toPublication(row.publication) : null };
}
