import "server-only";
import { EXPORT_FORMATS, type ExportFormat } from "@/lib/exports/export.schemas";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ReleaseFilterSchema, ReleaseLicenceSchema, type Release } from "@/lib/releases/release.schemas";
import { releaseFileApiPath, releaseFileName } from "@/lib/releases/release-urls";

/** Everything a release's answer needs, never its files' bytes. */
export const releaseSelect = {
  id: true,
  workspaceId: true,
  number: true,
  name: true,
  filter: true,
  claimCount: true,
  sha256: true,
  licence: true,
  createdAt: true,
  createdBy: { select: { id: true, name: true } },
  workspace: { select: { name: true } },
  files: { select: { format: true, size: true, sha256: true } },
} as const satisfies Prisma.ReleaseSelect;

export type ReleaseRow = Prisma.ReleaseGetPayload<{ select: typeof releaseSelect }>;

const formatOrder = (format: string) => EXPORT_FORMATS.indexOf(format as ExportFormat);

export function toRelease(row: ReleaseRow): Release {
  return {
    number: row.number,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    claimCount: row.claimCount,
    sha256: row.sha256,
    filter: ReleaseFilterSchema.parse(row.filter),
    licence: row.licence === null ? null : ReleaseLicenceSchema.parse(row.licence),
    files: [...row.files]
      .sort((a, b) => formatOrder(a.format) - formatOrder(b.format))
      .map((file) => {
        const format = file.format as ExportFormat;
        return {
          format,
          url: releaseFileApiPath(row.workspaceId, row.number, format),
          fileName: releaseFileName(row.workspace.name, row.number, format),
          size: file.size,
          sha256: file.sha256,
        };
      }),
  };
}
