import "server-only";
import { randomBytes } from "node:crypto";

let counter = 0;

/**
 * A new row id for a row written by raw SQL, shaped like the cuids Prisma gives rows (`c`, the time,
 * a counter, randomness; 25 characters), so ids still sort in the order rows were made where a list
 * breaks ties by id (claims at the same span, audit events of one change).
 */
export function newRowId(): string {
  counter = (counter + 1) % 36 ** 4;
  const random = [...randomBytes(12)].map((byte) => (byte % 36).toString(36)).join("");
  return `c${Date.now().toString(36).padStart(8, "0")}${counter.toString(36).padStart(4, "0")}${random}`;
}
