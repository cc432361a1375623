import winkNLP, { type WinkMethods } from "wink-nlp";
import model from "wink-eng-lite-web-model";

let englishNlp: WinkMethods | undefined;

/** wink-nlp with its English model, loaded on first use (about 60 ms) and then kept for the process. */
export function loadEnglishNlp(): WinkMethods {
  englishNlp ??= winkNLP(model);
  return englishNlp;
}
