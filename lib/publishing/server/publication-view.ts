import "server-only";
import { configuredPublicOrigin } from "@/lib/http/client-address";
import type { Publication } from "@/lib/publishing/publishing.schemas";
import { factCheckPath } from "@/lib/publishing/slug";

export const publicationSelect = { slug: true, firstPublishedAt: true, modifiedAt: true, withdrawnAt: true } as const;

export type PublicationRow = { slug: string; firstPublishedAt: Date; modifiedAt: Date; withdrawnAt: Date | null };

export function toPublication(row: PublicationRow): Publication {
  return {
    slug: row.slug,
    url: `${configuredPublicOrigin() ?? ""}${factCheckPath(row.slug)}`,
    publishedAt: row.firstPublishedAt.toISOString(),
    modifiedAt: row.modifiedAt.toISOString(),
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
  };
}
