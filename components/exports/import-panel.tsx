"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { ApiError } from "@/lib/http/api-client";
import { formatBytes } from "@/lib/http/format-bytes";
import { useImportClaims } from "@/lib/imports/client/import-queries";
import { IMPORT_LIMIT_BYTES, type ImportReport } from "@/lib/imports/import.schemas";

const STATUS_NAMES: Record<ImportReport["items"][number]["status"], string> = {
  imported: "Imported",
  matched: "Already a claim",
  not_anchored: "Not anchored",
  invalid: "Not readable",
};

export function ImportPanel({ workspaceId }: { workspaceId: string }) {
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isImporting, setIsImporting] = useState(false);
  const importClaims = useImportClaims(workspaceId);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get("file");
    setError(null);
    setReport(null);
    // A file input with nothing chosen still sends a nameless, empty file.
    if (!(file instanceof File) || file.name === "") return setError("Choose a file to import.");
    if (file.size === 0) return setError(`“${file.name}” is empty. Choose the file an export saved.`);
    if (file.size > IMPORT_LIMIT_BYTES) {
      return setError(`The file is ${formatBytes(file.size)}; an import takes at most ${formatBytes(IMPORT_LIMIT_BYTES)}. Export fewer claims per file.`);
    }
    setIsImporting(true);
    try {
      setReport(await importClaims.mutateAsync(file));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "The import failed. Try again.");
    } finally {
      setIsImporting(false);
    }
  }

  return (
    <section className="card stack" aria-labelledby="import-heading">
      <h2 id="import-heading">Import claims</h2>
      <p className="hint">
        A ClaimDesk JSONL export (passages are matched or created from the text it carries) or W3C Web Annotations, such as a Hypothesis export
        (passages must already be in this workspace with the same source URL). Claims are found again by their quote.
      </p>
      <form className="row" onSubmit={(event) => void onSubmit(event)}>
        <div className="grow">
          <label htmlFor="import-file">File</label>
          <input id="import-file" name="file" type="file" accept=".jsonl,.ndjson,.json,.jsonld,application/json,application/ld+json,application/x-ndjson" required />
        </div>
        <button type="submit" disabled={isImporting}>
          {isImporting ? "Importing…" : "Import"}
        </button>
      </form>
      {error && (
        <p role="alert" className="alert alert-error">
          {error}
        </p>
      )}
      {report && (
        <div className="stack">
          <p role="status">
            {report.counts.imported} imported, {report.counts.matched} already claims, {report.counts.notAnchored} not anchored, {report.counts.invalid} not
            readable; {report.counts.passagesCreated} passages created, {report.counts.passagesMatched} matched.
          </p>
          <table className="data-table">
            <caption className="visually-hidden">What happened to each item of the file</caption>
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col">Result</th>
                <th scope="col">Quote</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {report.items.map((item) => (
                <tr key={item.item}>
                  <td>{item.item}</td>
                  <td>
                    {item.claimId && item.passageId ? (
                      <Link href={`/w/${workspaceId}/passages/${item.passageId}?claim=${item.claimId}`}>{STATUS_NAMES[item.status]}</Link>
                    ) : (
                      STATUS_NAMES[item.status]
                    )}
                  </td>
                  <td>{item.exact ?? "—"}</td>
                  <td>{[item.reason, ...item.notes].filter(Boolean).join(" ") || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
