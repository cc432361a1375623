import { describe, expect, it } from "vitest";
import { createCopyBinaryRowDecoder, createCopyBinaryTextDecoder } from "@/lib/exports/server/copy-binary-text";

/** A `COPY … (FORMAT binary)` stream of one text column, as PostgreSQL frames it. */
function copyBinary(rows: (string | null)[], headerExtension = Buffer.alloc(0)): Buffer {
  const header = Buffer.alloc(8);
  header.writeInt32BE(0, 0);
  header.writeInt32BE(headerExtension.length, 4);
  const parts = [Buffer.from("PGCOPY\n\xff\r\n\0", "latin1"), header, headerExtension];
  for (const row of rows) {
    const frame = Buffer.alloc(6);
    frame.writeInt16BE(1, 0);
    const bytes = row === null ? null : Buffer.from(row, "utf8");
    frame.writeInt32BE(bytes ? bytes.length : -1, 2);
    parts.push(frame, ...(bytes ? [bytes] : []));
  }
  const trailer = Buffer.alloc(2);
  trailer.writeInt16BE(-1, 0);
  return Buffer.concat([...parts, trailer]);
}

function decodeInPieces(input: Buffer, pieceSize: number): string {
  const decode = createCopyBinaryTextDecoder();
  const out: Buffer[] = [];
  for (let at = 0; at < input.length; at += pieceSize) out.push(...decode(input.subarray(at, at + pieceSize)));
  return Buffer.concat(out).toString("utf8");
}

describe("createCopyBinaryTextDecoder", () => {
  const rows = ['{"a":"back\\\\slash\\t\\n"}\n', null, "", "🚢 مرحبا, \"quoted\"\r\n", "x".repeat(70_000)];
  const expected = rows.map((row) => row ?? "").join("");

  it("gives the rows' bytes untouched, however the stream is cut into chunks", () => {
    const input = copyBinary(rows);
    for (const pieceSize of [1, 2, 3, 5, 7, 19, 64, 1000, input.length]) expect(decodeInPieces(input, pieceSize)).toBe(expected);
  });

  it("skips a header extension and ignores anything after the trailer", () => {
    const input = Buffer.concat([copyBinary(rows, Buffer.from("ext")), Buffer.from("after")]);
    expect(decodeInPieces(input, 4)).toBe(expected);
  });

  it("refuses a stream that is not COPY's binary format", () => {
    expect(() => createCopyBinaryTextDecoder()(Buffer.from("id,statement\nnot binary at all\n"))).toThrow(/binary format/);
  });
});

/** The same stream with each row led by an int4 tag, as copy-export.ts's statements send it. */
function taggedCopyBinary(rows: [number, string][]): Buffer {
  const parts = [Buffer.from("PGCOPY\n\xff\r\n\0", "latin1"), Buffer.alloc(8)];
  for (const [tag, text] of rows) {
    const bytes = Buffer.from(text, "utf8");
    const frame = Buffer.alloc(14);
    frame.writeInt16BE(2, 0);
    frame.writeInt32BE(4, 2);
    frame.writeInt32BE(tag, 6);
    frame.writeInt32BE(bytes.length, 10);
    parts.push(frame, bytes);
  }
  const trailer = Buffer.alloc(2);
  trailer.writeInt16BE(-1, 0);
  return Buffer.concat([...parts, trailer]);
}

describe("createCopyBinaryRowDecoder", () => {
  it("gives each row's text with its tag, however the stream is cut into chunks", () => {
    const rows: [number, string][] = [
      [0, '{"type":"passage"}\n'],
      [0, "first, \"row\"\r\n"],
      [3, ""],
      [3, "🚢 ".repeat(30_000)],
      [70_000, "last\n"],
    ];
    const input = taggedCopyBinary(rows);
    for (const pieceSize of [1, 3, 7, 13, 64, 4096, input.length]) {
      const decode = createCopyBinaryRowDecoder();
      const byTag = new Map<number, Buffer[]>();
      for (let at = 0; at < input.length; at += pieceSize) {
        for (const part of decode(input.subarray(at, at + pieceSize))) {
          const parts = byTag.get(part.tag) ?? [];
          parts.push(part.bytes);
          byTag.set(part.tag, parts);
        }
      }
      expect([...byTag.keys()]).toEqual([0, 3, 70_000]);
      for (const tag of byTag.keys()) {
        expect(Buffer.concat(byTag.get(tag) ?? []).toString("utf8")).toBe(
          rows
            .filter(([rowTag]) => rowTag === tag)
            .map(([, text]) => text)
            .join(""),
        );
      }
    }
  });
});
