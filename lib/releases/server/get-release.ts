import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireWorkspaceAccess } from "@/lib/auth/server/workspace-access";
import { db } from "@/lib/db";
import type { ExportFormat } from "@/lib/exports/export.schemas";
import { notFound } from "@/lib/http/errors";
import type { Release } from "@/lib/releases/release.schemas";
import { releaseFileName } from "@/lib/releases/release-urls";
import { releaseSelect, toRelease, type ReleaseRow } from "@/lib/releases/server/release-view";

export type ReleaseWithWorkspace = { release: Release; workspace: { id: string; name: string } };

async function findRelease(workspaceId: string, number: number): Promise<ReleaseRow> {
  const row = await db.release.findUnique({ where: { workspaceId_number: { workspaceId, number } }, select: releaseSelect });
  if (!row) throw notFound(`Release ${number}`);
  return row;
}

/** One release of a workspace by its number, for any member. */
export async function getRelease({ actor, workspaceId, number }: { actor: Actor; workspaceId: string; number: number }): Promise<ReleaseWithWorkspace> {
  await requireWorkspaceAccess(actor, workspaceId, "workspace.read");
  const row = await findRelease(workspaceId, number);
  return { release: toRelease(row), workspace: { id: workspaceId, name: row.workspace.name } };
}

export type ReleaseFileDownload = { bytes: Uint8Array; sha256: string; size: number; fileName: string };

/** The stored bytes of one format of a release, exactly as they were cut. */
export async function readReleaseFile({
  actor,
  workspaceId,
  number,
  format,
}: {
  actor: Actor;
  workspaceId: string;
  number: number;
  format: ExportFormat;
}): Promise<ReleaseFileDownload> {
  await requireWorkspaceAccess(actor, workspaceId, "workspace.read");
  const release = await db.release.findUnique({
    where: { workspaceId_number: { workspaceId, number } },
    select: { number: true, workspace: { select: { name: true } }, files: { where: { format }, select: { bytes: true, sha256: true, size: true } } },
  });
  if (!release) throw notFound(`Release ${number}`);
  const file = release.files[0];
  if (!file) throw notFound(`The ${format} file of release ${number}`);
  return { bytes: file.bytes, sha256: file.sha256, size: file.size, fileName: releaseFileName(release.workspace.name, release.number, format) };
}
