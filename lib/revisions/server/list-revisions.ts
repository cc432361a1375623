import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import { requirePassageAccess, type PassageAccess } from "@/lib/passages/server/passage-access";
import { snapshotLink } from "@/lib/passages/server/passage-view";
import type { PassageRevision, PassageRevisionList, PassageRevisionWithText } from "@/lib/revisions/revision.schemas";

const revisionSelect = {
  number: true,
  createdAt: true,
  note: true,
  textHash: true,
  textLength: true,
  createdBy: { select: { id: true, name: true } },
  snapshot: { select: { id: true, fetchedAt: true } },
} as const;

type RevisionRow = {
  number: number;
  createdAt: Date;
  note: string | null;
  textHash: string;
  textLength: number;
  createdBy: { id: string; name: string } | null;
  snapshot: { id: string; fetchedAt: Date } | null;
};

const toRevision = ({ snapshot, ...row }: RevisionRow): PassageRevision => ({ ...row, createdAt: row.createdAt.toISOString(), ...capturedAs(snapshot) });

/** A revision's capture, present only for a revision fetched from a web address. */
export function capturedAs(snapshot: { id: string; fetchedAt: Date } | null): Pick<PassageRevision, "snapshot"> {
  return snapshot ? { snapshot: snapshotLink(snapshot) ?? undefined } : {};
}

/** A passage never revised has no rows: its one revision is the passage as imported. */
function importedRevision(passage: PassageAccess["passage"]): PassageRevision {
  return {
    number: 1,
    createdAt: passage.createdAt.toISOString(),
    createdBy: passage.createdBy,
    note: null,
    textHash: passage.textHash,
    textLength: passage.textLength,
    ...capturedAs(passage.snapshot),
  };
}

/** A passage's revisions, newest first, without their text. */
export async function listRevisions({ actor, passageId }: { actor: Actor; passageId: string }): Promise<PassageRevisionList & { current: number }> {
  const { passage } = await requirePassageAccess(actor, passageId, "workspace.read");
  const rows = await db.passageRevision.findMany({ where: { passageId }, orderBy: { number: "desc" }, select: revisionSelect });
  return { items: rows.length > 0 ? rows.map(toRevision) : [importedRevision(passage)], current: passage.revision };
}

/** One revision of a passage with its text. */
export async function getRevision({ actor, passageId, number }: { actor: Actor; passageId: string; number: number }): Promise<PassageRevisionWithText> {
  const { passage } = await requirePassageAccess(actor, passageId, "workspace.read", { includeText: number === 1 });
  const row = await db.passageRevision.findUnique({ where: { passageId_number: { passageId, number } }, select: { ...revisionSelect, text: true } });
  if (row) return toRevision(row) as PassageRevisionWithText;
  if (number === 1 && passage.revision === 1) return { ...importedRevision(passage), text: passage.text };
  throw notFound(`Revision ${number} of this passage`);
}
