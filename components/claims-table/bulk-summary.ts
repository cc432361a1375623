import type { BulkOutcome } from "@/lib/claims/client/claim-queries";

const REASONS_SHOWN = 3;

/** "12 updated, 2 refused: <reason> (2 claims) · <reason>." — the first few distinct reasons. */
export function describeBulkOutcome({ results, failure }: BulkOutcome): string {
  let updated = 0;
  const reasons = new Map<string, number>();
  for (const result of results) {
    if (result.ok) updated += 1;
    else reasons.set(result.error.message, (reasons.get(result.error.message) ?? 0) + 1);
  }
  const refused = results.length - updated;
  let summary = `${updated} updated`;
  if (refused > 0) {
    const shown = [...reasons].slice(0, REASONS_SHOWN).map(([message, count]) => (count > 1 ? `${message} (${count} claims)` : message));
    const hidden = reasons.size - shown.length;
    summary += `, ${refused} refused: ${shown.join(" · ")}${hidden > 0 ? ` · and ${hidden} other ${hidden === 1 ? "reason" : "reasons"}` : ""}`;
  }
  summary += ".";
  if (failure) summary += ` The remaining claims were not sent: ${failure}`;
  return summary;
}
