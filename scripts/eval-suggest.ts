// `npm run eval:suggest [-- --verbose]`: runs the claim suggester on the hand-labelled texts of
// lib/suggestions/eval/fixture.json and prints precision, recall and F1, the label accuracy, a
// confusion table, and how long a 100 KB passage takes.
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { suggestClaims } from "@/lib/suggestions/suggest-claims";
import { DEFAULT_MIN_SCORE, type Suggestion } from "@/lib/suggestions/suggestion.schemas";

const GOLD_LABELS = ["factual", "opinion", "not_a_claim"] as const;
type GoldLabel = (typeof GOLD_LABELS)[number];

const FixtureSchema = z.object({
  texts: z
    .array(
      z.object({
        id: z.string(),
        title: z.string(),
        paragraphs: z.array(z.array(z.object({ label: z.enum(GOLD_LABELS), text: z.string().min(1) })).min(1)),
      }),
    )
    .min(3),
});

type GoldSentence = { textId: string; label: GoldLabel; start: number; end: number; exact: string };
type Outcome = "suggested_factual" | "suggested_disputed" | "suggested_opinion" | "below_factual" | "below_disputed" | "below_opinion" | "left_out";
const OUTCOMES: Outcome[] = ["suggested_factual", "suggested_disputed", "suggested_opinion", "below_factual", "below_disputed", "below_opinion", "left_out"];

const isVerbose = process.argv.includes("--verbose");
const fixturePath = path.join(import.meta.dirname, "../lib/suggestions/eval/fixture.json");
const fixture = FixtureSchema.parse(JSON.parse(readFileSync(fixturePath, "utf8")));

/** Builds each text the way an import stores it: paragraphs split by a blank line. */
function buildText(paragraphs: { label: GoldLabel; text: string }[][], textId: string): { text: string; gold: GoldSentence[] } {
  let text = "";
  const gold: GoldSentence[] = [];
  paragraphs.forEach((paragraph, index) => {
    if (index > 0) text += "\n\n";
    paragraph.forEach((sentence, position) => {
      if (position > 0) text += " ";
      gold.push({ textId, label: sentence.label, start: text.length, end: text.length + sentence.text.length, exact: sentence.text });
      text += sentence.text;
    });
  });
  return { text, gold };
}

// The suggestion covering most of a gold sentence, if it covers at least half of it.
function matchSuggestion(sentence: GoldSentence, suggestions: Suggestion[]): Suggestion | undefined {
  let best: Suggestion | undefined;
  let bestOverlap = 0;
  for (const suggestion of suggestions) {
    const overlap = Math.min(sentence.end, suggestion.end) - Math.max(sentence.start, suggestion.start);
    if (overlap > bestOverlap) {
      best = suggestion;
      bestOverlap = overlap;
    }
  }
  return bestOverlap * 2 >= sentence.end - sentence.start ? best : undefined;
}

const evaluated: { sentence: GoldSentence; suggestion: Suggestion | undefined }[] = [];
for (const entry of fixture.texts) {
  const { text, gold } = buildText(entry.paragraphs, entry.id);
  const suggestions = suggestClaims(text);
  for (const sentence of gold) evaluated.push({ sentence, suggestion: matchSuggestion(sentence, suggestions) });
}

const outcomeAt = (suggestion: Suggestion | undefined, threshold: number): Outcome =>
  !suggestion ? "left_out" : suggestion.score < threshold ? `below_${suggestion.suggestedLabel}` : `suggested_${suggestion.suggestedLabel}`;
const isSuggested = (outcome: Outcome) => outcome.startsWith("suggested_");

function detection(threshold: number, isPositive: (label: GoldLabel) => boolean) {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (const { sentence, suggestion } of evaluated) {
    const predicted = isSuggested(outcomeAt(suggestion, threshold));
    if (predicted && isPositive(sentence.label)) truePositives++;
    else if (predicted) falsePositives++;
    else if (isPositive(sentence.label)) falseNegatives++;
  }
  const precision = truePositives / Math.max(1, truePositives + falsePositives);
  const recall = truePositives / Math.max(1, truePositives + falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives, falsePositives, falseNegatives, precision, recall, f1 };
}

const format = (value: number) => value.toFixed(3);
const counts = Object.fromEntries(GOLD_LABELS.map((label) => [label, evaluated.filter((e) => e.sentence.label === label).length]));
console.log(`Fixture: ${fixture.texts.length} texts, ${evaluated.length} sentences (${GOLD_LABELS.map((l) => `${counts[l]} ${l}`).join(", ")})`);
console.log(`Threshold: score ≥ ${DEFAULT_MIN_SCORE} (DEFAULT_MIN_SCORE)\n`);

