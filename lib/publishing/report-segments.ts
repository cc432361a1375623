/** A piece of a passage report's text: plain text, or the span of one published claim (by its index). */
export type ReportSegment = { text: string; claimIndex: number | null };

/**
 * Cuts `text` into plain and highlighted pieces for the given spans (UTF-16 offsets). Spans that
 * overlap one already highlighted, or fall outside the text, are left unhighlighted (they are still
 * listed beside the text), so every character appears exactly once.
 */
export function reportSegments(text: string, spans: { start: number; end: number }[]): ReportSegment[] {
  const order = spans
    .map((span, index) => ({ ...span, index }))
    .filter((span) => span.start >= 0 && span.end <= text.length && span.start < span.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: ReportSegment[] = [];
  let cursor = 0;
  for (const span of order) {
    if (span.start < cursor) continue;
    if (span.start > cursor) segments.push({ text: text.slice(cursor, span.start), claimIndex: null });
    segments.push({ text: text.slice(span.start, span.end), claimIndex: span.index });
    cursor = span.end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), claimIndex: null });
  return segments;
}
