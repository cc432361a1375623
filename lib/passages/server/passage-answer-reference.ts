import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { AnswerReference } from "@/lib/http/idempotency";
import { AppError } from "@/lib/http/errors";
import type { Passage } from "@/lib/passages/passage.schemas";

const StoredPassageAnswerSchema = z.looseObject({ id: z.string() });

/**
 * A created passage kept by an Idempotency-Key without its text: the text as imported never changes
 * (later revisions keep it as revision 1), so a replay reads it back and returns the answer the first call did,
 * while the title and metadata, which can change, are kept as they were.
 */
export const passageAnswerReference: AnswerReference<Passage> = {
  toReference({ text: _text, ...withoutText }) {
    return withoutText;
  },
  async fromReference(reference) {
    const stored = StoredPassageAnswerSchema.parse(reference) as Omit<Passage, "text">;
    // The text as imported: revision 1's row once the passage has been revised, else the passage's own.
    const row = await db.passage.findUnique({ where: { id: stored.id }, select: { text: true, revisions: { where: { number: 1 }, select: { text: true } } } });
    if (!row) throw new AppError("gone", "The passage this request created has since been deleted for good; import it again with a new Idempotency-Key.");
    return { ...stored, text: row.revisions[0]?.text ?? row.text };
  },
};
