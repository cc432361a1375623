import { describe, expect, it } from "vitest";
import { analyzeText } from "@/lib/suggestions/analyze-text";
import { extractFeatures, scoreFeatures } from "@/lib/suggestions/check-worthiness";
import { DEFAULT_MIN_SCORE } from "@/lib/suggestions/suggestion.schemas";

function featuresOf(sentence: string) {
  const [analyzed] = analyzeText(sentence);
  if (!analyzed) throw new Error(`No sentence in "${sentence}"`);
  return extractFeatures(analyzed);
}
const judge = (sentence: string) => scoreFeatures(featuresOf(sentence));

describe("check-worthiness features", () => {
  it("counts numbers, quantities (percent, money) and dates, one date per date expression", () => {
    const features = featuresOf("Riverton approved a £48.6 million budget on 14 March 2025, raising tax by 4.99 percent.");
    expect(features.number).toBeGreaterThanOrEqual(1);
    expect(features.quantity).toBeGreaterThanOrEqual(2);
    expect(features.date).toBe(1);
    expect(featuresOf("The club was founded since 1999 and again next week.").date).toBe(2);
    expect(featuresOf("They met at night to talk about the weather.").date).toBe(0);
  });

  it("counts named entities as mentions, not tokens, and not a capitalized first word", () => {
    expect(featuresOf("The plan was backed by Sam Novak and the Kessel Harbour Group.").named_entity).toBe(2);
    expect(featuresOf("Drinking coffee late reduces the amount of deep sleep.").named_entity).toBe(0);
    expect(featuresOf("Hamid Karzai is elected president of the country.").named_entity).toBe(1);
  });

  it("counts attribution, causation, comparison, change and contested wording", () => {
    expect(featuresOf("The depot has stood empty, according to council records.").attribution).toBeGreaterThan(0);
    expect(featuresOf("Council leader Priya Shah said the costs were high.").attribution).toBeGreaterThan(0);
    expect(featuresOf("Rising care costs caused most of the gap in the budget.").causal).toBeGreaterThan(0);
    expect(featuresOf("The delays were due to the strike at the port.").causal).toBeGreaterThan(0);
    expect(featuresOf("US-led forces took over the operations in the south.").causal).toBe(0);
    expect(featuresOf("Kessel is the country's second-largest container port.").comparison).toBeGreaterThan(0);
    expect(featuresOf("Attendance fell sharply after the owners raised prices.").change).toBeGreaterThan(0);
    expect(featuresOf("The company denied that wages had fallen over the period.").contested).toBeGreaterThan(0);
  });

  it("counts opinion markers: evaluative words, should/must, first person and hedges", () => {
    const features = featuresOf("Frankly, I think we should reject this shameful and reckless deal.");
    expect(features.evaluative).toBe(2);
    expect(features.prescriptive).toBeGreaterThan(0);
    expect(features.first_person).toBe(2);
    expect(features.hedge).toBe(2);
  });
});

describe("scoring", () => {
  it("scores factual sentences with checkable content high, in [0, 1], and explains why", () => {
    const result = judge("Attendance at Mariners games fell by 18 percent between 2019 and 2024.");
    expect(result.score).toBeGreaterThan(0.6);
    expect(result.score).toBeLessThanOrEqual(1);
    expect(result.suggestedLabel).toBe("factual");
    expect(result.reasons).toEqual(expect.arrayContaining(["number", "quantity", "date", "change"]));
  });

  it("suggests stated judgements as opinion, below factual claims, and leaves a bare exclamation under the threshold", () => {
    const factual = judge("Attendance at Mariners games fell by 18 percent between 2019 and 2024.");
    for (const sentence of ["I have lived in this city for thirty years, and I have never seen a worse deal.", "The council must reject this terrible plan."]) {
      const result = judge(sentence);
      expect(result.suggestedLabel).toBe("opinion");
      expect(result.score).toBeGreaterThanOrEqual(DEFAULT_MIN_SCORE);
      expect(result.score).toBeLessThan(factual.score);
    }
    expect(judge("That is a disgrace.")).toMatchObject({ suggestedLabel: "opinion", score: expect.any(Number) });
    expect(judge("That is a disgrace.").score).toBeLessThan(DEFAULT_MIN_SCORE);
  });

  it("labels framing, orders to the reader and unsourced speculation opinion, and says why", () => {
    const framing = judge("Calling the new bypass a solution to congestion in Hallam is nothing more than a fantasy.");
    expect(framing).toMatchObject({ suggestedLabel: "opinion", reasons: expect.arrayContaining(["evaluative"]) });
    const order = judge("Scrap the toll on the Wexley bridge before the winter starts.");
    expect(order).toMatchObject({ suggestedLabel: "opinion", reasons: expect.arrayContaining(["prescriptive"]) });
    const speculation = judge("Perhaps the merger would only make the shortage of nurses in Carrow worse.");
    expect(speculation).toMatchObject({ suggestedLabel: "opinion", reasons: expect.arrayContaining(["hedge"]) });
    for (const result of [framing, order, speculation]) expect(result.score).toBeGreaterThanOrEqual(DEFAULT_MIN_SCORE);
  });

  it("keeps sentences with numbers, dates and named sources factual, modal verbs included", () => {
    for (const sentence of [
      "Lead engineer Ana Vidal said the new pumps would cut energy use by 12 percent from 2026.",
      "Approve a budget of £3 million, the Harlow council minutes of 4 May record.",
      "The Office for National Statistics said prices could rise 2.1 percent in March.",
    ]) {
      expect(judge(sentence).suggestedLabel, sentence).toBe("factual");
      expect(judge(sentence).score, sentence).toBeGreaterThanOrEqual(0.3);
    }
  });

  it("labels a checkable but contested sentence disputed", () => {
    const result = judge("The port operator denied that wages had fallen and said average pay rose 14 percent.");
    expect(result.suggestedLabel).toBe("disputed");
    expect(result.score).toBeGreaterThan(0.5);
  });

  it("gives a sentence with nothing to check a score of 0 and no reasons", () => {
    expect(judge("It is still serving as an umbrella organization for several groups.")).toEqual({ score: 0, suggestedLabel: "factual", reasons: [] });
  });

  it("ranks more checkable content higher", () => {
    const plain = judge("The council approved the budget after a long debate.").score;
    const specific = judge("The council approved a £48.6 million budget on Tuesday, by seven votes to four.").score;
    expect(specific).toBeGreaterThan(plain);
  });
});
