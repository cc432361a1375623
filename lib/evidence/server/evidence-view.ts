import "server-only";
import { snapshotPath } from "@/lib/capture/capture.endpoints";
import type { Evidence, EvidenceCapture } from "@/lib/evidence/evidence.schemas";
import type { EvidenceKind } from "@/lib/generated/prisma/enums";

/** The capture and link-check columns every evidence read includes. */
export const evidenceCaptureSelect = {
  captureStatus: true,
  capturedAt: true,
  captureError: true,
  captureHttpStatus: true,
  snapshotId: true,
  linkHealth: true,
  linkCheckedAt: true,
  linkProblem: true,
  linkUnchangedAt: true,
} as const;

export type EvidenceRow = {
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
  captureStatus: string | null;
  capturedAt: Date | null;
  captureError: string | null;
  captureHttpStatus: number | null;
  snapshotId: string | null;
  linkHealth: string | null;
  linkCheckedAt: Date | null;
  linkProblem: string | null;
  linkUnchangedAt: Date | null;
};

const CAPTURE_STATUSES = ["pending", "captured", "failed"] as const;
const HEALTH_STATUSES = ["ok", "dead", "changed"] as const;


export function toEvidence(row: EvidenceRow): Evidence {
  const captureStatus = CAPTURE_STATUSES.find((status) => status === row.captureStatus);
  const healthStatus = HEALTH_STATUSES.find((status) => status === row.linkHealth);
  const capture: EvidenceCapture | null = captureStatus
    ? {
        status: captureStatus,
        capturedAt: row.capturedAt?.toISOString() ?? null,
        error: row.captureError,
        snapshotUrl: row.snapshotId ? snapshotPath(row.snapshotId) : null,
        httpStatus: row.captureHttpStatus,
      }
    : null;
  return {
    id: row.id,
    kind: row.kind,
    url: row.url,
    title: row.title,
    publisher: row.publisher,
    quote: row.quote,
    accessedAt: row.accessedAt?.toISOString() ?? null,
    passageId: row.passageId,
    start: row.start,
    end: row.end,
    capture,
    health: healthStatus ? { status: healthStatus, checkedAt: row.linkCheckedAt?.toISOString() ?? null, problem: row.linkProblem, unchangedAt: row.linkUnchangedAt?.toISOString() ?? null } : null,
  };
}
