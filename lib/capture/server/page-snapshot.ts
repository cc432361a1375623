import "server-only";
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { gunzip, gzip } from "node:zlib";
import type { DbTransaction } from "@/lib/db";
import type { SafeFetchResult } from "@/lib/fetching/safe-fetch";

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** A fetched answer ready to store: the body gzip-compressed, with its SHA-256 and size before compression. */
export type SnapshotData = {
  url: string;
  finalUrl: string;
  httpStatus: number;
  contentType: string;
  sha256: string;
  body: Uint8Array<ArrayBuffer>;
  size: number;
  fetchedAt: Date;
  /** SHA-256 of the page's readable title and text, when a caller has read it (evidence capture: the link checker compares it). */
  textSha256?: string | null;
};

/** Compresses and hashes a safeFetch answer off the event loop's critical path (zlib runs in the thread pool). */
export async function snapshotOf(fetched: SafeFetchResult): Promise<SnapshotData> {
  const compressed = await gzipAsync(fetched.body);
  return {
    url: fetched.requestedUrl,
    finalUrl: fetched.finalUrl,
    httpStatus: fetched.status,
    contentType: fetched.contentType,
    sha256: createHash("sha256").update(fetched.body).digest("hex"),
    body: new Uint8Array(compressed),
    size: fetched.body.length,
    fetchedAt: fetched.fetchedAt,
  };
}

/** Stores a snapshot in the caller's transaction (with the passage or evidence that points to it). */
export async function insertSnapshot(tx: DbTransaction, workspaceId: string, data: SnapshotData): Promise<{ id: string; fetchedAt: Date }> {
  return tx.snapshot.create({ data: { ...data, workspaceId }, select: { id: true, fetchedAt: true } });
}

export async function decompressSnapshotBody(body: Uint8Array): Promise<Buffer> {
  return gunzipAsync(body);
}
