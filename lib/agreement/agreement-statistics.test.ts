import { describe, expect, it } from "vitest";
import { cohensKappa, krippendorffAlphaNominal } from "./agreement-statistics";

type YesNo = "yes" | "no";

function pairsFromTable(table: { yesYes: number; yesNo: number; noYes: number; noNo: number }): [YesNo, YesNo][] {
  return [
    ...Array.from({ length: table.yesYes }, (): [YesNo, YesNo] => ["yes", "yes"]),
    ...Array.from({ length: table.yesNo }, (): [YesNo, YesNo] => ["yes", "no"]),
    ...Array.from({ length: table.noYes }, (): [YesNo, YesNo] => ["no", "yes"]),
    ...Array.from({ length: table.noNo }, (): [YesNo, YesNo] => ["no", "no"]),
  ];
}

describe("Cohen's kappa", () => {
  // The grant-proposal example of Wikipedia's "Cohen's kappa": 50 proposals, p_o = 0.7, p_e = 0.5.
  it("reproduces the worked example: κ = 0.4", () => {
    const result = cohensKappa(pairsFromTable({ yesYes: 20, yesNo: 5, noYes: 10, noNo: 15 }), ["yes", "no"]);
    expect(result.observedAgreement).toBeCloseTo(0.7, 10);
    expect(result.expectedAgreement).toBeCloseTo(0.5, 10);
    expect(result.kappa).toBeCloseTo(0.4, 10);
    expect(result.confusion.counts).toEqual([
      [20, 5],
      [10, 15],
    ]);
  });

  // The same article's pair of tables with equal agreement (60%) but different marginals.
  it("weighs chance agreement: equal p_o gives κ ≈ 0.1304 and κ ≈ 0.2593", () => {
    expect(cohensKappa(pairsFromTable({ yesYes: 45, yesNo: 15, noYes: 25, noNo: 15 }), ["yes", "no"]).kappa).toBeCloseTo(0.1304, 4);
    expect(cohensKappa(pairsFromTable({ yesYes: 25, yesNo: 35, noYes: 5, noNo: 35 }), ["yes", "no"]).kappa).toBeCloseTo(0.2593, 4);
  });

  it("is 1 for perfect agreement and undefined when both raters only ever used one category", () => {
    expect(cohensKappa(pairsFromTable({ yesYes: 3, yesNo: 0, noYes: 0, noNo: 4 }), ["yes", "no"]).kappa).toBe(1);
    expect(cohensKappa(pairsFromTable({ yesYes: 5, yesNo: 0, noYes: 0, noNo: 0 }), ["yes", "no"]).kappa).toBeNull();
    expect(cohensKappa([], ["yes", "no"]).kappa).toBeNull();
  });

  it("refuses a label outside the categories instead of miscounting it", () => {
    expect(() => cohensKappa([["yes", "maybe" as YesNo]], ["yes", "no"])).toThrow(RangeError);
  });
});

describe("Krippendorff's alpha (nominal)", () => {
  // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", example A: two observers, binary data.
  it("reproduces the binary two-observer example: α ≈ 0.095", () => {
    const first = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const second = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    const units = first.map((value, i) => [value, second[i] ?? null]);
    const result = krippendorffAlphaNominal(units);
    expect(result.alpha).toBeCloseTo(0.095, 3);
    expect(result.pairableValueCount).toBe(20);
  });

  // Same paper, example C: four observers, twelve units, missing values; nominal α = 0.743.
  it("reproduces the four-observer example with missing values: α ≈ 0.743", () => {
    const observers: (number | null)[][] = [
      [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
      [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    ];
    const units = Array.from({ length: 12 }, (_, unit) => observers.map((values) => values[unit] ?? null));
    const result = krippendorffAlphaNominal(units);
    expect(result.alpha).toBeCloseTo(0.743, 3);
    // Unit 12 has a single value and is not pairable.
    expect(result.pairableUnitCount).toBe(11);
    expect(result.pairableValueCount).toBe(40);
  });

  it("is 1 for perfect agreement across categories and undefined without variation", () => {
    expect(krippendorffAlphaNominal([["factual", "factual"], ["opinion", "opinion", "opinion"]]).alpha).toBe(1);
    expect(krippendorffAlphaNominal([["factual", "factual"], ["factual", null]]).alpha).toBeNull();
  });
});
