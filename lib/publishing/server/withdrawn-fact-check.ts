import { db } from "@/lib/db";
import { factCheckSlugOfPath } from "@/lib/publishing/slug";

// Read by proxy.ts (so no "server-only"): a page cannot choose its HTTP status, the proxy can.

/** Whether `pathname` is the page of a withdrawn fact-check (or of one whose claim was deleted since). */
export async function isWithdrawnFactCheckPath(pathname: string): Promise<boolean> {
  const slug = factCheckSlugOfPath(pathname);
  if (!slug) return false;
  const row = await db.publication.findUnique({
    where: { slug },
    select: { withdrawnAt: true, claim: { select: { deletedAt: true, passage: { select: { deletedAt: true } } } } },
  });
  return row !== null && (row.withdrawnAt !== null || row.claim.deletedAt !== null || row.claim.passage.deletedAt !== null);
}
