import "server-only";
import { createHash } from "node:crypto";
import type { DbTransaction } from "@/lib/db";
import { db } from "@/lib/db";
import { ratingBounds, type Rating, type RatingScale } from "@/lib/ratings/rating.schemas";

export const ratingSelect = { key: true, name: true, description: true, value: true, retiredAt: true } as const;

type RatingRow = { key: string; name: string; description: string; value: number | null; retiredAt: Date | null };

export const toRating = (row: RatingRow): Rating => ({
  key: row.key,
  name: row.name,
  description: row.description,
  value: row.value,
  retired: row.retiredAt !== null,
});

/**
 * The scale as the API answers it. Its version is a digest of what a client sees, so any change
 * (by anyone, in any order) gives a new version and a PUT from an older one is refused.
 */
export function toRatingScale(rows: readonly RatingRow[]): RatingScale {
  const ratings = rows.map(toRating);
  const version = createHash("sha256").update(JSON.stringify(ratings)).digest("hex").slice(0, 20);
  return { ratings, ...ratingBounds(ratings), version };
}

export async function readRatingRows(workspaceId: string, client: DbTransaction | typeof db = db): Promise<RatingRow[]> {
  return client.rating.findMany({ where: { workspaceId }, orderBy: [{ position: "asc" }, { key: "asc" }], select: ratingSelect });
}
