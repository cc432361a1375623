import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { WorkspaceAction } from "@/lib/auth/permissions";
import { assertRoleAllows } from "@/lib/auth/server/workspace-access";
import { db, type DbTransaction } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { AppError, notFound } from "@/lib/http/errors";
import type { PassageRow } from "@/lib/passages/server/passage-view";
import { RESTORE_WINDOW_DAYS, restorableUntil } from "@/lib/workspaces/restore-window";

export type PassageAccess = { passage: PassageRow & { textHash: string; deletedAt: Date | null }; role: Role; isBlindReview: boolean };

type SqlRow = Omit<PassageRow, "createdBy" | "text" | "snapshot"> & {
  text: string | null;
  capturedId: string | null;
  capturedAt: Date | null;
  textHash: string;
  deletedAt: Date | null;
  createdById: string;
  createdByName: string;
  role: Role;
  isBlindReview: boolean;
};

/**
 * Loads a passage with the caller's role in its workspace (and whether it uses blind review), in one query: a passage in a workspace
 * the caller is not a member of is as missing as one that never existed (404). Deleted passages
 * answer 410 unless `includeDeleted`. `forUpdate` locks the row for the caller's transaction.
 */
export async function requirePassageAccess(
  actor: Actor,
  passageId: string,
  action: WorkspaceAction,
  options: { client?: DbTransaction | typeof db; includeText?: boolean; includeDeleted?: boolean; forUpdate?: boolean } = {},
): Promise<PassageAccess> {
  const client = options.client ?? db;
  const rows = await client.$queryRaw<SqlRow[]>`
    SELECT p."id", p."workspaceId", p."title", ${options.includeText ? Prisma.sql`p."text"` : Prisma.sql`NULL`} AS "text",
      p."textHash", p."textLength", p."revision", p."sourceUrl", p."publisher", p."author", p."publishedAt", p."language",
      p."createdAt", p."updatedAt", p."deletedAt", u."id" AS "createdById", u."name" AS "createdByName", m."role"::text AS "role",
      w."isBlindReview", s."id" AS "capturedId", s."fetchedAt" AS "capturedAt"
    FROM "Passage" p
    JOIN "Membership" m ON m."workspaceId" = p."workspaceId" AND m."userId" = ${actor.userId}
    JOIN "Workspace" w ON w."id" = p."workspaceId"
    JOIN "User" u ON u."id" = p."createdById"
    LEFT JOIN "Snapshot" s ON s."id" = p."snapshotId"
    WHERE p."id" = ${passageId}
    ${options.forUpdate ? Prisma.sql`FOR UPDATE OF p` : Prisma.empty}`;
  const row = rows[0];
  if (!row) throw notFound("This passage");
  assertRoleAllows(row.role, action);
  if (row.deletedAt && !options.includeDeleted) throw passageGone(row.deletedAt);
  const { createdById, createdByName, role, isBlindReview, capturedId, capturedAt, ...passage } = row;
  const snapshot = capturedId && capturedAt ? { id: capturedId, fetchedAt: capturedAt } : null;
  return { passage: { ...passage, text: passage.text ?? "", snapshot, createdBy: { id: createdById, name: createdByName } }, role, isBlindReview };
}

export function passageGone(deletedAt: Date): AppError {
  const until = restorableUntil(deletedAt);
  const message =
    until.getTime() > Date.now()
      ? `This passage was deleted. An editor can restore it within ${RESTORE_WINDOW_DAYS} days, until ${formatDay(until)}.`
      : `This passage was deleted on ${formatDay(deletedAt)} and can no longer be restored; import it again.`;
  return new AppError("gone", message, {
    details: { deletedAt: deletedAt.toISOString(), restorableUntil: until.toISOString() },
  });
}

const formatDay = (date: Date) => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
