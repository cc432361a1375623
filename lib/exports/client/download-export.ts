import { createClaimCounter } from "@/lib/exports/export-progress";
import { CLAIM_COUNT_HEADER } from "@/lib/exports/export.schemas";
import { exportClaimsEndpoint } from "@/lib/exports/exports.endpoints";
import { openDownload } from "@/lib/http/api-client";
import type { EndpointQuery } from "@/lib/http/endpoint";

export type ExportFilters = EndpointQuery<typeof exportClaimsEndpoint>;
export type ExportProgress = { claims: number; total: number; bytes: number };
export type ExportOutcome = { kind: "empty" } | { kind: "saved"; fileName: string; claims: number; bytes: number };

/** The file name the server chose, from `Content-Disposition: attachment; filename="…"`. */
function fileNameFromDisposition(header: string | null): string | null {
  const match = header ? /filename="([^"]+)"/.exec(header) : null;
  return match?.[1] ?? null;
}

/**
 * Streams an export, reporting claims and bytes as they arrive, then hands the file to the browser
 * through a Blob URL under the server's file name. Nothing is saved when no claim matches.
 */
export async function downloadExport(
  workspaceId: string,
  filters: ExportFilters,
  onProgress: (progress: ExportProgress) => void,
  signal: AbortSignal,
): Promise<ExportOutcome> {
  const response = await openDownload(exportClaimsEndpoint, { params: { workspaceId }, query: filters }, { signal });
  const total = Number(response.headers.get(CLAIM_COUNT_HEADER) ?? "0");
  if (total === 0) {
    await response.body.cancel();
    return { kind: "empty" };
  }
  const countClaims = createClaimCounter(filters.format);
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let bytes = 0;
  let claims = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    bytes += value.byteLength;
    claims = countClaims(decoder.decode(value, { stream: true }));
    onProgress({ claims, total, bytes });
  }
  const fileName = fileNameFromDisposition(response.headers.get("content-disposition")) ?? `claimdesk-export.${filters.format}`;
  const href = URL.createObjectURL(new Blob(chunks, { type: response.headers.get("content-type") ?? "application/octet-stream" }));
  const link = document.createElement("a");
  link.href = href;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once click() returns; free the memory on the next turn.
  setTimeout(() => URL.revokeObjectURL(href), 0);
  return { kind: "saved", fileName, claims, bytes };
}
