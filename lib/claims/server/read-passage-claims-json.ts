import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertRoleAllows } from "@/lib/auth/server/workspace-access";
import type { ListPassageClaimsQuery } from "@/lib/claims/claim.schemas";
import { CLAIM_JSON_SHAPE, claimJoins, claimsVersionJoins, claimSummaryJson, hidesLabelsSql, passageClaimsVersion, roleAllowsSql } from "@/lib/claims/server/claim-json-sql";
import { PASSAGE_CLAIMS_ORDER } from "@/lib/claims/server/list-passage-claims";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { notFound } from "@/lib/http/errors";
import { decodeCursor, encodeCursor } from "@/lib/http/pagination";
import { passageGone } from "@/lib/passages/server/passage-access";

/** A page of a passage's claims as the API's JSON text, or "not modified" when the caller's ETag is current. */
export type PassageClaimsAnswer =
  | { isNotModified: true; etag: string }
  /** `bytes` is what is sent (UTF-8, kept encoded between requests); `json` decodes it, for callers that read it. */
  | { isNotModified: false; etag: string; bytes: Uint8Array<ArrayBuffer>; readonly json: string };

type BuiltList = { etag: string; bytes: Uint8Array<ArrayBuffer> };

function builtAnswer(etag: string, bytes: Uint8Array<ArrayBuffer>): PassageClaimsAnswer {
  return {
    isNotModified: false,
    etag,
    bytes,
    get json() {
      return new TextDecoder().decode(bytes);
    },
  };
}

type Row = {
  role: Role;
  deletedAt: Date | null;
  etag: string;
  items: string;
  rowCount: bigint | number;
  lastStart: number | null;
  lastEnd: number | null;
  lastId: string | null;
};

/**
 * The page of `listPassageClaims` (same order, cursor and JSON), in one statement: the membership
 * check, the list's version for its ETag, and, unless `ifNoneMatch` or this instance's built lists
 * hold that version, the page's JSON built by PostgreSQL. Node never parses or re-serialises it.
 */
export async function readPassageClaimsJson({
  actor,
  passageId,
  query,
  ifNoneMatch,
}: {
  actor: Actor;
  passageId: string;
  query: ListPassageClaimsQuery;
  ifNoneMatch: string[];
}): Promise<PassageClaimsAnswer> {
  const after = query.cursor ? decodeCursor(PASSAGE_CLAIMS_ORDER, query.cursor) : null;
  const limit = query.all === "true" ? null : query.limit;
  // The ETag covers the caller's view (hidden labels), the request's page and the JSON's shape.
  const requestKey = `${CLAIM_JSON_SHAPE}|${query.all ?? ""}|${limit ?? ""}|${query.cursor ?? ""}`;
  const matchesAny = ifNoneMatch.includes("*");
  const cacheKey = `${passageId}|${requestKey}`;
  const built = builtLists.get(cacheKey) ?? [];
  // Versions whose JSON this instance holds skip the build like the caller's own ETag does.
  const known = [...ifNoneMatch, ...built.map((entry) => entry.etag)];
  const rows = await db.$queryRaw<Row[]>(passageClaimsStatement({ userId: actor.userId, passageId, after, limit, requestKey, matchesAny, ifNoneMatch: known }));
  const row = rows[0];
  if (!row) throw notFound("This passage");
  assertRoleAllows(row.role, "workspace.read");
  if (row.deletedAt) throw passageGone(row.deletedAt);
  const etag = `"${row.etag}"`;
  if (matchesAny || ifNoneMatch.includes(row.etag)) return { isNotModified: true, etag };
  const reused = built.find((entry) => entry.etag === row.etag);
  if (reused) return builtAnswer(etag, reused.bytes);
  const hasMore = limit !== null && Number(row.rowCount) > limit && row.lastId !== null;
  const nextCursor = hasMore ? encodeCursor(PASSAGE_CLAIMS_ORDER, { start: row.lastStart ?? 0, end: row.lastEnd ?? 0, id: row.lastId ?? "" }) : null;
  const bytes = new TextEncoder().encode(`{"items":${row.items},"nextCursor":${JSON.stringify(nextCursor)}}`);
  keepBuiltList(cacheKey, { etag: row.etag, bytes });
  return builtAnswer(etag, bytes);
}

/**
 * The last built answers per passage and page request, by version (the ETag's hash, which covers
 * the view, so an entry serves exactly the callers whose statement computes that version; the
 * statement still checks each caller's access). A passage being read by several people, or re-read
 * after each live update, is built once per change. Two views per key (blind reviewers and
 * editors); the keys built longest ago go first past CLAIM_LIST_CACHE_MB.
 */
