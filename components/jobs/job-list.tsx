"use client";

import Link from "next/link";
import { ApiError } from "@/lib/http/api-client";
import type { Page } from "@/lib/http/pagination";
import { useJobList, useManageJob } from "@/lib/jobs/client/job-queries";
import type { Job } from "@/lib/jobs/job.schemas";
import { formatDateTime } from "@/lib/format-date";

const STATE_WORDS: Record<Job["state"], string> = {
  queued: "Queued",
  running: "Running",
  retry: "Failed, will retry",
  completed: "Done",
  failed: "Failed",
  cancelled: "Cancelled",
};

const KIND_WORDS: Record<string, string> = {
  "passage.import-url": "Import by URL",
  "passage.revise-from-url": "New revision from URL",
  "webhook.deliver": "Webhook delivery",
  "evidence.capture": "Evidence capture",
  "evidence.check-links": "Link check",
};

function formatTime(iso: string | null): string {
  return iso ? formatDateTime(iso) : "—";
}

export function JobList({ workspaceId, initialJobs, canManage }: { workspaceId: string; initialJobs: Page<Job>; canManage: boolean }) {
  const jobs = useJobList(workspaceId, initialJobs).data ?? initialJobs;
  const manage = useManageJob(workspaceId);
  const error = manage.error instanceof ApiError ? manage.error : null;

  if (jobs.items.length === 0) {
    return (
      <div className="empty-state">
        <h2>No jobs yet</h2>
        <p>When someone imports a page by its web address, the import runs here; failed ones show why, and owners can retry them.</p>
      </div>
    );
  }
  return (
    <div className="stack">
      {error && (
        <p className="alert alert-error" role="alert">
          {error.message}
        </p>
      )}
      <table className="data-table">
          <caption className="visually-hidden">The workspace&rsquo;s jobs, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Job</th>
              <th scope="col">State</th>
              <th scope="col">Attempts</th>
              <th scope="col">Started by</th>
              <th scope="col">Queued</th>
              <th scope="col">Finished</th>
              {canManage && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {jobs.items.map((job) => (
              <tr key={job.id}>
                <td>
                  <span className="muted">{KIND_WORDS[job.kind] ?? job.kind}</span>
                  <br />
                  <span title={job.subject}>{job.subject}</span>
                  {typeof job.result?.passageId === "string" && (
                    <>
                      {" "}
                      <Link href={`/w/${workspaceId}/passages/${job.result.passageId}`}>Open the passage</Link>
                    </>
                  )}
                </td>
                <td>
                  <span className={`badge job-state-${job.state}`}>{STATE_WORDS[job.state]}</span>
                  {job.lastError && job.state !== "completed" && <p className="field-error">{job.lastError}</p>}
                </td>
                <td>
                  {job.attempts} of {job.maxAttempts}
                </td>
                <td>{job.createdBy?.name ?? "—"}</td>
                <td>{formatTime(job.createdAt)}</td>
                <td>{formatTime(job.finishedAt)}</td>
                {canManage && (
                  <td>
                    {(job.state === "failed" || job.state === "cancelled") && (
                      <button type="button" disabled={manage.isPending} onClick={() => manage.mutate({ jobId: job.id, action: "retry" })}>
                        Retry<span className="visually-hidden"> {job.subject}</span>
                      </button>
                    )}
                    {(job.state === "queued" || job.state === "running" || job.state === "retry") && (
                      <button type="button" className="button-secondary" disabled={manage.isPending} onClick={() => manage.mutate({ jobId: job.id, action: "cancel" })}>
                        Cancel<span className="visually-hidden"> {job.subject}</span>
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
    </div>
  );
}
