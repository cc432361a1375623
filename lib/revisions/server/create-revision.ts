import "server-only";
import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvents, type AuditEventInput } from "@/lib/audit/server/record-audit-event";
import { anchorByPosition } from "@/lib/claims/anchoring";
import { db, type DbTransaction } from "@/lib/db";
import { publishChanges } from "@/lib/live/server/publish-change";
import { AppError } from "@/lib/http/errors";
import { extractionLimits, pastedText, storedText } from "@/lib/passages/server/create-passage";
import { extractUploadedText } from "@/lib/passages/server/extract-text-off-thread";
import { requirePassageAccess } from "@/lib/passages/server/passage-access";
import { passageSelect, toPassage } from "@/lib/passages/server/passage-view";
import { reanchorAll, type AnchorStatus, type OldAnchor, type Reanchored } from "@/lib/revisions/reanchor";
import type { CreateRevisionAnswer, ReanchorCounts } from "@/lib/revisions/revision.schemas";
import type { RevisionSource } from "@/lib/revisions/server/read-revision-input";
import { insertSnapshot, type SnapshotData } from "@/lib/capture/server/page-snapshot";
import { assertJobNotCancelled } from "@/lib/jobs/server/assert-job-not-cancelled";
import { capturedAs } from "@/lib/revisions/server/list-revisions";

/** A page fetched again by the revise-from-URL job: read like an import by URL, kept as the revision's snapshot. */
export type FetchedRevisionPage = {
  kind: "page";
  note?: string;
  contentType: string;
  content: Uint8Array;
  snapshot: SnapshotData;
  /** The job saving it: nothing is saved if the job was cancelled meanwhile. */
  jobId: string;
};

/** What a revision is made from: text or a file sent with the request, or a page a job fetched. */
export type RevisionTextSource = Exclude<RevisionSource, { kind: "url" }> | FetchedRevisionPage;

type ClaimAnchorRow = OldAnchor & { id: string; anchorStatus: AnchorStatus; anchorConfidence: number; previousQuote: string | null };

/**
 * Saves a new revision of a passage's text and re-anchors everything that points into it, in one
 * transaction: the revision rows, the passage's text, every live claim (lib/revisions/reanchor.ts),
 * passage evidence spans, suggestion dismissals, and the audit events that tell open pages.
 * The caller names the revision it started from (If-Match); a stale one is a 412.
 */
export async function createRevision({
  actor,
  passageId,
  expectedRevision,
  source,
}: {
  actor: Actor;
  passageId: string;
  expectedRevision: number;
  source: RevisionTextSource;
}): Promise<CreateRevisionAnswer> {
  await requirePassageAccess(actor, passageId, "passage.manage");
  const text = await revisionText(source);
  const note = (source.kind === "text" ? source.input.note : source.kind === "page" ? source.note : source.fields.note) || null;
  const textHash = createHash("sha256").update(text).digest("hex");

  return db.$transaction(
    async (tx) => {
      const { passage } = await requirePassageAccess(actor, passageId, "passage.manage", { client: tx, includeText: true, forUpdate: true });
      if (passage.revision !== expectedRevision) {
        throw new AppError(
          "precondition_failed",
          `Someone saved revision ${passage.revision} of this passage meanwhile. Read it, then apply your changes to it.`,
          { details: { current: { revision: passage.revision } }, headers: { ETag: `"${passage.revision}"` } },
        );
      }
      if (source.kind === "page") await assertJobNotCancelled(tx, source.jobId);
      if (passage.textHash === textHash) {
        throw new AppError(
          "conflict",
          source.kind === "page"
            ? `The page has not changed since revision ${passage.revision}: the passage is already up to date.`
            : "This text is the passage's current revision; nothing changed.",
        );
      }

      const number = passage.revision + 1;
      const createdAt = new Date();
      if (passage.revision === 1) {
        // The first revision also records the text as imported, as revision 1, with the page it was imported from.
        const { snapshotId: importSnapshotId } = await tx.passage.findUniqueOrThrow({ where: { id: passageId }, select: { snapshotId: true } });
        await tx.passageRevision.upsert({
          where: { passageId_number: { passageId, number: 1 } },
          create: {
            passageId,
            number: 1,
            text: passage.text,
            textHash: passage.textHash,
            textLength: passage.textLength,
            createdById: passage.createdBy.id,
            createdAt: passage.createdAt,
            snapshotId: importSnapshotId,
          },
          update: {},
        });
      }
      const snapshot = source.kind === "page" ? await insertSnapshot(tx, passage.workspaceId, source.snapshot) : null;
      const revision = await tx.passageRevision.create({
        data: { passageId, number, text, textHash, textLength: text.length, note, createdById: actor.userId, createdAt, snapshotId: snapshot?.id ?? null },
        select: { number: true, createdAt: true, note: true, textHash: true, createdBy: { select: { id: true, name: true } } },
      });
      const updated = await tx.passage.update({
        where: { id: passageId },
        // A revision from a page becomes the passage's "as captured on"; a pasted one leaves the last capture (each revision links its own).
        data: { text, textHash, textLength: text.length, revision: number, ...(snapshot ? { snapshotId: snapshot.id } : {}) },
        select: passageSelect,
      });

      const { counts, events, claimIds } = await reanchorClaims(tx, { passageId, workspaceId: passage.workspaceId, oldText: passage.text, newText: text, number, actorId: actor.userId });
      // Open pages refresh every claim of the passage, including those the revision only shifted (no event of their own).
      await publishChanges(tx, claimIds.map((claimId) => ({ workspaceId: passage.workspaceId, actorId: actor.userId, claimId, action: "passage.revised" })));
      await reanchorEvidence(tx, passageId, passage.text, text);
      await reanchorDismissals(tx, passageId, passage.text, text);
      await recordAuditEvents(tx, [
        {
          workspaceId: passage.workspaceId,
          actorId: actor.userId,
          entityType: "passage",
          entityId: passageId,
          action: "passage.revised",
          before: { revision: passage.revision, textHash: passage.textHash, textLength: passage.textLength },
          after: { revision: number, textHash, textLength: text.length, note, reanchor: counts },
        },
        ...events,
      ]);
      return {
        passage: toPassage(updated),
        revision: { ...revision, createdAt: revision.createdAt.toISOString(), ...capturedAs(snapshot) },
        reanchor: counts,
      };
    },
    { timeout: 30_000 },
  );
}

