import type { Evidence } from "@/lib/evidence/evidence.schemas";
import { formatDay } from "@/lib/format-date";


/** "captured ✓ date" with the stored copy (opened sandboxed, members only), or why the capture failed; and what the link checker found. */
export function EvidenceCaptureStatus({ evidence }: { evidence: Evidence }) {
  const { capture, health } = evidence;
  if (!capture) return null;
  const label = evidence.title ?? evidence.url ?? "this source";
  return (
    <p className="hint evidence-capture">
      {capture.status === "pending" && <span>Capturing a copy…{capture.error ? ` ${capture.error}` : ""}</span>}
      {capture.status === "captured" && (
        <>
          <span>Captured ✓ {capture.capturedAt ? <time dateTime={capture.capturedAt}>{formatDay(capture.capturedAt)}</time> : null}</span>
          {capture.snapshotUrl && (
            <>
              {" · "}
              <a href={capture.snapshotUrl} target="_blank" rel="noopener noreferrer" aria-label={`Stored copy of ${label}`}>
                Stored copy
              </a>
            </>
          )}
        </>
      )}
      {capture.status === "failed" && <span>Not captured: {capture.error ?? "the page could not be fetched."}</span>}
      {health && health.status === "ok" && health.problem && (
        <span className="evidence-unreachable">
          {" · "}
          {health.problem}
        </span>
      )}
      {health && health.status !== "ok" && (
        <strong className="evidence-attention">
          {" · "}
          {health.status === "dead" ? "Link dead" : "Page changed"}
          {health.checkedAt ? ` (checked ${formatDay(health.checkedAt)})` : ""}: {health.problem}
          {health.status === "changed" && health.unchangedAt ? ` Its text was last seen as captured on ${formatDay(health.unchangedAt)}.` : ""}
        </strong>
      )}
    </p>
  );
}
