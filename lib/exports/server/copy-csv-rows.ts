import type { TaggedBytes } from "@/lib/exports/server/copy-binary-text";

// `COPY … TO STDOUT (FORMAT csv)` quotes fields by the rules formats/csv.ts's csv-stringify follows
// (a comma, quote, CR or LF inside: quoted, quotes doubled), in C: the same rules as SQL
// expressions cost a third of the CSV statement (measured). Its records end with "\n" where the
// export's end with "\r\n", and in the export's statements lead with their block number (an
// unquoted first field). A record ends at the first "\n" outside quotes.

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const COMMA = 0x2c;
const DIGIT_ZERO = 0x30;
const DIGIT_NINE = 0x39;

/**
 * Feeds the COPY's chunks in; returns the records as the export writes them, without their block
 * number and ended by "\r\n", in runs of one block (each with that block as its tag).
 */
export function createCopyCsvRowDecoder(): (chunk: Buffer) => TaggedBytes[] {
  let isReadingTag = true;
  let tag = 0;
  let isQuoted = false;

  return (chunk) => {
    // The records' bytes less their numbers, plus a CR for each: at most one more byte than came in
    // (a record whose number was in the previous chunk).
    const out = Buffer.allocUnsafe(chunk.length + 1);
    const runs: TaggedBytes[] = [];
    let written = 0;
    let runStart = 0;
    let runTag = tag;
    const endRun = () => {
      if (written > runStart) runs.push({ tag: runTag, bytes: out.subarray(runStart, written) });
      runStart = written;
    };
    const copy = (from: number, to: number) => {
      written += chunk.copy(out, written, from, to);
    };
    let at = 0;
    // Where the next quote is (-1: none left in this chunk), looked up again only once passed.
    let nextQuote = -2;
    while (at < chunk.length) {
      if (isReadingTag) {
        const byte = chunk[at++]!;
        if (byte === COMMA) {
          isReadingTag = false;
          if (tag !== runTag) {
            endRun();
            runTag = tag;
          }
        } else if (byte >= DIGIT_ZERO && byte <= DIGIT_NINE) tag = tag * 10 + (byte - DIGIT_ZERO);
        else throw new Error("COPY sent a CSV record that does not start with its block number.");
        continue;
      }
      if (isQuoted) {
        const closing = chunk.indexOf(QUOTE, at);
        const end = closing === -1 ? chunk.length : closing + 1;
        copy(at, end);
        at = end;
        // A doubled quote inside a field closes and reopens it.
        if (closing !== -1) isQuoted = false;
        continue;
      }
      if (nextQuote !== -1 && nextQuote < at) nextQuote = chunk.indexOf(QUOTE, at);
      const newline = chunk.indexOf(LF, at);
      if (nextQuote !== -1 && (newline === -1 || nextQuote < newline)) {
        copy(at, nextQuote + 1);
        at = nextQuote + 1;
        isQuoted = true;
        continue;
      }
      if (newline === -1) {
        copy(at, chunk.length);
        break;
      }
      copy(at, newline);
      out[written++] = CR;
      out[written++] = LF;
      at = newline + 1;
      isReadingTag = true;
      tag = 0;
    }
    endRun();
    return runs;
  };
}
