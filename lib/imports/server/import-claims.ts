import "server-only";
import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { can, MINIMUM_ROLE } from "@/lib/auth/permissions";
import { requireWorkspaceAccess } from "@/lib/auth/server/workspace-access";
import { recordAuditEvents, type AuditEventInput } from "@/lib/audit/server/record-audit-event";
import { anchorByPosition, anchorByQuote } from "@/lib/claims/anchoring";
import { CLAIM_STATEMENT_MAX_LENGTH } from "@/lib/claims/claim.schemas";
import { offsetConverterOf, type OffsetConverter } from "@/lib/claims/code-point-offsets";
import { insertClaim, type ImportedAnchor } from "@/lib/claims/server/create-claim";
import { db, type DbTransaction } from "@/lib/db";
import { EVIDENCE_PUBLISHER_MAX_LENGTH, EVIDENCE_QUOTE_MAX_LENGTH, EVIDENCE_TITLE_MAX_LENGTH, WebUrlSchema } from "@/lib/evidence/evidence.schemas";
import { canonicalUrl } from "@/lib/evidence/server/add-evidence";
import type { ClaimLabel, ReviewState, Role } from "@/lib/generated/prisma/enums";
import type { ImportItemResult, ImportReport } from "@/lib/imports/import.schemas";
import { parseImport, type ClaimDraft, type EvidenceDraft, type PassageSource } from "@/lib/imports/parse-import";
import { candidateRanges, reAnchor } from "@/lib/imports/re-anchor";
import { normalizePassageText } from "@/lib/passages/normalize-text";
import { PASSAGE_METADATA_MAX_LENGTH, PASSAGE_TEXT_LIMIT_BYTES, PASSAGE_TITLE_MAX_LENGTH } from "@/lib/passages/passage.schemas";
import { assertTextNotInWorkspace } from "@/lib/passages/server/passage-duplicate";
import { checkTransition, DECIDED_STATES } from "@/lib/review/review-state";

type ResolvedPassage = { ok: true; id: string; text: string } | { ok: false; reason: string };

/**
 * Imports claims from a ClaimDesk JSONL export or W3C Web Annotations into a workspace, in one
 * transaction: passages are matched (app link, source URL, same text) or created from the text the
 * file carries; each claim is re-anchored in the stored text, written with its evidence and an
 * audit event, or reported with the reason it was not.
 */
