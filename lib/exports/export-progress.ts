import type { ExportFormat } from "@/lib/exports/export.schemas";

/**
 * Counts the claims in an export as its text streams in, for a progress bar. Every format writes
 * one claim per record: JSONL a line starting `{"type":"claim"`, the JSON-LD formats one node per
 * line after the first, CSV one record per line break outside quotes after the header.
 */
export function createClaimCounter(format: ExportFormat): (chunk: string) => number {
  let count = 0;
  if (format === "csv") {
    let isInQuotes = false;
    let records = 0;
    return (chunk) => {
      for (let i = 0; i < chunk.length; i++) {
        const char = chunk.charCodeAt(i);
        if (char === 34) isInQuotes = !isInQuotes;
        else if (char === 10 && !isInQuotes) records++;
      }
      count = Math.max(0, records - 1);
      return count;
    };
  }
  let lineStart = "";
  let lineNumber = 0;
  const isClaimLine = format === "jsonl" ? (line: string) => line.startsWith('{"type":"claim"') : (line: string) => lineNumber > 1 && /^,?\{/.test(line);
  return (chunk) => {
    let from = 0;
    for (let at = chunk.indexOf("\n"); at !== -1; at = chunk.indexOf("\n", from)) {
      lineNumber++;
      // Only the first characters of a line matter; long lines are not kept whole.
      if (isClaimLine(lineStart + chunk.slice(from, Math.min(at, from + 20)))) count++;
      lineStart = "";
      from = at + 1;
    }
    if (lineStart.length < 20) lineStart += chunk.slice(from, from + 20 - lineStart.length);
    return count;
  };
}
