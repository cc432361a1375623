import { z } from "zod";
import { isStorableDateText } from "@/lib/http/date.schemas";
import { IdSchema, text } from "@/lib/http/text.schemas";
import { AppError } from "@/lib/http/errors";

export const PaginationQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: text().min(1).max(500).optional(),
});

export type PaginationQuery = z.infer<typeof PaginationQuerySchema>;

export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: text().nullable() });

/** Keyset position of the last item of a page: its sort key and id, opaque to clients. */
export type Keyset = { at: string; id: string };

const KeysetSchema = z.object({ at: z.iso.datetime().refine(isStorableDateText), id: IdSchema });

export function encodeCursor(keyset: Keyset): string {
  return Buffer.from(JSON.stringify(keyset), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): Keyset {
  try {
    return KeysetSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    const message = "The cursor is not valid; start again from the first page.";
    throw new AppError("validation_failed", message, { details: [{ path: ["query", "cursor"], message }] });
  }
}

/**
 * The rows after a keyset cursor in (createdAt, id) order, as a Prisma where clause. The plain
 * bound on createdAt lets PostgreSQL seek its index to the cursor; the OR alone scans from the start.
 */
export function afterKeyset(keyset: Keyset, direction: "asc" | "desc") {
  const at = new Date(keyset.at);
  return direction === "desc"
    ? { createdAt: { lte: at }, OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: keyset.id } }] }
    : { createdAt: { gte: at }, OR: [{ createdAt: { gt: at } }, { createdAt: at, id: { gt: keyset.id } }] };
}
