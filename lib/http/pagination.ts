import { z } from "zod";
import { isStorableDateText } from "@/lib/http/date.schemas";
import { IdSchema, text } from "@/lib/http/text.schemas";
import { AppError } from "@/lib/http/errors";

export const PaginationQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: text().min(1).max(500).optional(),
});

/** The longest text sort key a cursor may carry (keys are cut shorter where they are stored). */
const SORT_KEY_MAX_LENGTH = 100;

export type PaginationQuery = z.infer<typeof PaginationQuerySchema>;

export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: text().nullable() });

export type Page<T> = { items: T[]; nextCursor: string | null };

/** What a sort column holds: a time, an integer, an id or a short text (a sort key, compared in the database's collation). */
type KeyKind = "date" | "int" | "id" | "text";
type KeyValue<Kind extends KeyKind> = Kind extends "date" ? Date : Kind extends "int" ? number : string;
type KeyColumns = Record<string, KeyKind>;
type Key<Columns extends KeyColumns> = { [Field in keyof Columns]: KeyValue<Columns[Field]> };
type Direction = "asc" | "desc";

/**
 * The sort of a keyset-paginated list: its columns, most significant first, the last one unique,
 * all in one direction. Rows are ordered and cursors are read and written from this alone.
 */
type KeysetOrder<Columns extends KeyColumns> = { direction: Direction; columns: Columns };

/** A Prisma where clause that keeps the rows after a cursor (or every row: `{}`). */
type KeysetBound<Columns extends KeyColumns> = {
  [Field in keyof Columns]?: KeyValue<Columns[Field]> | Partial<Record<"gt" | "gte" | "lt" | "lte", KeyValue<Columns[Field]>>>;
} & { OR?: KeysetBound<Columns>[] };

type KeysetOrderBy<Columns extends KeyColumns> = Partial<Record<keyof Columns, Direction>>[];

const keySchemas: Record<KeyKind, z.ZodType<string | number>> = {
  date: z.iso.datetime().refine(isStorableDateText),
  int: z.int(),
  id: IdSchema,
  text: text().max(SORT_KEY_MAX_LENGTH),
};

/** Which order a cursor was written for: its direction and columns ("desc:createdAt,id"). */
const orderTag = (order: KeysetOrder<KeyColumns>) => `${order.direction}:${Object.keys(order.columns).join(",")}`;

/**
 * One cursor encoding for every list: the order it belongs to, then the last row's key values in
 * column order, as base64url JSON. The order is in it so that a cursor given to another sort (or
 * direction) is refused instead of silently starting at a point of that other order.
 */
export function encodeCursor<Columns extends KeyColumns>(order: KeysetOrder<Columns>, key: Key<Columns>): string {
  const values = Object.keys(order.columns).map((field) => {
    const value: unknown = key[field];
    return value instanceof Date ? value.toISOString() : value;
  });
  return Buffer.from(JSON.stringify([orderTag(order), ...values]), "utf8").toString("base64url");
}

export function decodeCursor<Columns extends KeyColumns>(order: KeysetOrder<Columns>, cursor: string): Key<Columns> {
  const fields = Object.keys(order.columns);
  const schema = z.tuple([z.string(), ...fields.map((field) => keySchemas[order.columns[field] as KeyKind])] as [z.ZodType, ...z.ZodType[]]);
  const refuse = (message: string) => new AppError("validation_failed", message, { details: [{ path: ["query", "cursor"], message }] });
  let parsed: unknown[];
  try {
    parsed = schema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw refuse("The cursor is not valid; start again from the first page.");
  }
  const [tag, ...values] = parsed;
  if (tag !== orderTag(order)) throw refuse("The cursor belongs to another sort or order; start again from the first page of this one.");
  const valueOf = (field: string, index: number) => (order.columns[field] === "date" ? new Date(String(values[index])) : values[index]);
  return Object.fromEntries(fields.map((field, index) => [field, valueOf(field, index)])) as Key<Columns>;
}

/**
 * The rows after a key in the order's direction, as a Prisma where clause. The plain bound on the
 * first column lets PostgreSQL seek its index to the cursor; the OR alone scans from the start.
 */
function afterKey<Columns extends KeyColumns>(order: KeysetOrder<Columns>, key: Key<Columns>): KeysetBound<Columns> {
  const fields: (keyof Columns)[] = Object.keys(order.columns);
  const [strictly, orEqual] = order.direction === "asc" ? (["gt", "gte"] as const) : (["lt", "lte"] as const);
  const first = fields[0] as keyof Columns;
  // A row is past the key when it equals the key on some leading columns and is past it on the next.
  const pastAtColumn = fields.map((field, index) => ({
    ...Object.fromEntries(fields.slice(0, index).map((earlier) => [earlier, key[earlier]])),
    [field]: { [strictly]: key[field] },
  }));
  return { [first]: { [orEqual]: key[first] }, OR: pastAtColumn } as KeysetBound<Columns>;
}

/**
 * One page of a list by keyset pagination: decodes `query.cursor`, asks `findRows` for one row more
 * than `query.limit` after it (ordered by `orderBy`), and encodes the next cursor from the last row
 * kept. With `isUnbounded`, every row after the cursor in one page (`nextCursor` null): for lists
 * whose size is bounded elsewhere or that a reader needs whole.
 */
export async function keysetPage<const Columns extends KeyColumns, Row extends Key<Columns>>({
  query,
  order,
  findRows,
  isUnbounded = false,
}: {
  query: PaginationQuery;
  order: KeysetOrder<Columns>;
  findRows: (page: { after: KeysetBound<Columns>; orderBy: KeysetOrderBy<Columns>; take: number | undefined }) => Promise<Row[]>;
  isUnbounded?: boolean;
}): Promise<Page<Row>> {
  const after = query.cursor ? afterKey(order, decodeCursor(order, query.cursor)) : {};
  const orderBy = Object.keys(order.columns).map((field) => ({ [field]: order.direction })) as KeysetOrderBy<Columns>;
  if (isUnbounded) return { items: await findRows({ after, orderBy, take: undefined }), nextCursor: null };
  const rows = await findRows({ after, orderBy, take: query.limit + 1 });
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(order, last) : null };
}