async function revisionText(source: RevisionTextSource): Promise<string> {
  if (source.kind === "text") return storedText(await pastedText(source.input.text, source.input.textFormat), "text");
  if (source.kind === "page") {
    const extracted = await extractUploadedText({ fileName: "", contentType: source.contentType, content: source.content }, extractionLimits());
    return storedText(extracted.text, "url");
  }
  const { file } = source;
  const extracted = await extractUploadedText({ fileName: file.name, contentType: file.contentType, content: file.content }, extractionLimits());
  return storedText(extracted.text, "file");
}

async function reanchorClaims(
  tx: DbTransaction,
  { passageId, workspaceId, oldText, newText, number, actorId }: { passageId: string; workspaceId: string; oldText: string; newText: string; number: number; actorId: string },
): Promise<{ counts: ReanchorCounts; events: AuditEventInput[]; claimIds: string[] }> {
  const claims: ClaimAnchorRow[] = await tx.claim.findMany({
    where: { passageId, deletedAt: null },
    select: { id: true, start: true, end: true, exact: true, prefix: true, suffix: true, anchorStatus: true, anchorConfidence: true, previousQuote: true },
    orderBy: [{ start: "asc" }, { id: "asc" }],
  });
  const counts: ReanchorCounts = { exact: 0, moved: 0, changed: 0, orphaned: 0 };
  // Orphans keep their last target in the revision they were last anchored in; they do not take part.
  const live = claims.filter((claim) => claim.anchorStatus !== "orphaned");
  counts.orphaned += claims.length - live.length;
  const results = reanchorAll(oldText, newText, live);

  const rows = { id: [] as string[], status: [] as string[], confidence: [] as number[], revision: [] as number[], previousQuote: [] as (string | null)[], start: [] as number[], end: [] as number[], exact: [] as string[], prefix: [] as string[], suffix: [] as string[] };
  const events: AuditEventInput[] = [];
  live.forEach((claim, index) => {
    const placed = stillChanged(claim, placement(newText, results[index]!));
    counts[placed.status]++;
    const target = placed.status === "orphaned" ? claim : placed.target;
    // A claim the revision left where it was keeps its row as it is (its target is the newest revision's too).
    const isUntouched = claim.anchorStatus === placed.status && placed.status === "exact" &&
      target.start === claim.start && target.end === claim.end && target.prefix === claim.prefix && target.suffix === claim.suffix;
    if (isUntouched) return;
    rows.id.push(claim.id);
    rows.status.push(placed.status);
    rows.confidence.push(placed.confidence);
    // An orphan's last target is its place in the revision before this one.
    rows.revision.push(placed.status === "orphaned" ? number - 1 : number);
    rows.previousQuote.push(placed.status === "changed" ? (claim.anchorStatus === "changed" ? claim.previousQuote : claim.exact) : null);
    rows.start.push(target.start);
    rows.end.push(target.end);
    rows.exact.push(target.exact);
    rows.prefix.push(target.prefix);
    rows.suffix.push(target.suffix);
    // A claim's history records what a person may want to know: its words were edited, lost, or found
    // elsewhere by search. A shift by the edits before it is the passage's revision, recorded once.
    if (placed.status === "changed" || placed.status === "orphaned" || (placed.status === "moved" && placed.confidence < 1)) {
      events.push({
        workspaceId,
        actorId,
        entityType: "claim",
        entityId: claim.id,
        claimId: claim.id,
        action: "claim.reanchored",
        field: "anchor",
        before: { status: claim.anchorStatus, exact: claim.exact, start: claim.start, end: claim.end, revision: number - 1 },
        after: { status: placed.status, exact: target.exact, start: target.start, end: target.end, revision: number, confidence: placed.confidence },
      });
    }
  });
  if (rows.id.length > 0) {
    // One statement for every claim: a 2,000-claim passage must re-anchor well under a second.
    // Claims whose anchor really changed (status, place or words) get a new version, so a decision taken on
    // the old place is refused (412); a claim that only kept its place in the newer text (a `changed`
    // one no one confirmed yet, untouched again) keeps its version, so nobody's edit is refused for nothing.
    await tx.$executeRaw`
      UPDATE "Claim" AS c SET
        "anchorStatus" = u.status::"AnchorStatus", "anchorConfidence" = u.confidence, "anchorRevision" = u.revision,
        "previousQuote" = u."previousQuote", start = u.start, "end" = u."end", exact = u.exact, prefix = u.prefix, suffix = u.suffix,
        version = c.version + CASE WHEN u.status <> c."anchorStatus"::text OR u.start <> c.start OR u."end" <> c."end" OR u.exact <> c.exact THEN 1 ELSE 0 END,
        "updatedAt" = CASE WHEN u.status <> c."anchorStatus"::text OR u.start <> c.start OR u."end" <> c."end" OR u.exact <> c.exact THEN now() ELSE c."updatedAt" END
      FROM unnest(${rows.id}::text[], ${rows.status}::text[], ${rows.confidence}::float8[], ${rows.revision}::int[], ${rows.previousQuote}::text[],
        ${rows.start}::int[], ${rows.end}::int[], ${rows.exact}::text[], ${rows.prefix}::text[], ${rows.suffix}::text[])
        AS u(id, status, confidence, revision, "previousQuote", start, "end", exact, prefix, suffix)
      WHERE c.id = u.id`;
  }
  return { counts, events, claimIds: live.map((claim) => claim.id) };
}

