import type { Readable } from "node:stream";
import type { TaggedBytes } from "@/lib/exports/server/copy-binary-text";

export type CopyReadAhead = {
  /** The next row's bytes without taking them; null once the COPY has ended and everything was taken. */
  peek: () => Promise<TaggedBytes | null>;
  /** Takes the bytes `peek` gave. */
  take: () => void;
  isDone: () => boolean;
};

/**
 * Reads a COPY's rows as they come (taken out of its format by `decode`), up to `aheadBytes` ahead of the one taking them, so
 * PostgreSQL keeps rendering while the download is busy with another connection's rows. Past that
 * the stream is not read, and the socket holds PostgreSQL back. `onEnd` runs when the COPY has
 * ended (before its last rows are taken), to give the connection back at once.
 */
export function readCopyAhead(copy: Readable, decode: (chunk: Buffer) => TaggedBytes[], aheadBytes: number, onEnd: () => Promise<void>): CopyReadAhead {
  let queue: TaggedBytes[] = [];
  let head = 0;
  let queuedBytes = 0;
  let isEnded = false;
  let failure: unknown = null;
  let wakeTaker: (() => void) | null = null;
  let wakeReader: (() => void) | null = null;
  const wake = () => {
    wakeTaker?.();
    wakeTaker = null;
  };

  void (async () => {
    try {
      for await (const chunk of copy as AsyncIterable<Buffer>) {
        for (const part of decode(chunk)) {
          queue.push(part);
          queuedBytes += part.bytes.length;
        }
        wake();
        while (queuedBytes >= aheadBytes && failure === null) await new Promise<void>((resolve) => (wakeReader = resolve));
      }
      await onEnd();
      isEnded = true;
    } catch (error) {
      failure = error ?? new Error("The export's COPY failed.");
    }
    wake();
  })();

  return {
    async peek() {
      for (;;) {
        if (head < queue.length) return queue[head] ?? null;
        if (failure !== null) throw failure;
        if (isEnded) return null;
        await new Promise<void>((resolve) => (wakeTaker = resolve));
      }
    },
    take() {
      const part = queue[head++];
      queuedBytes -= part?.bytes.length ?? 0;
      if (head >= 4096) {
        queue = queue.slice(head);
        head = 0;
      }
      if (queuedBytes < aheadBytes) {
        wakeReader?.();
        wakeReader = null;
      }
    },
    isDone: () => isEnded && head >= queue.length,
  };
}
