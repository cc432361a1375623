// `COPY … TO STDOUT (FORMAT binary)` of one text column gives each row's bytes untouched (the text
// format would escape backslashes and line breaks, the csv format would quote them). This takes the
// framing off: an 11-byte signature, flags and header extension, then per row a field count (int16,
// -1 ends the data), and per field an int32 length (-1 for NULL) and the bytes. A row may lead with
// an int4 tag (the block of the export it belongs to, copy-export.ts) before its text.

const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");

/** Bytes of one row's text (a slice of a COPY chunk), with the row's tag (0 for rows without one). */
export type TaggedBytes = { tag: number; bytes: Buffer };

/** Feeds the COPY's chunks in; returns the rows' text, as slices of those chunks (no copy), each with its row's tag. */
export function createCopyBinaryRowDecoder(): (chunk: Buffer) => TaggedBytes[] {
  let pending = Buffer.alloc(0); // framing bytes split across chunks (a few bytes at most, or the header)
  let isHeaderRead = false;
  let fieldBytesLeft = 0; // of the field being forwarded
  let fieldsLeft = 0; // in the current row, after the one being forwarded
  let tag = 0;
  let isEnded = false;

  return (chunk) => {
    const out: TaggedBytes[] = [];
    const data = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    pending = Buffer.alloc(0);
    let at = 0;
    const need = (bytes: number) => {
      if (data.length - at >= bytes) return true;
      pending = Buffer.from(data.subarray(at));
      return false;
    };
    for (;;) {
      if (isEnded || at >= data.length) break;
      if (!isHeaderRead) {
        if (!need(19)) break;
        if (!data.subarray(at, at + 11).equals(SIGNATURE)) throw new Error("COPY sent something other than its binary format.");
        const extensionLength = data.readInt32BE(at + 15);
        if (!need(19 + extensionLength)) break;
        at += 19 + extensionLength;
        isHeaderRead = true;
        continue;
      }
      if (fieldBytesLeft > 0) {
        const take = Math.min(fieldBytesLeft, data.length - at);
        out.push({ tag, bytes: data.subarray(at, at + take) });
        at += take;
        fieldBytesLeft -= take;
        continue;
      }
      if (fieldsLeft === 0) {
        if (!need(2)) break;
        const count = data.readInt16BE(at);
        at += 2;
        if (count === -1) {
          isEnded = true;
          break;
        }
        fieldsLeft = count;
        tag = 0;
        continue;
      }
      if (fieldsLeft === 2) {
        // The tag: length 4, then the int4.
        if (!need(8)) break;
        if (data.readInt32BE(at) !== 4) throw new Error("COPY sent a row whose tag is not an int4.");
        tag = data.readInt32BE(at + 4);
        at += 8;
        fieldsLeft = 1;
        continue;
      }
      if (!need(4)) break;
      const length = data.readInt32BE(at);
      at += 4;
      fieldsLeft -= 1;
      if (length > 0) fieldBytesLeft = length;
    }
    if (pending.length === 0 && at < data.length && !isEnded) pending = Buffer.from(data.subarray(at));
    return out;
  };
}

/** Feeds the COPY's chunks in; returns the rows' bytes, concatenated, as slices of those chunks (no copy). */
export function createCopyBinaryTextDecoder(): (chunk: Buffer) => Buffer[] {
  const decode = createCopyBinaryRowDecoder();
  return (chunk) => decode(chunk).map((part) => part.bytes);
}
