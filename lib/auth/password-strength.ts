import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as zxcvbnCommon from "@zxcvbn-ts/language-common";
import * as zxcvbnEnglish from "@zxcvbn-ts/language-en";

// zxcvbn's scale: 3 is "safely unguessable: moderate protection from offline slow-hash attacks".
const MINIMUM_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;

function strengthEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEnglish.dictionary },
    graphs: zxcvbnCommon.adjacencyGraphs,
    translations: zxcvbnEnglish.translations,
  });
  return estimator;
}

/**
 * Why a password is too easy to guess (common, a pattern, or made of the person's own email or
 * name), in words for the person choosing it; null when it is strong enough. The one rule for
 * every new password: sign-up and password changes both call it.
 */
export function passwordWeakness(password: string, userInputs: readonly string[]): string | null {
  // Names and email parts count as dictionary words: "ada.lovelace" in "ada.lovelace-2026".
  const words = userInputs.flatMap((input) => [input, ...input.toLowerCase().split(/[^\p{L}\p{N}]+/u)]).filter((word) => word.length >= 3);
  const result = strengthEstimator().check(password, words);
  if (result.score >= MINIMUM_SCORE) return null;
  const warning = result.feedback.warning ?? "This password is easy to guess.";
  const suggestions = result.feedback.suggestions.join(" ");
  return `Choose a harder password. ${warning}${suggestions ? ` ${suggestions}` : ""}`;
}
