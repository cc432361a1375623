import type { ItemEntity, ItemSentence } from "wink-nlp";
import { loadEnglishNlp } from "@/lib/suggestions/english-nlp";

/** One token of the passage text, at its UTF-16 offsets. */
export type TextToken = {
  start: number;
  end: number;
  text: string;
  /** Lower-cased text, for word lists. */
  normal: string;
  /** Universal POS tag from wink-nlp (NOUN, PROPN, VERB, AUX, NUM, ADJ, PUNCT, SPACE…). */
  pos: string;
  /** wink-nlp's token type: word, number, punctuation, symbol, currency, time, emoji, url… */
  type: string;
  /** The wink-nlp entity the token belongs to (DATE, CARDINAL, PERCENT, MONEY, DURATION, TIME…), if any. */
  entity: string | null;
  /** True for the first token of its entity, so "14 March 2025" counts as one date. */
  isEntityStart: boolean;
};

/** A sentence of the passage: `text.slice(start, end) === exact`, never crossing a line break. */
export type AnalyzedSentence = {
  start: number;
  end: number;
  exact: string;
  tokens: TextToken[];
  /** The whole line the sentence sits in, trimmed; a sentence equal to it is a line of its own. */
  line: string;
};

const LINE_BREAK = /\n/;

/**
 * Splits passage text into sentences with wink-nlp, each mapped back to exact offsets of the stored
 * text. wink-nlp keeps every character (token values plus their preceding spaces rebuild the
 * text), so offsets are a running sum; a sentence is also cut at line breaks, because headings and
 * menu lines of scraped pages have no full stop and would otherwise glue onto the next sentence.
 */
export function analyzeText(text: string): AnalyzedSentence[] {
  const nlp = loadEnglishNlp();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const tokens = doc.tokens();
  const values = tokens.out(its.value) as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const tags = tokens.out(its.pos) as string[];
  const types = tokens.out(its.type) as string[];
  const offsets = locateTokens(text, values, spaces);

  const entityOf: (string | null)[] = new Array<string | null>(values.length).fill(null);
  const entityStarts = new Set<number>();
  doc.entities().each((entity: ItemEntity) => {
    const [first, last] = entity.out(its.span) as unknown as [number, number];
    const type = entity.out(its.type);
    entityStarts.add(first);
    for (let index = first; index <= last; index++) entityOf[index] = type;
  });

  const lineOf = lineFinder(text);
  const sentences: AnalyzedSentence[] = [];
  doc.sentences().each((sentence: ItemSentence) => {
    const [first, last] = sentence.out(its.span) as unknown as [number, number];
    let run: TextToken[] = [];
    const flush = () => {
      // Emoji between sentences belong to neither ("…on Friday. 👷 The union…"): a sentence starts and ends at its words.
      while (run[0] && isPictograph(run[0])) run.shift();
      while (run.length > 0 && isPictograph(run[run.length - 1])) run.pop();
      const head = run[0];
      const tail = run[run.length - 1];
      if (head && tail) {
        sentences.push({ start: head.start, end: tail.end, exact: text.slice(head.start, tail.end), tokens: run, line: lineOf(head.start) });
      }
      run = [];
    };
    for (let index = first; index <= last; index++) {
      const offset = offsets[index];
      const value = values[index] ?? "";
      if (offset === undefined || offset < 0) continue;
      if (LINE_BREAK.test(spaces[index] ?? "")) flush();
      if (value.trim() === "") {
        if (LINE_BREAK.test(value)) flush();
        continue;
      }
      run.push({
        start: offset,
        end: offset + value.length,
        text: value,
        normal: value.toLowerCase(),
        pos: tags[index] ?? "X",
        type: types[index] ?? "word",
        entity: entityOf[index] ?? null,
        isEntityStart: entityStarts.has(index),
      });
    }
    flush();
  });
  return sentences;
}

// Emoji, and the joiners and variation selectors wink-nlp splits off emoji sequences.
const isPictograph = (token: TextToken | undefined) =>
  token !== undefined && (token.type === "emoji" || token.type === "emoticon" || /^[\u200d\ufe0e\ufe0f]+$/u.test(token.text));

/**
 * The start offset of each token. Where wink-nlp's token and the text disagree (it should not),
 * the token is looked up ahead instead, and one that cannot be found is marked -1 and skipped.
 */
function locateTokens(text: string, values: string[], spaces: string[]): number[] {
  const offsets: number[] = [];
  let cursor = 0;
  for (let index = 0; index < values.length; index++) {
    const value = values[index] ?? "";
    const space = spaces[index] ?? "";
    if (text.startsWith(space, cursor) && text.startsWith(value, cursor + space.length)) {
      offsets.push(cursor + space.length);
      cursor += space.length + value.length;
      continue;
    }
    const found = value === "" ? -1 : text.indexOf(value, cursor);
    offsets.push(found);
    if (found >= 0) cursor = found + value.length;
  }
  return offsets;
}

/** The trimmed line around an offset; sentences arrive in text order, so lines are found moving forward. */
function lineFinder(text: string): (offset: number) => string {
  let lineStart = 0;
  let lineEnd = -1;
  let line = "";
  return (offset) => {
    if (offset < lineStart || offset > lineEnd) {
      lineStart = text.lastIndexOf("\n", offset - 1) + 1;
      const next = text.indexOf("\n", offset);
      lineEnd = next === -1 ? text.length : next;
      line = text.slice(lineStart, lineEnd).trim();
    }
    return line;
  };
}
