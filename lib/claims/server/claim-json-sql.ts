import "server-only";
import { createHash } from "node:crypto";
import { can, ROLES, type WorkspaceAction } from "@/lib/auth/permissions";
import { hidesUndecidedLabels } from "@/lib/claims/server/claim-view";
import { Prisma } from "@/lib/generated/prisma/client";
import { configuredPublicOrigin } from "@/lib/http/client-address";
import { anchorNeedsReviewSql } from "@/lib/revisions/anchor-review";
import { snapshotPath } from "@/lib/capture/capture.endpoints";

/**
 * The claim JSON of the API, built by PostgreSQL (json_build_object / json_agg) so the reads send
 * its text as it comes: the same fields, in the same order and with the same values as
 * `toClaimSummary` / `toClaim` in claim-view.ts (claim-json-sql.int.test.ts compares them on every
 * claim). A new field is one line in `claimFields` (or `summaryFields` / `fullFields`), plus its
 * counterpart in claim-view.ts; if it can change without `Claim.updatedAt` or `Claim.version`
 * changing (another table such as Publication, a trigger), add what changes to `passageClaimsVersion` too.
 *
 * Aliases every statement using these provides: `c` the claim, `cu` its creator, `p` its passage.
 */
type JsonField = readonly [key: string, value: Prisma.Sql];

/**
 * `json_build_object('key', value, …)`. Keys are this file's constants, written into the text as
 * literals (checked to be plain names): as parameters they were ~100 values to bind, send and parse
 * on every read, for text that never changes (issue 17's profile).
 */
export function jsonObject(fields: readonly JsonField[]): Prisma.Sql {
  return Prisma.sql`json_build_object(${Prisma.join(fields.map(([key, value]) => Prisma.sql`${jsonKey(key)}, ${value}`))})`;
}

function jsonKey(key: string): Prisma.Sql {
  if (!/^[A-Za-z]+$/.test(key)) throw new Error(`A JSON key in claim-json-sql must be a plain name, not ${JSON.stringify(key)}`);
  return Prisma.raw(`'${key}'::text`);
}

/** A timestamp(3) column (stored as UTC) as `Date.toISOString()` writes it; NULL stays null. */
const isoTime = (column: Prisma.Sql) => Prisma.sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The roles that hidesUndecidedLabels hides undecided labels from in a blind workspace, taken from
 * that function itself so the SQL and the TypeScript rule cannot drift apart.
 */
const ROLES_HIDING_UNDECIDED_LABELS = ROLES.filter((role) => hidesUndecidedLabels({ role, isBlindReview: true }));
if (ROLES.some((role) => hidesUndecidedLabels({ role, isBlindReview: false }))) {
  throw new Error("claim-json-sql assumes labels are hidden only in blind workspaces; update hidesLabelsSql");
}

/** Whether the caller (role `roleColumn` in a workspace whose blind flag is `blindColumn`) must not see undecided labels. */
export const hidesLabelsSql = (roleColumn: Prisma.Sql, blindColumn: Prisma.Sql) =>
  Prisma.sql`(${blindColumn} AND ${roleColumn}::text = ANY(${ROLES_HIDING_UNDECIDED_LABELS}::text[]))`;

/** Whether a role (a text column) may do `action`, from the same `can` table as assertRoleAllows. */
export const roleAllowsSql = (roleColumn: Prisma.Sql, action: WorkspaceAction) =>
  Prisma.sql`${roleColumn}::text = ANY(${ROLES.filter((role) => can(role, action))}::text[])`;

/** The joins every claim JSON reads from, after `FROM "Claim" c`. */
export const claimJoins = Prisma.sql`JOIN "User" cu ON cu."id" = c."createdById" JOIN "Passage" p ON p."id" = c."passageId"`;