export async function importClaims({
  actor,
  workspaceId,
  file,
  appUrl,
}: {
  actor: Actor;
  workspaceId: string;
  file: string;
  appUrl: string;
}): Promise<ImportReport> {
  const access = await requireWorkspaceAccess(actor, workspaceId, "claim.create");
  const parsed = parseImport(file, new URL(appUrl).origin);
  const canDecide = can(access.role, "claim.decide");
  const workspace = await db.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: { isSecondVerifierRequired: true, isBlindReview: true, ratings: { select: { key: true, retiredAt: true } } },
  });
  const ratings = new Map(workspace.ratings.map((rating) => [rating.key, rating]));

  return db.$transaction(
    async (tx) => {
      const passages = new Map<string, ResolvedPassage>();
      const spans = new Map<string, Map<string, string>>();
      const audit: AuditEventInput[] = [];
      const counts = { passagesCreated: 0, passagesMatched: 0 };

      async function passageFor(key: string): Promise<ResolvedPassage> {
        const cached = passages.get(key);
        if (cached) return cached;
        const source = parsed.passages.get(key);
        const resolved = source ? await resolvePassage(tx, { workspaceId, actorId: actor.userId, source, audit, counts }) : { ok: false as const, reason: "The file names a passage it does not describe." };
        passages.set(key, resolved);
        return resolved;
      }

      // A Web Annotation's positions count code points (lib/claims/code-point-offsets.ts); JSONL's count code units, as stored.
      const offsetConverters = new Map<string, OffsetConverter>();
      function codePointsOf(passage: { id: string; text: string }): OffsetConverter | null {
        if (parsed.format !== "webannotation") return null;
        let converter = offsetConverters.get(passage.id);
        if (!converter) {
          converter = offsetConverterOf(passage.text);
          offsetConverters.set(passage.id, converter);
        }
        return converter;
      }

      async function existingSpans(passageId: string): Promise<Map<string, string>> {
        let known = spans.get(passageId);
        if (!known) {
          const claims = await tx.claim.findMany({ where: { passageId, deletedAt: null }, select: { id: true, start: true, end: true, exact: true, anchorStatus: true } });
          known = new Map(claims.map((claim) => [claim.anchorStatus === "orphaned" ? orphanKey(claim) : `${claim.start}:${claim.end}`, claim.id]));
          spans.set(passageId, known);
        }
        return known;
      }

      const results: (ImportItemResult & { position: number })[] = [...parsed.invalid];
      for (const draft of parsed.claims) {
        const base = { position: draft.position, item: draft.item, exact: draft.quote?.exact ?? null, notes: [...draft.notes] };
        const passage = await passageFor(draft.passageKey);
        if (!passage.ok) {
          results.push({ ...base, status: "not_anchored", claimId: null, passageId: null, reason: passage.reason });
          continue;
        }
        const placed = placeDraft(passage.text, draft, codePointsOf(passage));
        if (!placed.ok) {
          results.push({ ...base, status: "not_anchored", claimId: null, passageId: passage.id, reason: placed.reason });
          continue;
        }
        const { quote, position, importedAnchor, spanKey } = placed;
        if (importedAnchor?.status === "orphaned") {
          base.notes.push("Imported as orphaned: its words were already gone from the source's newest text, so it keeps its quote for a person to place or leave (its target is in none of this workspace's revisions).");
        } else if (importedAnchor) {
          base.notes.push("Imported with its anchor to confirm: its sentence had been edited in the source, so a person checks its new words here too.");
        }
        const known = await existingSpans(passage.id);
        const existing = known.get(spanKey);
        if (existing) {
          results.push({ ...base, status: "matched", claimId: existing, passageId: passage.id, reason: null });
          continue;
        }

        const evidenceIds: { evidenceId: string; stance: EvidenceDraft["stance"]; note: string | null }[] = [];
        for (const [index, evidence] of draft.evidence.entries()) {
          const placed = await placeEvidence(tx, { workspaceId, actorId: actor.userId, evidence, passageFor, codePointsOf });
          if (!placed.ok) base.notes.push(`Evidence ${index + 1} was left out: ${placed.reason}`);
          else if (!evidenceIds.some((link) => link.evidenceId === placed.evidenceId)) evidenceIds.push({ evidenceId: placed.evidenceId, stance: evidence.stance, note: evidence.note });
        }
        // In blind double review only an editor sets a final label; a reviewer's imported label would be a vote everyone sees.
        const isLabelWithheld = workspace.isBlindReview && !canDecide && draft.label !== null;
        if (isLabelWithheld) base.notes.push("Imported without its label: this workspace uses blind double review, where an editor sets the final label.");
        const label = isLabelWithheld ? null : draft.label;
        const verdict = importedVerdict(draft.verdict, { canDecide, ratings, notes: base.notes });
        const state = importedState(draft.state, {
          role: access.role,
          actorId: actor.userId,
          isSecondVerifierRequired: workspace.isSecondVerifierRequired,
          label,
          verdict,
          evidenceCount: evidenceIds.length,
          notes: base.notes,
        });
        const claim = await insertClaim(tx, {
          actor,
          role: access.role,
          isBlindReview: workspace.isBlindReview,
          passage: { id: passage.id, workspaceId, text: passage.text },
          input: { ...position, label: label ?? undefined, statement: (draft.statement ?? quote.exact).slice(0, CLAIM_STATEMENT_MAX_LENGTH) },
          imported: {
            state,
            verdictNote: draft.verdictNote,
            verdict,
            createdAt: draft.createdAt ? new Date(draft.createdAt) : null,
            evidenceCount: evidenceIds.length,
            from: { format: parsed.format, item: draft.item, ...draft.original },
            ...(importedAnchor && { anchor: importedAnchor }),
          },
        });
        if (evidenceIds.length) {
          await tx.claimEvidence.createMany({
            data: evidenceIds.map((link) => ({ workspaceId, claimId: claim.id, createdById: actor.userId, ...link })),
          });
        }
        known.set(spanKey, claim.id);
        results.push({ ...base, status: "imported", claimId: claim.id, passageId: passage.id, reason: null });
      }
      await recordAuditEvents(tx, audit);

      const items = results.sort((a, b) => a.position - b.position).map(({ position: _position, ...result }) => result);
      const count = (status: ImportItemResult["status"]) => items.filter((item) => item.status === status).length;
      return {
        format: parsed.format,
        counts: {
          items: items.length,
          imported: count("imported"),
          matched: count("matched"),
          notAnchored: count("not_anchored"),
          invalid: count("invalid"),
          ...counts,
        },
        items,
      };
    },
    // One transaction for the whole file: a failure writes nothing, never half a claim.
    { timeout: 120_000, maxWait: 10_000 },
  );
}

