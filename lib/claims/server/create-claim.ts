import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { AuditEventInput } from "@/lib/audit/server/record-audit-event";
import { anchorByPosition, anchorByQuote, type AnchorResult } from "@/lib/claims/anchoring";
import type { Claim, CreateClaimInput } from "@/lib/claims/claim.schemas";
import { runClaimWrite } from "@/lib/claims/server/claim-write-statement";
import { hidesUndecidedLabels } from "@/lib/claims/server/claim-view";
import { db, type DbTransaction } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ReviewState, Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/http/errors";
import { decisionOf } from "@/lib/review/review-state";
import { blindLabelRefused } from "@/lib/review/server/blind-labels";
import { requirePassageAccess } from "@/lib/passages/server/passage-access";
import { lockPassageRevision } from "@/lib/revisions/server/lock-passage-revision";
import { newRowId } from "@/lib/row-id";
import { utcTimestampSql } from "@/lib/sql-time";

/** Where a claim came from: marked by a person, or an accepted suggestion (recorded in its audit event). */
export type ClaimOrigin = "manual" | "suggestion";

/**
 * Marks a span of a passage as a draft claim, anchored by offsets or by quote: one read of the
 * passage and the caller's access, the anchoring in TypeScript, then one statement that writes the
 * claim while the passage is still at the revision it was anchored on (share-locking the passage row
 * as lockPassageRevision does), with its event and live NOTIFY. When the passage was revised
 * meanwhile, the transaction below says so (409).
 */
export async function createClaim({ actor, passageId, input }: { actor: Actor; passageId: string; input: CreateClaimInput }): Promise<Claim> {
  const { passage, role, isBlindReview } = await requirePassageAccess(actor, passageId, "claim.create", { includeText: true });
  const claim = prepareClaim({ actor, role, isBlindReview, passage, input });
  const passageAtRevision = Prisma.sql`SELECT 1 FROM "Passage" WHERE "id" = ${passage.id} AND "revision" = ${passage.revision}::int FOR SHARE`;
  const created = await writeClaim(db, claim, passageAtRevision);
  if (created) return created;
  return db.$transaction(async (tx) => {
    await lockPassageRevision(tx, passage.id, passage.revision);
    return insertClaim(tx, { actor, role, isBlindReview, passage, input });
  });
}

/**
 * What an import adds to the claim it writes: the state, verdict and verdict note the file carries (the
 * importer asked review-state whether it may set that state), the original creation time, and
 * where it came from. Its event is `claim.imported` instead of `claim.created`.
 */
export type ImportedClaim = {
  state: ReviewState;
  verdictNote: string | null;
  verdict: string | null;
  createdAt: Date | null;
  evidenceCount: number;
  from: Record<string, unknown>;
  anchor?: ImportedAnchor;
};

/**
 * A target the source's revisions left for a person, kept so: `changed` is placed on its new words and
 * keeps the words it had; `orphaned` has words in none of this workspace's revisions, so its target is
 * kept as the file gave it, in revision 0 (a text this workspace never had), and never placed.
 */
export type ImportedAnchor =
  | { status: "changed"; previousQuote: string | null }
  | { status: "orphaned"; target: { exact: string; prefix: string; suffix: string; start: number; end: number } };

/**
 * The one way a claim is written with its `claim.created` (or `claim.imported`) event, in the
 * caller's transaction after the caller checked "claim.create": createClaim, batch create,
 * accepting suggestions (several at once), and importing. It refuses (AppError) before it writes
 * anything, so a caller may report a refused item and go on in the same transaction.
 */
export async function insertClaim(tx: DbTransaction, args: ClaimToInsert): Promise<Claim> {
  const created = await writeClaim(tx, prepareClaim(args), Prisma.sql`SELECT 1`);
  if (!created) throw new Error("The claim's insert wrote no row");
  return created;
}

type ClaimToInsert = {
  actor: Actor;
  role: Role;
  isBlindReview: boolean;
  passage: { id: string; workspaceId: string; text: string };
  input: CreateClaimInput;
  origin?: ClaimOrigin;
  imported?: ImportedClaim;
};

/** A claim checked and anchored, ready to write: its columns, its event and who it is answered to. */
type PreparedClaim = { id: string; columns: [column: string, value: Prisma.Sql][]; event: AuditEventInput; hidesLabels: boolean };

