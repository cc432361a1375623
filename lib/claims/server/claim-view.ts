import "server-only";
import type { Claim, ClaimSummary } from "@/lib/claims/claim.schemas";
import type { EvidenceLink } from "@/lib/evidence/evidence.schemas";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ClaimLabel, EvidenceKind, EvidenceStance, ReviewState } from "@/lib/generated/prisma/enums";

export const claimSummarySelect = {
  id: true,
  workspaceId: true,
  passageId: true,
  statement: true,
  label: true,
  state: true,
  assigneeId: true,
  verdictNote: true,
  duplicateOfId: true,
  exact: true,
  prefix: true,
  suffix: true,
  start: true,
  end: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  createdBy: { select: { id: true, name: true } },
  passage: { select: { title: true } },
  _count: { select: { evidence: { where: { deletedAt: null } } } },
} as const;

export const evidenceLinkSelect = {
  id: true,
  stance: true,
  note: true,
  createdAt: true,
  createdBy: { select: { id: true, name: true } },
  evidence: {
    select: { id: true, kind: true, url: true, title: true, publisher: true, quote: true, accessedAt: true, passageId: true, start: true, end: true },
  },
} as const;

export const claimSelect = {
  ...claimSummarySelect,
  evidence: {
    where: { deletedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }] as Prisma.ClaimEvidenceOrderByWithRelationInput[],
    select: evidenceLinkSelect,
  },
} as const;

type ClaimRowBase = {
  id: string;
  workspaceId: string;
  passageId: string;
  statement: string;
  label: ClaimLabel | null;
  state: ReviewState;
  assigneeId: string | null;
  verdictNote: string | null;
  duplicateOfId: string | null;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  createdBy: { id: string; name: string };
  passage: { title: string };
  _count: { evidence: number };
};

export type EvidenceLinkRow = {
  id: string;
  stance: EvidenceStance;
  note: string | null;
  createdAt: Date;
  createdBy: { id: string; name: string };
  evidence: {
    id: string;
    kind: EvidenceKind;
    url: string | null;
    title: string | null;
    publisher: string | null;
    quote: string | null;
    accessedAt: Date | null;
    passageId: string | null;
    start: number | null;
    end: number | null;
  };
};

function baseFields(row: ClaimRowBase) {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    passageId: row.passageId,
    statement: row.statement,
    label: row.label,
    state: row.state,
    assigneeId: row.assigneeId,
    verdictNote: row.verdictNote,
    duplicateOfId: row.duplicateOfId,
    target: { quote: { exact: row.exact, prefix: row.prefix, suffix: row.suffix }, position: { start: row.start, end: row.end } },
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export function toClaimSummary(row: ClaimRowBase): ClaimSummary {
  return { ...baseFields(row), evidenceCount: row._count.evidence, passageTitle: row.passage.title };
}

export function toEvidenceLink(row: EvidenceLinkRow): EvidenceLink {
  return {
    id: row.id,
    stance: row.stance,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    evidence: { ...row.evidence, accessedAt: row.evidence.accessedAt?.toISOString() ?? null },
  };
}

export function toClaim(row: ClaimRowBase & { evidence: EvidenceLinkRow[] }): Claim {
  return { ...baseFields(row), evidence: row.evidence.map(toEvidenceLink) };
}