const orphanKey = (target: { exact: string; start: number; end: number }) => `orphan:${target.start}:${target.end}:${target.exact}`;

type PlacedDraft =
  | { ok: true; quote: { exact: string }; position: { start: number; end: number }; importedAnchor: ImportedAnchor | null; spanKey: string }
  | { ok: false; reason: string };

/**
 * Where an imported claim goes: re-anchored in the stored text, keeping the anchor the source left
 * for a person (`changed`); an orphan of the source keeps the target the file gives, since its words
 * are not in the file's text. `spanKey` tells a claim already here (imported twice: `matched`).
 */
function placeDraft(text: string, draft: ClaimDraft, codePoints: OffsetConverter | null): PlacedDraft {
  const { sourceAnchor } = draft;
  if (sourceAnchor?.status === "orphaned") {
    const { quote, range } = draft;
    if (!quote || !range || !Number.isInteger(range.start) || range.start < 0 || range.end <= range.start) {
      return { ok: false, reason: "The claim was orphaned in the source, and the file does not give both its quote and its position." };
    }
    const target = { exact: quote.exact, prefix: quote.prefix ?? "", suffix: quote.suffix ?? "", start: range.start, end: range.end };
    return { ok: true, quote, position: range, importedAnchor: { status: "orphaned", target }, spanKey: orphanKey(target) };
  }
  const anchor = reAnchor(text, draft, codePoints);
  if (!anchor.ok) return anchor;
  const { quote, position } = anchor.target;
  const importedAnchor: ImportedAnchor | null = sourceAnchor?.status === "changed" ? { status: "changed", previousQuote: sourceAnchor.previousQuote } : null;
  return { ok: true, quote, position, importedAnchor, spanKey: `${position.start}:${position.end}` };
}

/**
 * Imported claims keep a decided state (verified, rejected) when review-state would let the
 * importer move them there from review; otherwise they come in for review, with the reason.
 * The importer writes the claim, so it is its creator and last editor for the second-person rule.
 */
function importedState(
  wanted: ReviewState,
  input: { role: Role; actorId: string; isSecondVerifierRequired: boolean; label: ClaimLabel | null; verdict: string | null; evidenceCount: number; notes: string[] },
): ReviewState {
  if (!(DECIDED_STATES as readonly ReviewState[]).includes(wanted)) return wanted;
  const { actorId } = input;
  const check = checkTransition({
    from: "in_review",
    to: wanted,
    role: input.role,
    label: input.label,
    verdict: input.verdict,
    evidenceCount: input.evidenceCount,
    secondPerson: input.isSecondVerifierRequired ? { actorId, createdById: actorId, lastEditedById: actorId } : undefined,
  });
  if (check.ok) return wanted;
  const reason = check.code === "forbidden" ? `deciding needs the ${MINIMUM_ROLE["claim.decide"]} role.` : check.message;
  input.notes.push(`Imported as in review instead of ${wanted}: ${reason}`);
  return "in_review";
}