/** A `changed` anchor no one has confirmed stays `changed` (with its first previousQuote) wherever its words go next. */
function stillChanged(claim: ClaimAnchorRow, placed: Placement): Placement {
  if (claim.anchorStatus !== "changed" || placed.status === "orphaned" || placed.status === "changed") return placed;
  return { ...placed, status: "changed", confidence: claim.anchorConfidence };
}

type Placement =
  | { status: "exact" | "moved" | "changed"; confidence: number; target: OldAnchor }
  | { status: "orphaned"; confidence: number };

/** The new target of a re-anchored claim, with the W3C selectors of the new text. */
function placement(newText: string, result: Reanchored): Placement {
  if (result.status === "orphaned") return { status: "orphaned", confidence: result.confidence };
  const anchored = anchorByPosition(newText, { start: result.start, end: result.end });
  if (!anchored.ok) return { status: "orphaned", confidence: 0 };
  const { quote, position } = anchored.target;
  return { status: result.status, confidence: result.confidence, target: { ...quote, ...position } };
}

/**
 * Passage evidence spans (a claim's evidence quoting this passage) follow their words when they are
 * placed exactly; otherwise they lose their offsets and keep their quote, which cites the old revision.
 */
async function reanchorEvidence(tx: DbTransaction, passageId: string, oldText: string, newText: string): Promise<void> {
  const spans = await tx.evidence.findMany({ where: { passageId, start: { not: null }, end: { not: null } }, select: { id: true, start: true, end: true, quote: true } });
  const anchors = spans.flatMap((span) => (span.start !== null && span.end !== null && span.end > span.start ? [{ id: span.id, ...oldAnchor(oldText, span.start, span.end) }] : []));
  const results = reanchorAll(oldText, newText, anchors);
  for (const [index, anchor] of anchors.entries()) {
    const result = results[index]!;
    const isPlaced = result.status === "exact" || result.status === "moved";
    if (isPlaced && result.start === anchor.start) continue;
    await tx.evidence.update({ where: { id: anchor.id }, data: isPlaced ? { start: result.start, end: result.end } : { start: null, end: null } });
  }
}

/** Dismissed suggestions keep being dismissed where their sentence is unchanged; an edited one may be suggested again. */
async function reanchorDismissals(tx: DbTransaction, passageId: string, oldText: string, newText: string): Promise<void> {
  const dismissals = await tx.suggestionDismissal.findMany({ where: { passageId }, select: { id: true, start: true, end: true, dismissedById: true, dismissedAt: true } });
  if (dismissals.length === 0) return;
  const valid = dismissals.filter((dismissal) => dismissal.start >= 0 && dismissal.end <= oldText.length && dismissal.end > dismissal.start);
  const results = reanchorAll(oldText, newText, valid.map((dismissal) => oldAnchor(oldText, dismissal.start, dismissal.end)));
  const kept = valid.flatMap((dismissal, index) => {
    const result = results[index]!;
    return result.status === "exact" || result.status === "moved"
      ? [{ passageId, start: result.start, end: result.end, dismissedById: dismissal.dismissedById, dismissedAt: dismissal.dismissedAt }]
      : [];
  });
  await tx.suggestionDismissal.deleteMany({ where: { passageId } });
  if (kept.length > 0) await tx.suggestionDismissal.createMany({ data: kept, skipDuplicates: true });
}

function oldAnchor(text: string, start: number, end: number): OldAnchor {
  return { start, end, exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) };
}
