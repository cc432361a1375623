import { createHash } from "node:crypto";
import { EXPORT_FORMATS, type ExportFormat } from "@/lib/exports/export.schemas";
import type { ExportBatch, ExportContext } from "@/lib/exports/export-record";
import { EXPORT_FORMATTERS } from "@/lib/exports/formats";

export type RenderedReleaseFile = { format: ExportFormat; bytes: Uint8Array<ArrayBuffer>; sha256: string; size: number };

export const sha256Hex = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Thrown when the files would outgrow the stored-bytes budget; create-release turns it into a 400. */
export class ReleaseTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The release's files would exceed ${maxBytes} bytes`);
  }
}

/**
 * Every export format of one snapshot, from a single pass over its batches: each batch goes to all
 * four formatters, so the files agree with each other claim for claim (one read, one snapshot) and
 * each equals what the export endpoint streams for the same claims and context.
 */
export async function renderReleaseFiles(
  reader: { claimCount: number; batches: () => AsyncIterable<ExportBatch> },
  context: ExportContext,
  maxBytes: number,
): Promise<RenderedReleaseFile[]> {
  const encoder = new TextEncoder();
  const chunks = new Map<ExportFormat, Uint8Array[]>(EXPORT_FORMATS.map((format) => [format, []]));
  let total = 0;
  const write = (format: ExportFormat, text: string) => {
    if (text.length === 0) return;
    const bytes = encoder.encode(text);
    total += bytes.byteLength;
    if (total > maxBytes) throw new ReleaseTooLargeError(maxBytes);
    chunks.get(format)?.push(bytes);
  };
  const totals = { claimCount: reader.claimCount };
  for (const format of EXPORT_FORMATS) write(format, EXPORT_FORMATTERS[format].begin(context, totals));
  let isFirst = true;
  for await (const batch of reader.batches()) {
    for (const format of EXPORT_FORMATS) write(format, EXPORT_FORMATTERS[format].batch(batch, context, { isFirst }));
    isFirst = false;
  }
  for (const format of EXPORT_FORMATS) write(format, EXPORT_FORMATTERS[format].end(context, totals));
  return EXPORT_FORMATS.map((format) => {
    const parts = chunks.get(format) ?? [];
    const bytes = new Uint8Array(parts.reduce((size, part) => size + part.byteLength, 0));
    let offset = 0;
    for (const part of parts) {
      bytes.set(part, offset);
      offset += part.byteLength;
    }
    return { format, bytes, sha256: sha256Hex(bytes), size: bytes.byteLength };
  });
}