/** The file's verdict, kept when the importer may give verdicts and this workspace's scale still gives that rating; else a note says why not. */
function importedVerdict(
  key: string | null,
  input: { canDecide: boolean; ratings: Map<string, { retiredAt: Date | null }>; notes: string[] },
): string | null {
  if (key === null) return null;
  const rating = input.ratings.get(key);
  const reason = !input.canDecide
    ? `verdicts are given by the ${MINIMUM_ROLE["claim.decide"]} role or higher.`
    : !rating
      ? `“${key}” is not a rating on this workspace's scale (add it in the workspace settings, then import again).`
      : rating.retiredAt !== null
        ? `the rating “${key}” is retired on this workspace's scale.`
        : null;
  if (reason === null) return key;
  input.notes.push(`Imported without its verdict: ${reason}`);
  return null;
}

async function resolvePassage(
  tx: DbTransaction,
  input: { workspaceId: string; actorId: string; source: PassageSource; audit: AuditEventInput[]; counts: { passagesCreated: number; passagesMatched: number } },
): Promise<ResolvedPassage> {
  const { workspaceId, source, counts } = input;
  const live = { workspaceId, deletedAt: null };
  const select = { id: true, textHash: true } as const;
  const text = source.text === null ? null : normalizePassageText(source.text);
  const textHash = text === null ? null : createHash("sha256").update(text).digest("hex");
  // Claims are placed by offsets into the text read here: hold the passage row for the rest of the
  // import (a revision waits for it, lib/revisions/server/lock-passage-revision.ts) and read the text
  // under that hold, so no revision can slip in between and leave them on its old words.
  const matched = async (passage: { id: string }): Promise<ResolvedPassage> => {
    const held = await tx.$queryRaw<{ text: string }[]>`SELECT "text" FROM "Passage" WHERE id = ${passage.id} AND "deletedAt" IS NULL FOR SHARE`;
    const text = held[0]?.text;
    if (text === undefined) return { ok: false, reason: "The passage this file names was deleted while it was imported." };
    counts.passagesMatched++;
    return { ok: true, id: passage.id, text };
  };

  if (source.appPassageId) {
    const passage = await tx.passage.findFirst({ where: { ...live, id: source.appPassageId }, select });
    if (passage) return await matched(passage);
  }
  if (source.sourceUrl) {
    const candidates = await tx.passage.findMany({ where: { ...live, sourceUrl: source.sourceUrl }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select, take: 20 });
    const passage = candidates.find((candidate) => candidate.textHash === textHash) ?? candidates[0];
    if (passage) return await matched(passage);
  }
  if (text === null || textHash === null) {
    const where = source.sourceUrl ?? (source.appPassageId ? "the passage the annotation links to" : "its source");
    return { ok: false, reason: `No passage in this workspace matches ${where}, and the file does not carry the passage text. Import the passage first.` };
  }
  const sameText = await tx.passage.findFirst({ where: { ...live, textHash }, select });
  if (sameText) return await matched(sameText);

  if (text.trim() === "" || text.includes("\u0000")) return { ok: false, reason: "The passage text in the file is empty or not plain text." };
  if (Buffer.byteLength(text, "utf8") > PASSAGE_TEXT_LIMIT_BYTES) return { ok: false, reason: "The passage text in the file is over the 5 MB a passage may hold." };
  await assertTextNotInWorkspace(tx, { workspaceId, textHash });
  const publishedAt = source.publishedAt && !Number.isNaN(Date.parse(source.publishedAt)) ? new Date(source.publishedAt) : null;
  const metadata = {
    title: (source.title?.trim() || "Imported passage").slice(0, PASSAGE_TITLE_MAX_LENGTH),
    sourceUrl: source.sourceUrl && WebUrlSchema.safeParse(source.sourceUrl).success ? source.sourceUrl : null,
    publisher: source.publisher?.slice(0, PASSAGE_METADATA_MAX_LENGTH) ?? null,
    author: source.author?.slice(0, PASSAGE_METADATA_MAX_LENGTH) ?? null,
    language: source.language && /^[A-Za-z0-9-]{2,35}$/.test(source.language) ? source.language : null,
  };
  const passage = await tx.passage.create({
    data: { workspaceId, createdById: input.actorId, text, textHash, textLength: text.length, publishedAt, ...metadata },
    select: { id: true },
  });
  counts.passagesCreated++;
  input.audit.push({
    workspaceId,
    actorId: input.actorId,
    entityType: "passage",
    entityId: passage.id,
    action: "passage.created",
    after: { ...metadata, textLength: text.length, textHash, publishedAt: publishedAt?.toISOString() ?? null, via: "import" },
  });
  return { ok: true, id: passage.id, text };
}