for (const [name, isPositive] of [
  ["Check-worthy = factual", (label: GoldLabel) => label === "factual"],
  ["Any claim = factual or opinion", (label: GoldLabel) => label !== "not_a_claim"],
] as const) {
  const result = detection(DEFAULT_MIN_SCORE, isPositive);
  console.log(
    `${name}: precision ${format(result.precision)}, recall ${format(result.recall)}, F1 ${format(result.f1)} (TP ${result.truePositives}, FP ${result.falsePositives}, FN ${result.falseNegatives})`,
  );
}

// Label accuracy, factual vs opinion, on the claims the suggester returns: above the threshold, and
// at any score. A "disputed" suggestion is a factual claim someone contests, so it counts as factual.
for (const [name, threshold] of [["above the threshold", DEFAULT_MIN_SCORE], ["at any score", 0]] as const) {
  const labelled = evaluated.filter(
    ({ sentence, suggestion }) => sentence.label !== "not_a_claim" && suggestion !== undefined && suggestion.score >= threshold,
  );
  const correct = labelled.filter(({ sentence, suggestion }) => (suggestion?.suggestedLabel === "opinion" ? "opinion" : "factual") === sentence.label).length;
  console.log(`Suggested label factual vs opinion, ${name}: ${correct}/${labelled.length} correct (accuracy ${format(correct / Math.max(1, labelled.length))})`);
}
const debris = evaluated.filter(({ sentence }) => sentence.label === "not_a_claim");
console.log(`Debris left out (not returned at all): ${debris.filter(({ suggestion }) => !suggestion).length}/${debris.length} not_a_claim sentences\n`);

console.log("Confusion (rows: gold label; columns: what the suggester did)");
const header = ["gold \\ outcome", ...OUTCOMES];
const rows = GOLD_LABELS.map((label) => [
  label,
  ...OUTCOMES.map((outcome) => String(evaluated.filter((e) => e.sentence.label === label && outcomeAt(e.suggestion, DEFAULT_MIN_SCORE) === outcome).length)),
]);
const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]?.length ?? 0)));
for (const row of [header, ...rows]) console.log(row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  "));

console.log("\nThreshold sweep (check-worthy = factual):");
for (const threshold of [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]) {
  const result = detection(threshold, (label) => label === "factual");
  console.log(`  score ≥ ${threshold.toFixed(1)}: P ${format(result.precision)}  R ${format(result.recall)}  F1 ${format(result.f1)}`);
}

if (isVerbose) {
  console.log("\nErrors:");
  for (const { sentence, suggestion } of evaluated) {
    const outcome = outcomeAt(suggestion, DEFAULT_MIN_SCORE);
    const isRight =
      sentence.label === "not_a_claim"
        ? !isSuggested(outcome)
        : sentence.label === "factual"
          ? outcome === "suggested_factual" || outcome === "suggested_disputed"
          : outcome.endsWith("_opinion");
    if (!isRight) console.log(`  [${sentence.label} → ${outcome}${suggestion ? ` ${suggestion.score} ${suggestion.reasons.join(",")}` : ""}] ${sentence.exact}`);
  }
}

// Timing: a 100 KB passage made of the fixture texts, each copy with different numbers and names so
// that nothing is dropped as a duplicate; the first run includes loading the language model.
const sources = fixture.texts.map((entry) => buildText(entry.paragraphs, entry.id).text);
let big = "";
for (let copy = 0; big.length < 100 * 1024; copy++) {
  const source = sources[copy % sources.length] ?? "";
  big += `${source.replace(/\d/g, (digit) => String((Number(digit) + copy) % 10)).replace(/\b(Riverton|Northport|Kessel|Aldmoor)\b/g, `$1 ${copy}`)}\n\n`;
}
const runs: number[] = [];
let suggestionCount = 0;
for (let run = 0; run < 6; run++) {
  const started = performance.now();
  suggestionCount = suggestClaims(big).length;
  runs.push(performance.now() - started);
}
const [first, ...warm] = runs;
warm.sort((a, b) => a - b);
console.log(
  `\nTiming: ${(big.length / 1024).toFixed(0)} KB passage, ${suggestionCount} suggestions: first run ${first?.toFixed(0)} ms (with model load), warm median ${warm[Math.floor(warm.length / 2)]?.toFixed(0)} ms, max ${warm[warm.length - 1]?.toFixed(0)} ms`,
);
