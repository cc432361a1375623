import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireWorkspaceAccess } from "@/lib/auth/server/workspace-access";
import { decompressSnapshotBody } from "@/lib/capture/server/page-snapshot";
import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";

export type StoredSnapshot = { id: string; finalUrl: string; contentType: string; sha256: string; fetchedAt: Date; body: Buffer };

/** A stored copy of a fetched page, for members of its workspace; anyone else gets the same 404 as for a missing one. */
export async function readSnapshot({ actor, snapshotId }: { actor: Actor; snapshotId: string }): Promise<StoredSnapshot> {
  const row = await db.snapshot.findUnique({
    where: { id: snapshotId },
    select: { id: true, workspaceId: true, finalUrl: true, contentType: true, sha256: true, fetchedAt: true, body: true },
  });
  if (!row) throw notFound("This snapshot");
  await requireWorkspaceAccess(actor, row.workspaceId, "workspace.read");
  return { ...row, body: await decompressSnapshotBody(row.body) };
}
