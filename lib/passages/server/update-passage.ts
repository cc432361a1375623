import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvents } from "@/lib/audit/server/record-audit-event";
import { db } from "@/lib/db";
import type { Passage, UpdatePassageInput } from "@/lib/passages/passage.schemas";
import { requirePassageAccess } from "@/lib/passages/server/passage-access";
import { passageSelect, toPassage } from "@/lib/passages/server/passage-view";

const EDITABLE_FIELDS = ["title", "sourceUrl", "publisher", "author", "publishedAt", "language"] as const;

/**
 * Changes a passage's title and metadata, with one audit event per changed field. The text never
 * changes: claims point into it by offset.
 */
export async function updatePassage({
  actor,
  passageId,
  input,
}: {
  actor: Actor;
  passageId: string;
  input: UpdatePassageInput;
}): Promise<Passage> {
  return db.$transaction(async (tx) => {
    const { passage } = await requirePassageAccess(actor, passageId, "passage.manage", {
      client: tx,
      includeText: true,
      forUpdate: true,
    });
    const next = {
      title: input.title ?? passage.title,
      sourceUrl: input.sourceUrl === undefined ? passage.sourceUrl : input.sourceUrl,
      publisher: input.publisher === undefined ? passage.publisher : input.publisher,
      author: input.author === undefined ? passage.author : input.author,
      publishedAt: input.publishedAt === undefined ? passage.publishedAt : input.publishedAt && new Date(input.publishedAt),
      language: input.language === undefined ? passage.language : input.language,
    };
    const changedFields = EDITABLE_FIELDS.filter((field) => auditValue(passage[field]) !== auditValue(next[field]));
    if (changedFields.length === 0) return toPassage(passage);

    const updated = await tx.passage.update({ where: { id: passage.id }, data: next, select: passageSelect });
    await recordAuditEvents(
      tx,
      changedFields.map((field) => ({
        workspaceId: passage.workspaceId,
        actorId: actor.userId,
        entityType: "passage" as const,
        entityId: passage.id,
        action: "passage.updated",
        field,
        before: auditValue(passage[field]),
        after: auditValue(next[field]),
      })),
    );
    return toPassage(updated);
  });
}

// An absent value is stored as SQL NULL in the audit row, so "cleared" reads as after = null.
function auditValue(value: string | Date | null): string | undefined {
  if (value === null) return undefined;
  return value instanceof Date ? value.toISOString() : value;
}
