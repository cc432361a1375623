import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { requireWorkspaceAccess } from "@/lib/auth/server/workspace-access";
import { recordAuditEvents } from "@/lib/audit/server/record-audit-event";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { filterParts } from "@/lib/exports/export-filename";
import type { ExportContext } from "@/lib/exports/export-record";
import { exportConnection } from "@/lib/exports/server/export-claims";
import { takeExportSlot } from "@/lib/exports/server/export-slots";
import { openExportReader } from "@/lib/exports/server/read-export-claims";
import { AppError, notFound } from "@/lib/http/errors";
import { formatBytes } from "@/lib/http/format-bytes";
import type { CreateReleaseInput, Release, ReleaseFilter, ReleaseLicence } from "@/lib/releases/release.schemas";
import { ReleaseTooLargeError, renderReleaseFiles } from "@/lib/releases/render-release-files";
import { releaseApiPath } from "@/lib/releases/release-urls";
import { readReleaseLicence } from "@/lib/releases/server/release-settings";
import { releaseSelect, toRelease } from "@/lib/releases/server/release-view";
import type { Role } from "@/lib/generated/prisma/enums";

// Cutting reads and formats up to RELEASE_MAX_CLAIMS claims while the numbering lock is held.
const CUT_TIMEOUT_MS = 120_000;

const filterError = (message: string, field?: string) =>
  new AppError("validation_failed", message, { details: [{ path: ["body", "filter", ...(field ? [field] : [])], message }] });

/**
 * The licence is the owners' call: the workspace's release licence, unless an owner gives another.
 * An editor may restate the workspace's licence but not choose a different one.
 */
async function chooseLicence(workspaceId: string, role: Role, asked: ReleaseLicence | null | undefined): Promise<ReleaseLicence | null> {
  const workspaceLicence = await readReleaseLicence(workspaceId);
  if (asked === undefined || asked === workspaceLicence) return workspaceLicence;
  if (!can(role, "workspace.settings")) {
    const current = workspaceLicence ?? "no licence";
    throw new AppError("forbidden", `The licence of releases is the owners' choice (now: ${current}). Leave out "licence", or ask an owner to change it.`);
  }
  return asked;
}

/**
 * Cuts a release: the verified claims the filter keeps, read in one snapshot, stored as the bytes of
 * every export format, numbered 1, 2, … per workspace. Numbering holds a per-workspace advisory lock
 * for the whole cut, so two cuts at once get consecutive numbers and neither fails.
 */
export async function createRelease({
  actor,
  workspaceId,
  input,
  appUrl,
}: {
  actor: Actor;
  workspaceId: string;
  input: CreateReleaseInput;
  /** The app's base URL, for the links inside the files (as in exports). */
  appUrl: string;
}): Promise<Release> {
  const access = await requireWorkspaceAccess(actor, workspaceId, "release.create");
  const licence = await chooseLicence(workspaceId, access.role, input.licence);
  const workspace = await db.workspace.findUnique({ where: { id: workspaceId }, select: { id: true, name: true, isBlindReview: true } });
  if (!workspace) throw notFound("This workspace");
  const { sort: _sort, order: _order, ...selecting } = input.filter;
  const filter: ReleaseFilter = selecting;
  if (filter.passageId) {
    const passage = await db.passage.findFirst({ where: { id: filter.passageId, workspaceId, deletedAt: null }, select: { id: true } });
    if (!passage) throw filterError("The passage to filter by does not exist or was deleted.", "passageId");
  }
  const env = serverEnv();
  const slot = takeExportSlot(actor.userId, { maxConcurrent: env.EXPORT_MAX_CONCURRENT, maxPerUser: env.EXPORT_MAX_PER_USER });
  const baseUrl = appUrl.replace(/\/+$/, "");
  try {
    const releaseId = await db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`release:${workspaceId}`}, 0))`;
        const last = await tx.release.aggregate({ where: { workspaceId }, _max: { number: true } });
        const number = (last._max.number ?? 0) + 1;
        const context: ExportContext = {
          appUrl: baseUrl,
          workspace: { id: workspace.id, name: workspace.name },
          filterLabel: [...filterParts({ ...filter, state: "verified" }), ...(filter.q ? [`matching "${filter.q}"`] : [])].join(", "),
          exportUrl: `${baseUrl}${releaseApiPath(workspaceId, number)}`,
        };
        // Every member may download a release, so labels undecided in blind review stay hidden in it.
        const reader = await openExportReader({
          connection: exportConnection(),
          workspaceId,
          filters: filter,
          hidesUndecidedLabels: workspace.isBlindReview,
          includePassageText: true,
        });
        if (reader.claimCount === 0 || reader.claimCount > env.RELEASE_MAX_CLAIMS) {
          await reader.close();
          throw reader.claimCount === 0
            ? filterError("No verified claims match this filter; a release needs at least one.")
            : filterError(
                `This filter keeps ${reader.claimCount} verified claims; a release holds at most ${env.RELEASE_MAX_CLAIMS} (RELEASE_MAX_CLAIMS). Narrow the filter.`,
              );
        }
        const files = await renderReleaseFiles(reader, context, env.RELEASE_MAX_BYTES).catch((error: unknown) => {
          if (error instanceof ReleaseTooLargeError) {
            throw filterError(`These claims' files would take more than ${formatBytes(error.maxBytes)} (RELEASE_MAX_BYTES). Narrow the filter.`);
          }
          throw error;
        });
        const jsonl = files.find((file) => file.format === "jsonl");
        if (!jsonl) throw new Error("The release has no JSONL file");
        const created = await tx.release.create({
          data: {
            workspaceId,
            number,
            name: input.name,
            filter,
            claimCount: reader.claimCount,
            sha256: jsonl.sha256,
            licence,
            createdById: actor.userId,
            files: { create: files.map((file) => ({ format: file.format, bytes: file.bytes, sha256: file.sha256, size: file.size })) },
          },
          select: { id: true },
        });
        await recordAuditEvents(tx, [
          {
            workspaceId,
            actorId: actor.userId,
            entityType: "release",
            entityId: created.id,
            action: "release.create",
            after: { number, name: input.name, claimCount: reader.claimCount, sha256: jsonl.sha256, filter, licence },
          },
        ]);
        return created.id;
      },
      { maxWait: 10_000, timeout: CUT_TIMEOUT_MS },
    );
    const row = await db.release.findUniqueOrThrow({ where: { id: releaseId }, select: releaseSelect });
    return toRelease(row);
  } finally {
    slot.release();
  }
}