/** insertClaim's checks and anchoring, which refuse (AppError) before anything is written. */
function prepareClaim({ actor, role, isBlindReview, passage, input, origin = "manual", imported }: ClaimToInsert): PreparedClaim {
  const passageId = passage.id;
  // Blind double review: a label shown on a new claim would be a vote everyone sees, so suggestions arrive unlabelled and only an editor sets one.
  if (isBlindReview && origin === "suggestion") input = { ...input, label: undefined };
  if (isBlindReview && input.label != null && !can(role, "claim.decide")) throw blindLabelRefused();
  const orphanTarget = imported?.anchor?.status === "orphaned" ? imported.anchor.target : null;
  const anchor: AnchorResult = orphanTarget
    ? { ok: true, target: { quote: { exact: orphanTarget.exact, prefix: orphanTarget.prefix, suffix: orphanTarget.suffix }, position: { start: orphanTarget.start, end: orphanTarget.end } } }
    : "exact" in input
      ? anchorByQuote(passage.text, input)
      : anchorByPosition(passage.text, input);
  if (!anchor.ok) {
    throw new AppError("validation_failed", `The claim cannot be placed: ${anchor.reason}`, {
      details: [{ path: ["body", "exact" in input ? "exact" : "start"], message: anchor.reason }],
    });
  }
  const { quote, position } = anchor.target;
  const id = newRowId();
  const now = new Date();
  const text = (value: string | null) => Prisma.sql`${value}::text`;
  const columns: PreparedClaim["columns"] = [
    ["id", text(id)],
    ["workspaceId", text(passage.workspaceId)],
    ["passageId", text(passageId)],
    ["createdById", text(actor.userId)],
    ["lastEditedById", text(actor.userId)],
    ["statement", text(input.statement ?? quote.exact)],
    ["label", Prisma.sql`${input.label ?? null}::text::"ClaimLabel"`],
    // An editor's label is final from the start; anyone else's waits for an editor.
    ["labelDecidedById", text(input.label != null && can(role, "claim.decide") ? actor.userId : null)],
    ["exact", text(quote.exact)],
    ["prefix", text(quote.prefix)],
    ["suffix", text(quote.suffix)],
    ["start", Prisma.sql`${position.start}::int`],
    ["end", Prisma.sql`${position.end}::int`],
    ["createdAt", utcTimestampSql(imported?.createdAt ?? now)],
    ["updatedAt", utcTimestampSql(now)],
  ];
  // An imported decided claim was decided, for this desk, by whoever brought it in (they need claim.decide).
  if (imported) {
    const decision = decisionOf(imported.state, actor.userId, now);
    columns.push(
      ["state", Prisma.sql`${imported.state}::text::"ReviewState"`],
      ["verdictNote", text(imported.verdictNote)],
      ["verdict", text(imported.verdict)],
      ["decidedById", text(decision.decidedById)],
      ["decidedAt", utcTimestampSql(decision.decidedAt)],
    );
    const importedAnchor = imported.anchor;
    if (importedAnchor) {
      columns.push(["anchorStatus", Prisma.sql`${importedAnchor.status}::text::"AnchorStatus"`], ["anchorConfidence", Prisma.sql`0::float8`]);
      if (importedAnchor.status === "changed") columns.push(["previousQuote", text(importedAnchor.previousQuote)]);
      else columns.push(["anchorRevision", Prisma.sql`0::int`]);
    }
  }
  const event: AuditEventInput = {
    workspaceId: passage.workspaceId,
    actorId: actor.userId,
    entityType: "claim",
    entityId: id,
    claimId: id,
    action: imported ? "claim.imported" : "claim.created",
    after: {
      exact: quote.exact,
      start: position.start,
      end: position.end,
      label: input.label ?? null,
      ...(origin === "manual" ? {} : { origin }),
      ...(imported && { state: imported.state, verdict: imported.verdict, evidenceCount: imported.evidenceCount, from: imported.from }),
    },
  };
  return { id, columns, event, hidesLabels: hidesUndecidedLabels({ role, isBlindReview }) };
}

/**
 * The claim, its event and the NOTIFY in one statement, written only when `onlyIf` (a query) finds
 * a row; answers the claim's JSON, or null when nothing was written.
 */
async function writeClaim(client: DbTransaction | typeof db, claim: PreparedClaim, onlyIf: Prisma.Sql): Promise<Claim | null> {
  return runClaimWrite(client, {
    before: Prisma.sql`allowed AS (${onlyIf}), `,
    cte: "created",
    written: Prisma.sql`
      INSERT INTO "Claim" (${Prisma.join(claim.columns.map(([column]) => Prisma.raw(`"${column}"`)))})
      SELECT ${Prisma.join(claim.columns.map(([, value]) => value))} WHERE EXISTS (SELECT 1 FROM allowed)
      RETURNING *`,
    events: [claim.event],
    hidesLabels: claim.hidesLabels,
  });
}