/** claim-view.ts `baseFields`: every claim answer has these. */
const claimFields = (hidesLabels: Prisma.Sql): JsonField[] => [
  ["id", Prisma.sql`c."id"`],
  ["workspaceId", Prisma.sql`c."workspaceId"`],
  ["passageId", Prisma.sql`c."passageId"`],
  ["statement", Prisma.sql`c."statement"`],
  ["label", Prisma.sql`CASE WHEN ${hidesLabels} AND c."labelDecidedById" IS NULL THEN NULL ELSE c."label" END`],
  ["state", Prisma.sql`c."state"`],
  ["assigneeId", Prisma.sql`c."assigneeId"`],
  ["verdictNote", Prisma.sql`c."verdictNote"`],
  ["verdict", Prisma.sql`c."verdict"`],
  ["verdictName", Prisma.sql`(SELECT r."name" FROM "Rating" r WHERE r."workspaceId" = c."workspaceId" AND r."key" = c."verdict")`],
  ["duplicateOfId", Prisma.sql`c."duplicateOfId"`],
  [
    "target",
    jsonObject([
      ["quote", jsonObject([["exact", Prisma.sql`c."exact"`], ["prefix", Prisma.sql`c."prefix"`], ["suffix", Prisma.sql`c."suffix"`]])],
      ["position", jsonObject([["start", Prisma.sql`c."start"`], ["end", Prisma.sql`c."end"`]])],
    ]),
  ],
  [
    "anchor",
    jsonObject([
      ["status", Prisma.sql`c."anchorStatus"`],
      ["confidence", Prisma.sql`c."anchorConfidence"`],
      ["revision", Prisma.sql`CASE WHEN c."anchorStatus" = 'orphaned' THEN c."anchorRevision" ELSE p."revision" END`],
      ["previousQuote", Prisma.sql`c."previousQuote"`],
      ["needsReview", Prisma.raw(anchorNeedsReviewSql("c"))],
    ]),
  ],
  ["createdBy", jsonObject([["id", Prisma.sql`cu."id"`], ["name", Prisma.sql`cu."name"`]])],
  ["createdAt", isoTime(Prisma.sql`c."createdAt"`)],
  ["updatedAt", isoTime(Prisma.sql`c."updatedAt"`)],
  ["version", Prisma.sql`c."version"`],
];

/** claim-view.ts `toClaimSummary`: the list item. `evidenceCount` is the trigger-kept count of live links. */
const summaryFields: JsonField[] = [
  ["evidenceCount", Prisma.sql`c."evidenceCount"`],
  ["passageTitle", Prisma.sql`p."title"`],
];

/** evidence-view.ts `toEvidence`'s capture of evidence `e`: null until a capture was queued (or for an unknown status). */
const evidenceCaptureJson = Prisma.sql`CASE WHEN e."captureStatus" IN ('pending', 'captured', 'failed') THEN ${jsonObject([
  ["status", Prisma.sql`e."captureStatus"`],
  ["capturedAt", isoTime(Prisma.sql`e."capturedAt"`)],
  ["error", Prisma.sql`e."captureError"`],
  ["snapshotUrl", Prisma.sql`${snapshotPath("")}::text || e."snapshotId"`],
  ["httpStatus", Prisma.sql`e."captureHttpStatus"`],
])} END`;

/** evidence-view.ts `toEvidence`'s link health of evidence `e`: null until the link checker looked. */
const evidenceHealthJson = Prisma.sql`CASE WHEN e."linkHealth" IN ('ok', 'dead', 'changed') THEN ${jsonObject([
  ["status", Prisma.sql`e."linkHealth"`],
  ["checkedAt", isoTime(Prisma.sql`e."linkCheckedAt"`)],
  ["problem", Prisma.sql`e."linkProblem"`],
  ["unchangedAt", isoTime(Prisma.sql`e."linkUnchangedAt"`)],
])} END`;

/** claim-view.ts `toEvidenceLink`, for the live links of claim `c`, oldest first (as claimSelect orders them). */
const evidenceLinksJson = Prisma.sql`COALESCE((
  SELECT json_agg(${jsonObject([
    ["id", Prisma.sql`l."id"`],
    ["stance", Prisma.sql`l."stance"`],
    ["note", Prisma.sql`l."note"`],
    ["createdAt", isoTime(Prisma.sql`l."createdAt"`)],
    ["createdBy", jsonObject([["id", Prisma.sql`lu."id"`], ["name", Prisma.sql`lu."name"`]])],
    [
      "evidence",
      jsonObject([
        ["id", Prisma.sql`e."id"`],
        ["kind", Prisma.sql`e."kind"`],
        ["url", Prisma.sql`e."url"`],
        ["title", Prisma.sql`e."title"`],
        ["publisher", Prisma.sql`e."publisher"`],
        ["quote", Prisma.sql`e."quote"`],
        ["accessedAt", isoTime(Prisma.sql`e."accessedAt"`)],
        ["passageId", Prisma.sql`e."passageId"`],
        ["start", Prisma.sql`e."start"`],
        ["end", Prisma.sql`e."end"`],
        ["capture", evidenceCaptureJson],
        ["health", evidenceHealthJson],
      ]),
    ],
  ])} ORDER BY l."createdAt", l."id")
  FROM "ClaimEvidence" l JOIN "Evidence" e ON e."id" = l."evidenceId" JOIN "User" lu ON lu."id" = l."createdById"
  WHERE l."claimId" = c."id" AND l."deletedAt" IS NULL
), '[]'::json)`;

