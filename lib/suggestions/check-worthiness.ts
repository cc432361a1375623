import type { AnalyzedSentence, TextToken } from "@/lib/suggestions/analyze-text";
import type { SuggestionReason, SuggestedLabel } from "@/lib/suggestions/suggestion.schemas";

/** What a sentence contains, counted; every feature the score uses is here, so the UI can say why. */
export type SentenceFeatures = Record<SuggestionReason, number>;

// How much each feature says "this can be checked against a source" (factual) or "this is a
// judgement" (opinion). Hand-set and explainable; see lib/suggestions/eval for how they fare.
const FACTUAL_WEIGHTS = {
  number: 0.3,
  quantity: 0.35,
  date: 0.25,
  named_entity: 0.2,
  comparison: 0.15,
  change: 0.15,
  causal: 0.15,
  attribution: 0.2,
  contested: 0.15,
} as const satisfies Partial<Record<SuggestionReason, number>>;

const OPINION_WEIGHTS = {
  evaluative: 0.3,
  prescriptive: 0.4,
  first_person: 0.3,
  hedge: 0.25,
} as const satisfies Partial<Record<SuggestionReason, number>>;

/** Features counted at most this often, so one long list of numbers does not drown the rest. */
const MAX_COUNT = 2;

const TEMPORAL_ENTITIES = new Set(["DATE", "TIME", "DURATION"]);
const DATE_WORDS =
  /\d|\b(jan(uary)?|feb(ruary)?|march|april|may|june|july|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|tomorrow|last|next|ago|decade|century)\b/i;
