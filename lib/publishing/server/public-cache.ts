import "server-only";
import { revalidateTag, unstable_cache } from "next/cache";
import type { DbTransaction } from "@/lib/db";
import { isNextServer, serverEnv } from "@/lib/env";

// Public pages and feeds are read far more than they change, and change only through publishing,
// corrections and withdrawals, which expire these tags. PUBLIC_CACHE_MAX_SECONDS is a backstop for
// what changes elsewhere (a passage's source details, the workspace's name).

export const publicCacheTags = {
  factCheck: (slug: string) => `public:fact-check:${slug}`,
  passage: (passageId: string) => `public:passage:${passageId}`,
  workspace: (workspaceId: string) => `public:workspace:${workspaceId}`,
};

/**
 * `read` through Next.js's data cache under `tags`. Outside a Next.js server (tests, scripts) there is
 * no cache to use, so it reads directly. Results must be plain JSON (dates as ISO strings).
 */
export function cachedPublicRead<T>(key: string[], tags: string[], read: () => Promise<T>): Promise<T> {
  if (!isNextServer()) return read();
  return unstable_cache(read, ["public", ...key], { tags, revalidate: serverEnv().PUBLIC_CACHE_MAX_SECONDS })();
}

/**
 * Expires the public pages and feeds a change touches. Called inside the change's transaction: Next.js
 * applies the expiry once the route has answered, after the commit; a rolled-back change only costs
 * one extra read.
 */
export function expirePublicPages(change: { slug: string; passageId: string; workspaceId: string }): void {
  if (!isNextServer()) return;
  for (const tag of [publicCacheTags.factCheck(change.slug), publicCacheTags.passage(change.passageId), publicCacheTags.workspace(change.workspaceId)]) {
    revalidateTag(tag, { expire: 0 });
  }
}

/**
 * Expires the public pages of a claim's, or a passage's claims', publications: deleting or restoring
 * them changes what the pages, reports and feeds may show. Nothing is queried outside a Next.js server.
 */
export async function expirePublicPagesOf(tx: DbTransaction, where: { claimId: string } | { passageId: string }): Promise<void> {
  if (!isNextServer()) return;
  const publications = await tx.publication.findMany({
    where: "claimId" in where ? { claimId: where.claimId } : { claim: { passageId: where.passageId } },
    select: { slug: true, workspaceId: true, claim: { select: { passageId: true } } },
  });
  for (const publication of publications) {
    expirePublicPages({ slug: publication.slug, passageId: publication.claim.passageId, workspaceId: publication.workspaceId });
  }
}
