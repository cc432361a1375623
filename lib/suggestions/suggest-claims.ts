import { analyzeText } from "@/lib/suggestions/analyze-text";
import { extractFeatures, scoreFeatures } from "@/lib/suggestions/check-worthiness";
import { debrisReason, repeatedLines } from "@/lib/suggestions/debris";
import { findGarbledText } from "@/lib/suggestions/garbled-text";
import { GARBLED_SCORE_FACTOR, type Suggestion } from "@/lib/suggestions/suggestion.schemas";

/**
 * Every prose sentence of a passage as a suggestion, best first (ties in text order). Debris —
 * menus, repeated headings, boilerplate, fragments, questions, duplicates — is left out; a sentence
 * that looks garbled (a number or words dropped by a scraper) is kept with a lower score and a
 * warning. Pure: the same text always gives the same suggestions, which is what lets dismissals
 * refer to offsets.
 */
export function suggestClaims(text: string): Suggestion[] {
  const repeated = repeatedLines(text);
  const seen = new Set<string>();
  const suggestions: Suggestion[] = [];
  for (const sentence of analyzeText(text)) {
    if (debrisReason(sentence, { repeated, seen })) continue;
    const { score, suggestedLabel, reasons } = scoreFeatures(extractFeatures(sentence));
    const garbled = findGarbledText(sentence);
    suggestions.push({
      start: sentence.start,
      end: sentence.end,
      exact: sentence.exact,
      score: garbled === null ? score : Math.round(score * GARBLED_SCORE_FACTOR * 1000) / 1000,
      suggestedLabel,
      reasons,
      warnings: garbled === null ? [] : [{ reason: "garbled", message: garbledMessage(garbled) }],
    });
  }
  return suggestions.sort((a, b) => b.score - a.score || a.start - b.start);
}

const garbledMessage = (excerpt: string) => `Garbled text: number or words missing (…${excerpt}…). Check the original source before marking it.`;