/**
 * claim-view.ts `toPublication`, for claim `c`: its public page (slugs are lower-case ASCII words and
 * hyphens, so the path needs no encoding), or null when it was never published.
 */
const publicationJson = (publicOrigin: string) => Prisma.sql`(
  SELECT ${jsonObject([
    ["slug", Prisma.sql`pub."slug"`],
    ["url", Prisma.sql`${`${publicOrigin}/fact-checks/`}::text || pub."slug"`],
    ["publishedAt", isoTime(Prisma.sql`pub."firstPublishedAt"`)],
    ["modifiedAt", isoTime(Prisma.sql`pub."modifiedAt"`)],
    ["withdrawnAt", isoTime(Prisma.sql`pub."withdrawnAt"`)],
  ])}
  FROM "Publication" pub WHERE pub."claimId" = c."id"
)`;

/** claim-view.ts `toClaim`: one claim with its evidence and publication. */
const fullFields = (publicOrigin: string): JsonField[] => [
  ["evidence", evidenceLinksJson],
  ["publication", publicationJson(publicOrigin)],
];

/**
 * The JSON expressions are built once per form of `hidesLabels` (a column or a constant) and kept:
 * built on each request, their hundreds of fragments were a tenth of what a list read allocated
 * (issue 17's allocation profile).
 */
const builtJson = new Map<string, Prisma.Sql>();
function kept(kind: string, hidesLabels: Prisma.Sql, build: () => Prisma.Sql): Prisma.Sql {
  const key = JSON.stringify([kind, hidesLabels.sql, hidesLabels.values]);
  let built = builtJson.get(key);
  if (!built) {
    built = build();
    builtJson.set(key, built);
  }
  return built;
}

/** A ClaimSummary as JSON (type json). */
export const claimSummaryJson = (hidesLabels: Prisma.Sql) => kept("summary", hidesLabels, () => jsonObject([...claimFields(hidesLabels), ...summaryFields]));

/** A Claim as JSON (type json). */
export const claimJson = (hidesLabels: Prisma.Sql) => {
  const publicOrigin = configuredPublicOrigin() ?? "";
  return kept(`claim ${publicOrigin}`, hidesLabels, () => jsonObject([...claimFields(hidesLabels), ...fullFields(publicOrigin)]));
};

/**
 * What the list's ETag is made of, besides the caller's view, the passage's title and the request:
 * a cheap aggregate over the passage's live claims that changes whenever their JSON can. Each claim
 * change through the app bumps `updatedAt` and `version`; a delete or restore changes the count (and
 * `updatedAt`); links change `evidenceCount` (a trigger, without `updatedAt`), each count weighted by
 * a hash of its claim's id, so a link moved from one claim to another changes the sum where a plain
 * total would come back to a version already answered (and built); a creator's rename
 * changes their row; renaming a rating on the scale (every verdictName) changes the scale's newest
 * `updatedAt`. Aliases: `c` the claim, `cu` its creator (`claimsVersionJoins`).
 */
export const passageClaimsVersion = Prisma.sql`concat_ws(':', count(c."id"), max(c."updatedAt"), sum(c."version"), sum(c."evidenceCount" * hashtext(c."id")::bigint), max(cu."updatedAt"),
  (SELECT max(r."updatedAt") FROM "Rating" r WHERE r."workspaceId" = min(c."workspaceId")))`;

/** The joins `passageClaimsVersion` reads, after `FROM "Claim" c`. */
export const claimsVersionJoins = Prisma.sql`JOIN "User" cu ON cu."id" = c."createdById"`;

/**
 * Part of every list ETag: the field list itself, so answers cached before a field was added are
 * not confirmed by a 304 after.
 */
// Built without the public origin, so the settings are not read when this module loads (a test sets them first).
export const CLAIM_JSON_SHAPE = createHash("sha256")
  .update(JSON.stringify([claimSummaryJson(Prisma.sql`false`), jsonObject([...claimFields(Prisma.sql`false`), ...fullFields("")]), passageClaimsVersion].map((part) => [part.sql, part.values])))
  .digest("hex")
  .slice(0, 12);