const QUANTITY_WORDS = new Set(["percent", "per", "%", "million", "billion", "trillion", "thousand", "half", "third", "quarter", "doubled", "tripled", "halved", "km", "kg", "tonnes", "tons", "miles"]);
const COMPARISON_WORDS = new Set(["than", "more", "less", "fewer", "most", "least", "record", "higher", "lower", "larger", "smaller", "bigger", "greater", "longer", "shorter", "cheaper", "faster", "slower", "older", "younger"]);
const NOT_SUPERLATIVE = new Set(["modest", "honest", "earnest", "interest", "manifest", "latest", "guest", "rest", "test", "best", "west", "east"]);
const CHANGE_WORDS = new Set([
  "rose", "risen", "rise", "rises", "rising", "fell", "fallen", "fall", "falls", "increased", "increase", "increases", "decreased", "decrease",
  "grew", "grown", "dropped", "declined", "declines", "soared", "surged", "plunged", "jumped", "reduced", "reduces", "cut", "cuts", "raised", "raises", "doubled", "tripled", "halved", "slashed",
]);
const CAUSAL_WORDS = new Set(["caused", "causes", "cause", "because", "blamed", "triggered"]);
const CAUSAL_PHRASES = /\b(due to|as a result|linked to|responsible for|led to|leads to|result(ed|s)? in|thanks to|driven by)\b/;
const ATTRIBUTION_WORDS = new Set([
  "said", "says", "say", "told", "tells", "reported", "reports", "announced", "confirmed", "stated", "estimate", "estimates", "estimated",
  "found", "finds", "shows", "showed", "shown", "revealed", "published", "according", "data", "figures", "study", "survey", "records", "statistics", "census", "promised",
]);
const CONTESTED_WORDS = new Set([
  "disputed", "disputes", "dispute", "alleged", "allegedly", "alleges", "claimed", "claims", "claim", "denied", "denies", "deny", "contested", "refuted",
  "unverified", "unproven", "misleading", "false", "debunked", "rejected",
]);
const EVALUATIVE_WORDS = new Set([
  "good", "bad", "great", "best", "worst", "better", "worse", "terrible", "awful", "horrible", "dreadful", "wonderful", "excellent", "brilliant", "fantastic",
  "amazing", "outrageous", "ridiculous", "absurd", "silly", "stupid", "foolish", "reckless", "irresponsible", "unnecessary", "unacceptable", "unfair", "unjust",
  "disastrous", "catastrophic", "appalling", "pathetic", "shameful", "disgraceful", "disgrace", "deplorable", "laudable", "admirable", "sensible", "wise", "naive",
  "cynical", "incompetent", "lazy", "greedy", "misguided", "wrong", "nonsense", "insult", "scandal", "scandalous", "fiasco", "mess", "shiny", "scary", "unhelpful",
  "overblown", "shocking", "sad", "tragic", "beautiful", "ugly", "pointless", "useless", "dishonest", "heroic", "courageous", "cowardly", "hypocritical", "toxic",
  "futile", "futility", "myth", "disingenuous", "delusional", "shameless", "baseless", "laughable", "preposterous", "idiotic", "nonsensical", "meaningless",
  "senseless", "needless", "grotesque", "obscene", "despicable", "inexcusable", "indefensible", "unforgivable", "unconscionable", "intolerable", "untenable",
  "farcical", "farce", "charade", "sham", "travesty", "betrayal", "hypocrisy", "arrogant", "arrogance", "incompetence", "negligent", "callous", "heartless",
  "spineless", "unwise", "ill-advised", "ill-conceived", "wrongheaded", "doomed", "hopeless", "inspiring", "visionary", "impressive", "commendable",
  "overdue", "disappointing", "dismal", "lamentable", "regrettable", "mediocre", "superb", "splendid", "marvellous", "magnificent", "flawed",
]);
// Framing that presents a judgement as settled: "an exercise in futility", "nothing more than", "make no mistake".
const RHETORICAL_PHRASES =
  /\b(exercise in futility|pure (myth|fiction|fantasy|propaganda)|nothing (more|less|short) (than|of)|nothing but|make no mistake|the (truth|fact|reality) is|let'?s be (clear|honest)|let us be (clear|honest)|the real (question|problem|issue|scandal)|plain and simple|goes without saying|at the end of the day|(were|was|is|are|be) in (vain|vein)|back to (square one|ground[- ]zero)|of (the )?essence)\b/g;
const PRESCRIPTIVE_WORDS = new Set(["should", "must", "ought", "deserve", "deserves", "shouldn't", "mustn't"]);
const PRESCRIPTIVE_PHRASES =
  /\b(need(s)? to|have to|has to|it is time|it's time|let's|let us|it is (essential|vital|imperative|crucial|necessary) (that|to|for)|cannot afford to|has no choice but|have no choice but)\b/;
const FIRST_PERSON_WORDS = new Set(["i", "me", "my", "mine", "myself", "we", "our", "ours", "us"]);
const HEDGE_PHRASES =
  /\b(i think|i believe|i feel|in my (view|opinion)|frankly|clearly|surely|obviously|of course|simply|entirely|deeply|arguably|undoubtedly|needless to say|perhaps|probably|presumably|seemingly|essentially|basically|in fact|indeed|certainly|definitely|admittedly|no doubt|to be sure|it seems|seems to|(will|would) only|(is|are) bound to)\b/;
// Speculation without a source ("their return would embolden…") is a hedge; with one ("…, the report said") it is reported fact.
const SPECULATIVE_MODALS = new Set(["would", "could", "might"]);

const isCapitalizedProperNoun = (token: TextToken | undefined) =>
  token !== undefined && token.pos === "PROPN" && /^\p{Lu}/u.test(token.text) && token.text !== token.text.toUpperCase();

// The tagger calls any capitalized first word a proper noun ("Drinking coffee…"), so a first word
// counts only as the start of a longer name ("Hamid Karzai is…").
const isProperNoun = (tokens: TextToken[], index: number, firstWordIndex: number) =>
  isCapitalizedProperNoun(tokens[index]) && (index !== firstWordIndex || isCapitalizedProperNoun(tokens[index + 1]));

/** Counts the features of one sentence: pure, from the tokens wink-nlp gave it. */
export function extractFeatures(sentence: Pick<AnalyzedSentence, "exact" | "tokens">): SentenceFeatures {
  const { tokens } = sentence;
  const lower = sentence.exact.toLowerCase();
  const features: SentenceFeatures = {
    number: 0, quantity: 0, date: 0, named_entity: 0, comparison: 0, change: 0, causal: 0, attribution: 0, contested: 0,
    evaluative: 0, prescriptive: 0, first_person: 0, hedge: 0,
  };
  const firstWordIndex = tokens.findIndex((token) => /\p{L}/u.test(token.text));
  let speculative = 0;
  tokens.forEach((token, index) => {
    const { normal } = token;
    const isTemporal = token.entity !== null && TEMPORAL_ENTITIES.has(token.entity);
    if (isTemporal) {
      // Only dates with something specific in them: "14 March 2025", "since 2019", "next week"; not "night".
      if (token.isEntityStart && DATE_WORDS.test(entityText(tokens, index))) features.date++;
    } else if (token.pos === "NUM" || token.type === "number") {
      features.number++;
    }
    if (token.entity === "PERCENT" || token.entity === "MONEY" || token.type === "currency" || QUANTITY_WORDS.has(normal)) features.quantity++;
    // A mention is a run of proper nouns: "Sam Novak" is one name, not two.
    if (isProperNoun(tokens, index, firstWordIndex) && !isProperNoun(tokens, index - 1, firstWordIndex)) features.named_entity++;
    // Rankings ("second-largest") are comparisons too.
    if (COMPARISON_WORDS.has(normal) || isSuperlative(token) || (token.entity === "ORDINAL" && token.isEntityStart)) features.comparison++;
    if (CHANGE_WORDS.has(normal) && token.pos !== "NOUN") features.change++;
    if (CAUSAL_WORDS.has(normal)) features.causal++;
    if (ATTRIBUTION_WORDS.has(normal)) features.attribution++;
    if (CONTESTED_WORDS.has(normal)) features.contested++;
    if (EVALUATIVE_WORDS.has(normal)) features.evaluative++;
    if (PRESCRIPTIVE_WORDS.has(normal)) features.prescriptive++;
    if (FIRST_PERSON_WORDS.has(normal) && token.pos === "PRON") features.first_person++;
    if (SPECULATIVE_MODALS.has(normal)) speculative++;
  });
  if (CAUSAL_PHRASES.test(lower)) features.causal++;
  // "Lead author Dr Haddad said…" opens on a verb too, but a sourced sentence is not an order to the reader.
  if (PRESCRIPTIVE_PHRASES.test(lower) || (isImperative(tokens, firstWordIndex) && features.attribution === 0)) features.prescriptive++;
  features.evaluative += lower.match(RHETORICAL_PHRASES)?.length ?? 0;
  features.hedge += lower.match(new RegExp(HEDGE_PHRASES, "g"))?.length ?? 0;
  if (features.attribution === 0) features.hedge += speculative;
  return features;
}

export type CheckWorthiness = { score: number; suggestedLabel: SuggestedLabel; reasons: SuggestionReason[] };

/**
 * Check-worthiness in [0, 1]: checkable content (numbers, dates, names, attribution…) raises it,
 * judgement (evaluative words, should/must, first person) lowers it. The label follows the
 * stronger side; contested wording marks a checkable sentence as disputed.
 */
// Tuned on fixture.json only: a bare evaluative sentence ("That is a disgrace.") stays under the default
// threshold; one that judges something named, or judges with several markers, passes it.
const OPINION_SCORE_SHARE = 0.5;

export function scoreFeatures(features: SentenceFeatures): CheckWorthiness {
  const factual = weigh(features, FACTUAL_WEIGHTS);
  const opinion = weigh(features, OPINION_WEIGHTS);
  const suggestedLabel: SuggestedLabel = opinion >= 0.3 && opinion >= factual * 0.6 ? "opinion" : features.contested > 0 ? "disputed" : "factual";
  // A stated opinion is worth marking too (a desk tags it as opinion rather than checking it), so it
  // scores by how plainly it is an opinion about something, not by its factual content minus its opinion.
  const raw = suggestedLabel === "opinion" ? OPINION_SCORE_SHARE * (opinion + factual) : Math.max(0, factual - opinion);
  const score = Math.round((1 - Math.exp(-1.6 * raw)) * 1000) / 1000;
  const reasons = (Object.keys(features) as SuggestionReason[])
    .filter((reason) => features[reason] > 0)
    .sort((a, b) => reasonWeight(features, b) - reasonWeight(features, a));
  return { score, suggestedLabel, reasons };
}

function weigh(features: SentenceFeatures, weights: Partial<Record<SuggestionReason, number>>): number {
  let total = 0;
  for (const [reason, weight] of Object.entries(weights) as [SuggestionReason, number][]) total += weight * Math.min(MAX_COUNT, features[reason]);
  return total;
}

function reasonWeight(features: SentenceFeatures, reason: SuggestionReason): number {
  const weight = (FACTUAL_WEIGHTS as Partial<Record<SuggestionReason, number>>)[reason] ?? (OPINION_WEIGHTS as Partial<Record<SuggestionReason, number>>)[reason] ?? 0;
  return weight * Math.min(MAX_COUNT, features[reason]);
}

// "Maintain pressure on…", "Stop handing…": a sentence that opens on a bare verb tells the reader what to do.
function isImperative(tokens: TextToken[], firstWordIndex: number): boolean {
  const first = tokens[firstWordIndex];
  if (first === undefined || first.pos !== "VERB" || firstWordIndex !== 0) return false;
  return !/(ing|ed|s)$/.test(first.normal) && tokens[firstWordIndex + 1]?.text !== ",";
}

function isSuperlative(token: TextToken): boolean {
  if (token.pos !== "ADJ" && token.pos !== "ADV") return false;
  return token.normal.length > 4 && token.normal.endsWith("est") && !NOT_SUPERLATIVE.has(token.normal.split("-").pop() ?? "");
}

function entityText(tokens: TextToken[], start: number): string {
  let end = start + 1;
  while (end < tokens.length && tokens[end]?.entity === tokens[start]?.entity && !tokens[end]?.isEntityStart) end++;
  return tokens
    .slice(start, end)
    .map((token) => token.text)
    .join(" ");
}
