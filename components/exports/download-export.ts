import { createClaimCounter } from "@/lib/exports/export-progress";
import { CLAIM_COUNT_HEADER, type ExportFormat } from "@/lib/exports/export.schemas";
import { ApiError } from "@/lib/http/api-fetch";

export type ExportProgress = { claims: number; total: number; bytes: number };
export type ExportOutcome = { kind: "empty" } | { kind: "saved"; fileName: string; claims: number; bytes: number };

/** The file name the server chose, from `Content-Disposition: attachment; filename="…"`. */
export function fileNameFromDisposition(header: string | null): string | null {
  const match = header ? /filename="([^"]+)"/.exec(header) : null;
  return match?.[1] ?? null;
}

/**
 * Streams an export with fetch, reporting claims and bytes as they arrive, then hands the file to
 * the browser through a Blob URL under the server's file name. Nothing is saved when no claim matches.
 */
export async function downloadExport(
  url: string,
  format: ExportFormat,
  onProgress: (progress: ExportProgress) => void,
  signal: AbortSignal,
): Promise<ExportOutcome> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: "same-origin", signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, "network", "Could not reach ClaimDesk. Check your connection and try again.");
  }
  if (!response.ok || !response.body) {
    const payload = (await response.json().catch(() => undefined)) as { error?: { code?: ApiError["code"]; message?: string } } | undefined;
    throw new ApiError(response.status, payload?.error?.code ?? "internal", payload?.error?.message ?? `The server answered ${response.status}.`);
  }
  const total = Number(response.headers.get(CLAIM_COUNT_HEADER) ?? "0");
  if (total === 0) {
    await response.body.cancel();
    return { kind: "empty" };
  }
  const countClaims = createClaimCounter(format);
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
  const fileName = fileNameFromDisposition(response.headers.get("content-disposition")) ?? `claimdesk-export.${format}`;
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

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