const builtLists = new Map<string, BuiltList[]>();
let builtListsBytes = 0;
const VIEWS_PER_KEY = 2;

function keepBuiltList(cacheKey: string, entry: BuiltList): void {
  const limitBytes = serverEnv().CLAIM_LIST_CACHE_MB * 1024 * 1024;
  const size = (value: BuiltList) => value.bytes.byteLength;
  if (size(entry) > limitBytes) return;
  const previous = builtLists.get(cacheKey) ?? [];
  const kept = [entry, ...previous.filter((other) => other.etag !== entry.etag)];
  for (const dropped of kept.splice(VIEWS_PER_KEY)) builtListsBytes -= size(dropped);
  builtListsBytes += size(entry) - (previous.find((other) => other.etag === entry.etag) ? size(entry) : 0);
  builtLists.delete(cacheKey);
  builtLists.set(cacheKey, kept);
  for (const [key, entries] of builtLists) {
    if (builtListsBytes <= limitBytes) break;
    builtLists.delete(key);
    for (const dropped of entries) builtListsBytes -= size(dropped);
  }
}

/** The entity tags an `If-None-Match` header names, without quotes or weakness (`*` matches any). */
export function ifNoneMatchTags(headers: Headers): string[] {
  const header = headers.get("if-none-match");
  if (!header) return [];
  return header.split(",").map((tag) => tag.trim().replace(/^W\//, "").replace(/^"(.*)"$/, "$1")).filter(Boolean);
}

/** The list's one statement. */
function passageClaimsStatement({
  userId,
  passageId,
  after,
  limit,
  requestKey,
  matchesAny,
  ifNoneMatch,
}: {
  userId: string;
  passageId: string;
  after: { start: number; end: number; id: string } | null;
  limit: number | null;
  requestKey: string;
  matchesAny: boolean;
  ifNoneMatch: string[];
}): Prisma.Sql {
  return Prisma.sql`
    WITH a AS (
      SELECT m."role", p."deletedAt", p."title", p."updatedAt", ${hidesLabelsSql(Prisma.sql`m."role"`, Prisma.sql`w."isBlindReview"`)} AS "hidesLabels",
        ${roleAllowsSql(Prisma.sql`m."role"`, "workspace.read")} AND p."deletedAt" IS NULL AS "mayRead"
      FROM "Passage" p
      JOIN "Membership" m ON m."workspaceId" = p."workspaceId" AND m."userId" = ${userId}
      JOIN "Workspace" w ON w."id" = p."workspaceId"
      WHERE p."id" = ${passageId}
    ), v AS (
      -- The passage's own part (its title is in every item) comes from the access row, not from each claim's join.
      SELECT md5(concat_ws('|', ${requestKey}::text, (SELECT concat_ws(':', a."hidesLabels", a."title", a."updatedAt") FROM a), ${passageClaimsVersion})) AS "etag"
      FROM "Claim" c ${claimsVersionJoins}
      WHERE c."passageId" = ${passageId} AND c."deletedAt" IS NULL AND EXISTS (SELECT 1 FROM a WHERE a."mayRead")
    ), page AS (
      SELECT c."start", c."end", c."id", ${claimSummaryJson(Prisma.sql`a."hidesLabels"`)} AS "item",
        row_number() OVER (ORDER BY c."start", c."end", c."id") AS "n"
      FROM a, "Claim" c ${claimJoins}
      WHERE a."mayRead" AND c."passageId" = ${passageId} AND c."deletedAt" IS NULL
        AND (${after?.id ?? null}::text IS NULL OR (c."start", c."end", c."id") > (${after?.start ?? null}::int, ${after?.end ?? null}::int, ${after?.id ?? null}::text))
      ORDER BY c."start", c."end", c."id"
      LIMIT ${limit === null ? null : limit + 1}::int
    )
    SELECT a."role", a."deletedAt", v."etag", r."items", r."rowCount", r."lastStart", r."lastEnd", r."lastId"
    FROM a, v, LATERAL (
      SELECT COALESCE(json_agg(page."item" ORDER BY page."n") FILTER (WHERE ${limit}::int IS NULL OR page."n" <= ${limit}::int), '[]'::json)::text AS "items",
        count(*) AS "rowCount",
        max(page."start") FILTER (WHERE page."n" = ${limit}::int) AS "lastStart",
        max(page."end") FILTER (WHERE page."n" = ${limit}::int) AS "lastEnd",
        max(page."id") FILTER (WHERE page."n" = ${limit}::int) AS "lastId"
      FROM page
      -- Constant for the page's rows, so PostgreSQL builds no JSON when the caller's copy is current.
      WHERE a."mayRead" AND NOT (${matchesAny}::boolean OR v."etag" = ANY(${ifNoneMatch}::text[]))
    ) r`;
}