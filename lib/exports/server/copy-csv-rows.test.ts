import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { createCopyCsvRowDecoder } from "@/lib/exports/server/copy-csv-rows";

/** A field as `COPY … (FORMAT csv)` writes it: quoted when it holds a comma, quote, CR or LF, quotes doubled. */
const copyField = (value: string) => (/[,"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** Records as COPY sends them, each led by its block number and ended by LF. */
const copyCsv = (records: [number, string[]][]) => Buffer.from(records.map(([block, fields]) => `${[String(block), ...fields].map(copyField).join(",")}\n`).join(""), "utf8");

function decodeInPieces(input: Buffer, pieceSize: number): { tag: number; text: string }[] {
  const decode = createCopyCsvRowDecoder();
  const runs: { tag: number; bytes: Buffer[] }[] = [];
  for (let at = 0; at < input.length; at += pieceSize) {
    for (const part of decode(input.subarray(at, at + pieceSize))) {
      const last = runs.at(-1);
      if (last?.tag === part.tag) last.bytes.push(part.bytes);
      else runs.push({ tag: part.tag, bytes: [part.bytes] });
    }
  }
  return runs.map((run) => ({ tag: run.tag, text: Buffer.concat(run.bytes).toString("utf8") }));
}

describe("createCopyCsvRowDecoder", () => {
  const records: [number, string[]][] = [
    [0, ["plain", "cells", ""]],
    [0, ['He said "no", then\nleft', "carriage\r\nreturn", "lone\rcarriage"]],
    [0, ['""', '"', "ends with a quote\""]],
    [7, ["🚢 harbour, 4.2 млн — “quoted”", "مرحبا بالعالم، قال الوزير", "x".repeat(70_000)]],
    [12, ["\n", ",", "last"]],
  ];
  const input = copyCsv(records);
  const asTheExportWrites = (block: number) =>
    stringify(
      records.filter(([tag]) => tag === block).map(([, fields]) => fields),
      { record_delimiter: "windows", quoted_match: /[\r\n]/ },
    );

  it("gives the records as csv-stringify writes them (CRLF), without their block number, in runs of one block, however the stream is cut", () => {
    for (const pieceSize of [1, 2, 3, 5, 7, 13, 64, 4096, input.length]) {
      expect(decodeInPieces(input, pieceSize)).toEqual([0, 7, 12].map((tag) => ({ tag, text: asTheExportWrites(tag) })));
    }
  });

  it("refuses a record that does not start with its block number", () => {
    expect(() => createCopyCsvRowDecoder()(Buffer.from("claim-1,statement\n"))).toThrow(/block number/);
  });
});
