import { z } from "zod";
import { endpoint, file } from "@/lib/http/endpoint";
import { IdSchema } from "@/lib/http/text.schemas";

export const getSnapshotEndpoint = endpoint({
  method: "GET",
  path: "/api/v1/snapshots/{snapshotId}",
  summary: "The stored copy of a fetched page, served sandboxed; members of its workspace",
  description:
    "The body exactly as fetched, with its original Content-Type (HTML and plain text; anything else as a download), under `Content-Security-Policy: sandbox; default-src 'none'…`: no script runs, it cannot read the app's cookies, and it loads nothing. The final URL, SHA-256 and fetch time are in `X-ClaimDesk-Snapshot-*` headers.",
  tags: ["Passages"],
  auth: "required",
  params: z.object({ snapshotId: IdSchema }),
  responses: { 200: file(["text/html", "text/plain", "application/octet-stream"], "The page as fetched") },
  errors: ["not_found"],
});

/** Where a stored copy is served (getSnapshotEndpoint), as passages and evidence link it. */
export const snapshotPath = (snapshotId: string) => `/api/v1/snapshots/${snapshotId}`;
