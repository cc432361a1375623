import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireWorkspaceAccess } from "@/lib/auth/server/workspace-access";
import { db } from "@/lib/db";
import { keysetPage } from "@/lib/http/pagination";
import type { ListReleasesQuery, ReleaseList } from "@/lib/releases/release.schemas";
import { releaseSelect, toRelease } from "@/lib/releases/server/release-view";

/** A workspace's releases, newest (highest number) first, by keyset pagination on the number. */
export async function listReleases({ actor, workspaceId, query }: { actor: Actor; workspaceId: string; query: ListReleasesQuery }): Promise<ReleaseList> {
  await requireWorkspaceAccess(actor, workspaceId, "workspace.read");
  const page = await keysetPage({
    query,
    order: { direction: "desc", columns: { number: "int" } },
    findRows: ({ after, orderBy, take }) => db.release.findMany({ where: { AND: [{ workspaceId }, after] }, orderBy, take, select: releaseSelect }),
  });
  return { items: page.items.map(toRelease), nextCursor: page.nextCursor };
}
