import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireWorkspaceAccess } from "@/lib/auth/server/workspace-access";
import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import type { ReleaseDiff } from "@/lib/releases/release.schemas";
import { claimLinesOf, diffClaimSets } from "@/lib/releases/release-diff";

async function readJsonl(workspaceId: string, number: number) {
  const release = await db.release.findUnique({
    where: { workspaceId_number: { workspaceId, number } },
    select: { number: true, name: true, claimCount: true, sha256: true, files: { where: { format: "jsonl" }, select: { bytes: true } } },
  });
  const file = release?.files[0];
  if (!release || !file) throw notFound(`Release ${number}`);
  const { files: _files, ...summary } = release;
  return { summary, claims: claimLinesOf(Buffer.from(file.bytes).toString("utf8")) };
}

/**
 * The claims added, removed and changed from release `against` to release `number`, read from their
 * stored canonical JSONL files, so the answer never changes either.
 */
export async function diffReleases({
  actor,
  workspaceId,
  number,
  against,
}: {
  actor: Actor;
  workspaceId: string;
  number: number;
  against: number;
}): Promise<ReleaseDiff> {
  await requireWorkspaceAccess(actor, workspaceId, "workspace.read");
  const newer = await readJsonl(workspaceId, number);
  const older = await readJsonl(workspaceId, against);
  return { release: newer.summary, against: older.summary, ...diffClaimSets(newer.claims, older.claims) };
}
