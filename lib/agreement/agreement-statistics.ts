// Inter-rater agreement for nominal labels: Cohen's kappa for a pair of reviewers and
// Krippendorff's alpha for any number of reviewers with missing values.

export type ConfusionMatrix<Category extends string> = {
  categories: readonly Category[];
  /** counts[i][j]: items the first rater put in categories[i] and the second in categories[j]. */
  counts: number[][];
};

export type CohensKappa<Category extends string> = {
  /** null when chance agreement is already perfect (both raters used one and the same category). */
  kappa: number | null;
  observedAgreement: number;
  expectedAgreement: number;
  itemCount: number;
  confusion: ConfusionMatrix<Category>;
};

/** Cohen's kappa over items both raters labelled: (p_o − p_e) / (1 − p_e). */
export function cohensKappa<Category extends string>(
  pairs: readonly (readonly [Category, Category])[],
  categories: readonly Category[],
): CohensKappa<Category> {
  const index = new Map(categories.map((category, i) => [category, i]));
  const counts = categories.map(() => categories.map(() => 0));
  for (const [first, second] of pairs) {
    const row = index.get(first);
    const column = index.get(second);
    if (row === undefined || column === undefined) throw new RangeError(`Unknown category in pair (${first}, ${second}).`);
    (counts[row] as number[])[column] = ((counts[row] as number[])[column] ?? 0) + 1;
  }
  const itemCount = pairs.length;
  const confusion = { categories, counts };
  if (itemCount === 0) return { kappa: null, observedAgreement: 0, expectedAgreement: 0, itemCount, confusion };

  let agreed = 0;
  let expected = 0;
  categories.forEach((_, i) => {
    agreed += counts[i]?.[i] ?? 0;
    const firstMarginal = sum(counts[i] ?? []);
    const secondMarginal = sum(counts.map((row) => row[i] ?? 0));
    expected += (firstMarginal / itemCount) * (secondMarginal / itemCount);
  });
  const observedAgreement = agreed / itemCount;
  const kappa = expected === 1 ? null : (observedAgreement - expected) / (1 - expected);
  return { kappa, observedAgreement, expectedAgreement: expected, itemCount, confusion };
}

export type KrippendorffAlpha = {
  /** null when there is no disagreement to expect (every pairable value is the same category). */
  alpha: number | null;
  /** Units with at least two values: only these are pairable. */
  pairableUnitCount: number;
  /** n: the number of pairable values. */
  pairableValueCount: number;
};

/**
 * Krippendorff's alpha, nominal metric, from the coincidence matrix:
 * α = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k.
 * Each unit lists the values its coders gave; null is a missing value.
 */
export function krippendorffAlphaNominal<Value extends string | number>(units: readonly (readonly (Value | null)[])[]): KrippendorffAlpha {
  const coincidences = new Map<Value, Map<Value, number>>();
  let pairableUnitCount = 0;
  for (const unit of units) {
    const values = unit.filter((value): value is Value => value !== null);
    if (values.length < 2) continue;
    pairableUnitCount += 1;
    const weight = 1 / (values.length - 1);
    values.forEach((first, i) => {
      values.forEach((second, j) => {
        if (i === j) return;
        const row = coincidences.get(first) ?? new Map<Value, number>();
        row.set(second, (row.get(second) ?? 0) + weight);
        coincidences.set(first, row);
      });
    });
  }

  const marginals = new Map<Value, number>();
  let disagreement = 0;
  for (const [first, row] of coincidences) {
    for (const [second, count] of row) {
      marginals.set(first, (marginals.get(first) ?? 0) + count);
      if (first !== second) disagreement += count;
    }
  }
  const pairableValueCount = Math.round(sum([...marginals.values()]));
  const totalMarginal = sum([...marginals.values()]);
  const squaredMarginals = sum([...marginals.values()].map((count) => count * count));
  const expectedDisagreement = totalMarginal * totalMarginal - squaredMarginals;
  const alpha = expectedDisagreement === 0 ? null : 1 - ((totalMarginal - 1) * disagreement) / expectedDisagreement;
  return { alpha, pairableUnitCount, pairableValueCount };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
