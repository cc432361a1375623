import { describe, expect, it } from "vitest";
import { analyzeText } from "@/lib/suggestions/analyze-text";
import { findGarbledText } from "@/lib/suggestions/garbled-text";
import { suggestClaims } from "@/lib/suggestions/suggest-claims";

function garbledIn(sentence: string) {
  const [analyzed] = analyzeText(sentence);
  if (!analyzed) throw new Error(`No sentence in "${sentence}"`);
  return findGarbledText(analyzed);
}

describe("garbled text", () => {
  it("finds a quantifier whose number was dropped", () => {
    expect(garbledIn("Almost were left homeless after the floods in the northern districts.")).toContain("Almost were");
    expect(garbledIn("The storm destroyed roughly , homes along the coast last winter.")).toContain("roughly ,");
    expect(garbledIn("At least 40 people were hurt and nearly evacuated when the tower caught fire.")).toContain("nearly evacuated");
    expect(garbledIn("The army sent more than 20, Estonian and Latvian troops to the border region.")).toContain("more than 20, Estonian");
  });

  it("finds dropped decades, empty ranges, bare percent signs and vanished tokens", () => {
    expect(garbledIn("The mill employed most of the town in the late s before it closed for good.")).toContain("late s");
    expect(garbledIn("Prices for wheat climbed from to over the course of the season.")).toContain("from to");
    expect(garbledIn("Turnout dropped by % compared with the previous local election.")).toContain("%");
    expect(garbledIn("The museum received $ million from the ministry for its new wing.")).toContain("$");
    expect(garbledIn("The bridge reopened on , after repairs that lasted most of the year.")).toContain("on ,");
    expect(garbledIn("The company celebrated the end of its year history with a party for staff.")).toContain("its year history");
  });

  it("finds two texts glued together, a doubled word and a sentence cut short", () => {
    expect(garbledIn("The mayor said the plan was approved after The new budget leaves no room for it.")).toContain("after The new");
    expect(garbledIn("The clinic was opened in in the old market hall by the health minister.")).toContain("in in");
    expect(garbledIn("The report lists the towns that lost their bus service, including the.")).toContain("the.");
  });

  it("leaves well-formed sentences alone, numbers, names and legitimate capitals included", () => {
    for (const sentence of [
      "Nearly 300 people were evacuated from the valley on Sunday, officials said.",
      "Prices nearly doubled in the decade after the mine opened in the 1970s.",
      "More than 10, including two children, were treated for smoke inhalation.",
      "The plan was first reported by The Guardian on Monday morning.",
      "He swerved and almost hit a tree on the way to the station.",
      "Unemployment fell from 7.2% to 5.1% between 2019 and 2023.",
      "The minister said that that decision had had no effect on the budget.",
      "Some are worried that the new rules will hurt small shops in the town centre.",
    ]) {
      expect(garbledIn(sentence), sentence).toBeNull();
    }
  });

  it("halves a garbled suggestion's score and tells the reviewer to check the original", () => {
    const clean = "Around 4,000 households in Dellford lost power on 2 February, the utility said.";
    const garbled = "Roughly were left without power in Dellford on 2 February, the utility said.";
    const [cleanSuggestion] = suggestClaims(clean);
    const [garbledSuggestion] = suggestClaims(garbled);
    expect(cleanSuggestion?.warnings).toEqual([]);
    expect(garbledSuggestion?.warnings).toEqual([
      { reason: "garbled", message: expect.stringMatching(/^Garbled text: number or words missing \(…Roughly were…\)\. Check the original source/) },
    ]);
    expect(garbledSuggestion?.score).toBeLessThan((cleanSuggestion?.score ?? 0) / 2 + 0.001);
  });
});
