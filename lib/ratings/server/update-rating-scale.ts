import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvents, type AuditEventInput } from "@/lib/audit/server/record-audit-event";
import { requireWorkspaceAccess } from "@/lib/auth/server/workspace-access";
import { db } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import type { RatingScale, UpdateRatingScaleInput } from "@/lib/ratings/rating.schemas";
import { readRatingRows, toRating, toRatingScale } from "@/lib/ratings/server/rating-scale-view";

/**
 * Replaces a workspace's rating scale with the ordered list given (owners), from the version the
 * caller read (412 otherwise). A rating left out is removed, unless claims use it (409 naming it):
 * those are retired instead, so no claim ever loses its verdict. Every rating changed is audited.
 */
export async function updateRatingScale({
  actor,
  workspaceId,
  version,
  input,
}: {
  actor: Actor;
  workspaceId: string;
  version: string;
  input: UpdateRatingScaleInput;
}): Promise<RatingScale> {
  await requireWorkspaceAccess(actor, workspaceId, "workspace.settings");
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`rating-scale:${workspaceId}`}, 0))`;
    // A claim given a rating holds the foreign key's share lock on it until it commits: waiting for
    // those here makes the in-use count below final.
    await tx.$queryRaw`SELECT key FROM "Rating" WHERE "workspaceId" = ${workspaceId} FOR UPDATE`;
    const before = await readRatingRows(workspaceId, tx);
    const current = toRatingScale(before);
    if (current.version !== version) {
      throw new AppError("precondition_failed", "Someone else changed the rating scale since you loaded it. Review their change, then apply yours again.", {
        details: { current },
        headers: { ETag: `"${current.version}"` },
      });
    }

    const wanted = new Set(input.ratings.map((rating) => rating.key));
    const removed = before.filter((rating) => !wanted.has(rating.key));
    if (removed.length > 0) {
      const uses = await tx.claim.groupBy({
        by: ["verdict"],
        where: { workspaceId, verdict: { in: removed.map((rating) => rating.key) } },
        _count: { _all: true },
      });
      const inUse = removed.flatMap((rating) => {
        const claimCount = uses.find((use) => use.verdict === rating.key)?._count._all ?? 0;
        return claimCount > 0 ? [{ key: rating.key, name: rating.name, claimCount }] : [];
      });
      const [first] = inUse;
      if (first) {
        const claims = first.claimCount === 1 ? "1 claim" : `${first.claimCount} claims`;
        throw new AppError(
          "conflict",
          `“${first.name}” (${first.key}) is the verdict of ${claims}, so it cannot be removed. Retire it instead: those claims keep it, and no claim can be given it anymore.`,
          { details: { inUse } },
        );
      }
      await tx.rating.deleteMany({ where: { workspaceId, key: { in: removed.map((rating) => rating.key) } } });
    }

    const now = new Date();
    const events: AuditEventInput[] = removed.map((rating) => ({
      workspaceId,
      actorId: actor.userId,
      entityType: "rating",
      entityId: rating.key,
      action: "rating.removed",
      before: { ...toRating(rating), position: before.indexOf(rating) },
    }));
    for (const [position, rating] of input.ratings.entries()) {
      const previous = before.find((row) => row.key === rating.key);
      const retiredAt = rating.retired ? (previous?.retiredAt ?? now) : null;
      const data = { name: rating.name, description: rating.description, value: rating.value, position, retiredAt };
      const after = { ...toRating({ key: rating.key, ...data }), position };
      if (!previous) {
        await tx.rating.create({ data: { workspaceId, key: rating.key, ...data } });
        events.push({ workspaceId, actorId: actor.userId, entityType: "rating", entityId: rating.key, action: "rating.created", after });
        continue;
      }
      const beforeView = { ...toRating(previous), position: before.indexOf(previous) };
      if (JSON.stringify(beforeView) === JSON.stringify(after)) continue;
      await tx.rating.update({ where: { workspaceId_key: { workspaceId, key: rating.key } }, data });
      events.push({ workspaceId, actorId: actor.userId, entityType: "rating", entityId: rating.key, action: "rating.updated", before: beforeView, after });
    }
    await recordAuditEvents(tx, events);
    return toRatingScale(await readRatingRows(workspaceId, tx));
  });
}
