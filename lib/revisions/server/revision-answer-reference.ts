import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { AnswerReference } from "@/lib/http/idempotency";
import { AppError } from "@/lib/http/errors";
import type { CreateRevisionAnswer } from "@/lib/revisions/revision.schemas";

const StoredAnswerSchema = z.looseObject({ passage: z.looseObject({ id: z.string() }), revision: z.looseObject({ number: z.number() }) });

/**
 * A saved revision kept by an Idempotency-Key without its text (up to 5 MB): a replay reads the
 * text back from the revision it created, which never changes.
 */
export const revisionAnswerReference: AnswerReference<CreateRevisionAnswer> = {
  toReference({ passage: { text: _text, ...passage }, ...rest }) {
    return { ...rest, passage };
  },
  async fromReference(reference) {
    const stored = StoredAnswerSchema.parse(reference) as unknown as Omit<CreateRevisionAnswer, "passage"> & { passage: Omit<CreateRevisionAnswer["passage"], "text"> };
    const row = await db.passageRevision.findUnique({ where: { passageId_number: { passageId: stored.passage.id, number: stored.revision.number } }, select: { text: true } });
    if (!row) throw new AppError("gone", "The passage this request revised has since been deleted for good.");
    return { ...stored, passage: { ...stored.passage, text: row.text } };
  },
};
