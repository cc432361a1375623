import type { ExportFormat } from "@/lib/exports/export.schemas";
import { slugify } from "@/lib/exports/export-filename";
import { EXPORT_FORMATTERS } from "@/lib/exports/formats";

/** The API address of a release, relative to the server. */
export const releaseApiPath = (workspaceId: string, number: number) =>
  `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/releases/${number}`;

export const releaseFileApiPath = (workspaceId: string, number: number, format: ExportFormat) =>
  `${releaseApiPath(workspaceId, number)}/files/${format}`;

/** The release's page in the app. */
export const releasePagePath = (workspaceId: string, number: number) => `/w/${encodeURIComponent(workspaceId)}/releases/${number}`;

/** e.g. `claimdesk-harbour-desk-release-3.csv`: the same name for every download of the same file. */
export const releaseFileName = (workspaceName: string, number: number, format: ExportFormat) =>
  `claimdesk-${slugify(workspaceName)}-release-${number}.${EXPORT_FORMATTERS[format].extension}`;
