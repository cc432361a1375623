import { analyzeText } from "@/lib/suggestions/analyze-text";
import { extractFeatures, scoreFeatures } from "@/lib/suggestions/check-worthiness";
import { debrisReason, repeatedLines } from "@/lib/suggestions/debris";
import type { Suggestion } from "@/lib/suggestions/suggestion.schemas";

/**
 * Every prose sentence of a passage as a suggestion, best first (ties in text order). Debris —
 * menus, repeated headings, boilerplate, fragments, questions, duplicates — is left out. Pure: the
 * same text always gives the same suggestions, which is what lets dismissals refer to offsets.
 */
export function suggestClaims(text: string): Suggestion[] {
  const repeated = repeatedLines(text);
  const seen = new Set<string>();
  const suggestions: Suggestion[] = [];
  for (const sentence of analyzeText(text)) {
    if (debrisReason(sentence, { repeated, seen })) continue;
    const { score, suggestedLabel, reasons } = scoreFeatures(extractFeatures(sentence));
    suggestions.push({ start: sentence.start, end: sentence.end, exact: sentence.exact, score, suggestedLabel, reasons });
  }
  return suggestions.sort((a, b) => b.score - a.score || a.start - b.start);
}