async function placeEvidence(
  tx: DbTransaction,
  input: {
    workspaceId: string;
    actorId: string;
    evidence: EvidenceDraft;
    passageFor: (key: string) => Promise<ResolvedPassage>;
    codePointsOf: (passage: { id: string; text: string }) => OffsetConverter | null;
  },
): Promise<{ ok: true; evidenceId: string } | { ok: false; reason: string }> {
  const { workspaceId, actorId, evidence } = input;
  if (evidence.passageKey) {
    const passage = await input.passageFor(evidence.passageKey);
    if (!passage.ok) return { ok: false, reason: `its passage could not be found (${passage.reason})` };
    const range = evidence.start !== null && evidence.end !== null ? { start: evidence.start, end: evidence.end } : null;
    const rangeStill = candidateRanges(range, input.codePointsOf(passage)).find(
      (candidate) => evidence.quote === null || passage.text.slice(candidate.start, candidate.end) === evidence.quote,
    );
    const anchor = rangeStill
      ? anchorByPosition(passage.text, rangeStill)
      : evidence.quote
        ? anchorByQuote(passage.text, { exact: evidence.quote })
        : reAnchor(passage.text, { quote: null, range: null }, null);
    if (!anchor.ok) return { ok: false, reason: anchor.reason };
    const created = await tx.evidence.create({
      data: {
        workspaceId,
        kind: "passage",
        passageId: passage.id,
        ...anchor.target.position,
        quote: anchor.target.quote.exact,
        title: evidence.title?.slice(0, EVIDENCE_TITLE_MAX_LENGTH) ?? null,
        createdById: actorId,
      },
      select: { id: true },
    });
    return { ok: true, evidenceId: created.id };
  }
  const url = WebUrlSchema.safeParse(evidence.url ?? "");
  if (!url.success) return { ok: false, reason: `“${evidence.url ?? ""}” is not an http(s) address.` };
  const accessedAt = evidence.accessedAt && !Number.isNaN(Date.parse(evidence.accessedAt)) ? new Date(evidence.accessedAt) : new Date();
  const record = await tx.evidence.upsert({
    where: { workspaceId_url: { workspaceId, url: canonicalUrl(url.data) } },
    update: {},
    create: {
      workspaceId,
      kind: "web",
      url: canonicalUrl(url.data),
      title: evidence.title?.slice(0, EVIDENCE_TITLE_MAX_LENGTH) ?? null,
      publisher: evidence.publisher?.slice(0, EVIDENCE_PUBLISHER_MAX_LENGTH) ?? null,
      quote: evidence.quote?.slice(0, EVIDENCE_QUOTE_MAX_LENGTH) ?? null,
      accessedAt,
      createdById: actorId,
    },
    select: { id: true },
  });
  return { ok: true, evidenceId: record.id };
}

