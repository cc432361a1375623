"use client";

import { useRef, useState, type FormEvent } from "react";
import { LABEL_DISPLAY, STATE_DISPLAY } from "@/lib/claims/label-display";
import { downloadExport, type ExportFilters, type ExportProgress } from "@/lib/exports/client/download-export";
import { EXPORT_FORMATS, type ExportFormat } from "@/lib/exports/export.schemas";
import { ApiError } from "@/lib/http/api-client";
import { formatBytes } from "@/lib/http/format-bytes";
import { CLAIM_LABELS, REVIEW_STATES } from "@/lib/review/review-state";
import type { PassageOption } from "@/lib/passages/client/passage-queries";


const FORMAT_DESCRIPTIONS: Record<ExportFormat, { name: string; hint: string }> = {
  jsonl: { name: "ClaimDesk JSONL", hint: "Everything, one claim per line, with passage texts: the format to import back." },
  csv: { name: "CSV (spreadsheet)", hint: "One row per claim, evidence in one cell; safe to open in Excel or Sheets." },
  claimreview: { name: "schema.org ClaimReview", hint: "JSON-LD fact-check markup for search engines." },
  webannotation: { name: "W3C Web Annotations", hint: "An AnnotationCollection other annotation tools can read." },
};

type Status =
  | { kind: "idle" }
  | { kind: "streaming"; progress: ExportProgress | null }
  | { kind: "saved"; fileName: string; claims: number; bytes: number }
  | { kind: "empty" }
  | { kind: "failed"; message: string };

export function ExportPanel({ workspaceId, currentUserId, passages }: { workspaceId: string; currentUserId: string; passages: PassageOption[] }) {
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const abort = useRef<AbortController | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const filters: Record<string, string> = {};
    for (const key of ["format", "state", "label", "passageId", "since"]) {
      const value = form.get(key);
      if (typeof value === "string" && value !== "") filters[key] = value;
    }
    if (form.get("assignee") === "me") filters.assigneeId = currentUserId;
    abort.current = new AbortController();
    setStatus({ kind: "streaming", progress: null });
    try {
      const outcome = await downloadExport(
        workspaceId,
        // The form offers only the schema's values; the server validates them.
        filters as ExportFilters,
        (progress) => setStatus({ kind: "streaming", progress }),
        abort.current.signal,
      );
      setStatus(outcome);
    } catch (error) {
      if (error instanceof DOMException && error.name === "AbortError") return setStatus({ kind: "idle" });
      setStatus({ kind: "failed", message: error instanceof ApiError ? error.message : "The download broke off. Try again." });
    } finally {
      abort.current = null;
    }
  }

  const isStreaming = status.kind === "streaming";
  return (
    <section className="card stack" aria-labelledby="export-heading">
      <h2 id="export-heading">Download claims</h2>
      <form className="stack" onSubmit={(event) => void onSubmit(event)}>
        <fieldset className="stack">
          <legend>Format</legend>
          {EXPORT_FORMATS.map((format, index) => (
            <div key={format}>
              <label className="inline">
                <input type="radio" name="format" value={format} defaultChecked={index === 0} aria-describedby={`export-format-${format}-hint`} />
                {FORMAT_DESCRIPTIONS[format].name}
              </label>
              <p id={`export-format-${format}-hint`} className="hint">
                {FORMAT_DESCRIPTIONS[format].hint}
              </p>
            </div>
          ))}
        </fieldset>
        <div className="form-grid">
          <div>
            <label htmlFor="export-state">Review state</label>
            <select id="export-state" name="state" defaultValue="verified">
              {REVIEW_STATES.map((state) => (
                <option key={state} value={state}>
                  {STATE_DISPLAY[state]}
                </option>
              ))}
              <option value="all">Any state</option>
            </select>
          </div>
          <div>
            <label htmlFor="export-label">Label</label>
            <select id="export-label" name="label" defaultValue="">
              <option value="">Any label</option>
              {[...CLAIM_LABELS, "none" as const].map((label) => (
                <option key={label} value={label}>
                  {LABEL_DISPLAY[label].name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="export-passage">Passage</label>
            <select id="export-passage" name="passageId" defaultValue="">
              <option value="">Any passage</option>
              {passages.map((passage) => (
                <option key={passage.id} value={passage.id}>
                  {passage.title}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="export-assignee">Assigned to</label>
            <select id="export-assignee" name="assignee" defaultValue="">
              <option value="">Anyone</option>
              <option value="me">Me</option>
            </select>
          </div>
          <div>
            <label htmlFor="export-since">Changed since</label>
            <input id="export-since" name="since" type="date" aria-describedby="export-since-hint" />
            <p id="export-since-hint" className="hint">
              Leave empty for all claims.
            </p>
          </div>
        </div>
        <div className="row">
          <button type="submit" disabled={isStreaming}>
            {isStreaming ? "Downloading…" : "Download"}
          </button>
          {isStreaming && (
            <button type="button" className="button-secondary" onClick={() => abort.current?.abort()}>
              Cancel
            </button>
          )}
        </div>
      </form>
      {status.kind === "streaming" && (
        <div>
          <label htmlFor="export-progress">Download progress</label>
          <progress id="export-progress" max={status.progress?.total ?? undefined} value={status.progress?.claims ?? undefined} />
          <p role="status" className="hint">
            {status.progress
              ? `Received ${status.progress.claims.toLocaleString()} of ${status.progress.total.toLocaleString()} claims (${formatBytes(status.progress.bytes)}).`
              : "Starting the download…"}
          </p>
        </div>
      )}
      {status.kind === "saved" && (
        <p role="status" className="alert alert-info">
          Saved {status.fileName}: {status.claims.toLocaleString()} {status.claims === 1 ? "claim" : "claims"}, {formatBytes(status.bytes)}.
        </p>
      )}
      {status.kind === "empty" && (
        <div role="status" className="empty-state">
          <h3>No claims match these filters</h3>
          <p>Nothing was downloaded. Exports include verified claims unless you choose another review state.</p>
        </div>
      )}
      {status.kind === "failed" && (
        <p role="alert" className="alert alert-error">
          {status.message}
        </p>
      )}
    </section>
  );
}
