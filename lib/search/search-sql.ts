import { Prisma } from "@/lib/generated/prisma/client";
import { SEARCH_KINDS, type SearchKind, type SearchQuery } from "@/lib/search/search.schemas";
import type { UrlTarget } from "@/lib/search/search-terms";
import { HIGHLIGHT_END, HIGHLIGHT_START } from "@/lib/search/snippet";

// Every stored tsvector uses the `english` configuration (see the search_and_matching migration);
// queries must use the same one.

/** Passage text past this many characters is neither indexed nor excerpted (a tsvector holds at most 1 MB). */
const INDEXED_TEXT_LENGTH = 200_000;

const HEADLINE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxWords=30, MinWords=12, ShortWord=3`;

/**
 * Field weight first, then ts_rank: a match in a statement or title (weight A) ranks above one in a
 * claim's quote or an evidence title (B), which ranks above passage text, evidence quotes and
 * comments (C). ts_rank alone is in [0, 1], and many matches in a long passage could add up past
 * a single match in a statement. `weights` names the classes a kind's vector holds, so no
 * ts_filter runs for a class it cannot match (each one reads the whole vector again). Passages
 * need none: a title match is told by their separate title vector.
 */
function rankOf(vector: Prisma.Sql, query: Prisma.Sql, weights: "ab" | "b" | ""): Prisma.Sql {
  const rank = Prisma.sql`ts_rank(${vector}, ${query})`;
  if (weights === "ab") {
    return Prisma.sql`(CASE WHEN ts_filter(${vector}, '{a}') @@ ${query} THEN 2 WHEN ts_filter(${vector}, '{a,b}') @@ ${query} THEN 1 ELSE 0 END + ${rank})`;
  }
  if (weights === "b") return Prisma.sql`(CASE WHEN ts_filter(${vector}, '{b}') @@ ${query} THEN 1 ELSE 0 END + ${rank})`;
  return rank;
}

/**
 * ts_headline with our markers instead of HTML tags; markers already in the text are removed first.
 * Its parser reads well-formed tags such as `<b>` as markup and leaves them out of the excerpt.
 */
function markedHeadline(text: Prisma.Sql, query: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`ts_headline('english'::regconfig, translate(${text}, ${HIGHLIGHT_START + HIGHLIGHT_END}, ''), ${query}, ${HEADLINE_OPTIONS})`;
}

export type SearchRow = {
  kind: SearchKind;
  id: string;
  passageId: string;
  claimId: string | null;
  rank: number;
  title: string;
  markedSnippet: string;
};

/**
 * The search as one statement (kept apart from the use case so the benchmark can EXPLAIN exactly
 * it). Each kind's matches come from its GIN index; excerpts are made only for the rows returned.
 */
export function workspaceSearchSql(workspaceId: string, query: SearchQuery): Prisma.Sql {
  return searchSql(workspaceId, Prisma.sql`websearch_to_tsquery('english'::regconfig, ${query.q})`, query);
}

/**
 * The same search for corrected words: every group must match (any of its words), and no excluded
 * word may. Phrases and OR of the typed query are not kept: this runs only when it found little.
 */
export function correctedSearchSql(workspaceId: string, query: Pick<SearchQuery, "kind" | "limit">, groups: string[][], excluded: string[]): Prisma.Sql {
  const anyOf = (words: string[]) => Prisma.sql`(${Prisma.join(words.map((word) => Prisma.sql`plainto_tsquery('english'::regconfig, ${word})`), " || ")})`;
  const wanted = Prisma.join(groups.map(anyOf), " && ");
  const QUERY = excluded.length ? Prisma.sql`(${wanted} && !!${anyOf(excluded)})` : Prisma.sql`(${wanted})`;
  return searchSql(workspaceId, QUERY, query);
}

/**
 * Ranking every passage whose text matches is most of the cost of a broad query (thousands of long
 * vectors), and those rows rank below every title, statement and quote hit (weight class 0 against
 * 1 or 2). So passages matching only in their text are ranked last, and only when the other hits
 * leave room among the first `limit`: the results are the same, the work is not.
 */
function searchSql(workspaceId: string, QUERY: Prisma.Sql, query: Pick<SearchQuery, "kind" | "limit">): Prisma.Sql {
  // QUERY is written out in every condition rather than computed once in a CTE: as a constant the
  // planner can weigh it against the column statistics and pick each table's GIN index when it is selective.
  const kinds = query.kind ? [query.kind] : (Object.keys(BRANCHES) as SearchKind[]);
  const branches = kinds.map((kind) => Prisma.sql`(${BRANCHES[kind](workspaceId, QUERY)} ORDER BY rank DESC, id LIMIT ${query.limit})`);
  const passageText = kinds.includes("passage")
    ? Prisma.sql`
      UNION ALL
      (${passageTextOnly(workspaceId, QUERY)}
        AND (SELECT count(*) FROM ranked WHERE ranked.rank >= 1) < ${query.limit}
        ORDER BY rank DESC, id LIMIT ${query.limit})`
    : Prisma.empty;
  return Prisma.sql`
    WITH ranked AS MATERIALIZED (${Prisma.join(branches, " UNION ALL ")}),
    top AS (
      SELECT * FROM (SELECT * FROM ranked ${passageText}) AS hits
      ORDER BY rank DESC, id LIMIT ${query.limit}
    )
    SELECT top.kind, top.id, top."passageId", top."claimId", top.rank::float8 AS rank,
      CASE top.kind
        WHEN 'evidence' THEN coalesce(e.title, e.url, 'Passage excerpt')
        WHEN 'comment' THEN left(c.statement, 300)
        ELSE p.title
      END AS title,
      CASE top.kind
        WHEN 'passage' THEN ${markedHeadline(Prisma.sql`left(p.text, ${INDEXED_TEXT_LENGTH})`, QUERY)}
        WHEN 'claim' THEN CASE WHEN ts_filter(c."searchVector", '{a}') @@ ${QUERY}
          THEN ${markedHeadline(Prisma.sql`c.statement`, QUERY)} ELSE ${markedHeadline(Prisma.sql`c.exact`, QUERY)} END
        WHEN 'evidence' THEN CASE WHEN e.quote IS NOT NULL AND ts_filter(e."searchVector", '{c}') @@ ${QUERY}
          THEN ${markedHeadline(Prisma.sql`e.quote`, QUERY)} ELSE ${markedHeadline(Prisma.sql`coalesce(e.title, e.url, '')`, QUERY)} END
        ELSE ${markedHeadline(Prisma.sql`m.body`, QUERY)}
      END AS "markedSnippet"
    FROM top
    JOIN "Passage" p ON p.id = top."passageId"
    LEFT JOIN "Claim" c ON c.id = top."claimId"
    LEFT JOIN "Evidence" e ON top.kind = 'evidence' AND e.id = top.id
    LEFT JOIN "Comment" m ON top.kind = 'comment' AND m.id = top.id
    ORDER BY top.rank DESC, top.id`;
}

/** Passages that match in their text but not their title (weight class 0). */
function passageTextOnly(workspaceId: string, QUERY: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT 'passage'::text AS kind, p.id, p.id AS "passageId", NULL::text AS "claimId", ts_rank(p."searchVector", ${QUERY}) AS rank
    FROM "Passage" p
    WHERE p."workspaceId" = ${workspaceId} AND p."deletedAt" IS NULL AND p."searchVector" @@ ${QUERY} AND NOT (p."titleVector" @@ ${QUERY})`;
}

// The live claim an evidence record `e` opens: its newest live link's.
const NEWEST_LIVE_LINK = Prisma.sql`(
      SELECT c.id AS "claimId", c."passageId"
      FROM "ClaimEvidence" ce JOIN "Claim" c ON c.id = ce."claimId" JOIN "Passage" p ON p.id = c."passageId"
      WHERE ce."evidenceId" = e.id AND ce."deletedAt" IS NULL AND c."deletedAt" IS NULL AND p."deletedAt" IS NULL
      ORDER BY ce."createdAt" DESC, ce.id
      LIMIT 1
    )`;

// One query per kind, each over its own GIN index, reading only live rows of live parents.
const BRANCHES: Record<SearchKind, (workspaceId: string, QUERY: Prisma.Sql) => Prisma.Sql> = {
  // Title hits only (weight class 2); text-only hits are `passageTextOnly`. The title's own vector
  // has a GIN index, so this reads only the passages whose title matches.
  passage: (workspaceId, QUERY) => Prisma.sql`
    SELECT 'passage'::text AS kind, p.id, p.id AS "passageId", NULL::text AS "claimId", (2 + ts_rank(p."searchVector", ${QUERY})) AS rank
    FROM "Passage" p
    WHERE p."workspaceId" = ${workspaceId} AND p."deletedAt" IS NULL AND p."titleVector" @@ ${QUERY} AND p."searchVector" @@ ${QUERY}`,
  claim: (workspaceId, QUERY) => Prisma.sql`
    SELECT 'claim'::text AS kind, c.id, c."passageId", c.id AS "claimId", ${rankOf(Prisma.sql`c."searchVector"`, QUERY, "ab")} AS rank
    FROM "Claim" c JOIN "Passage" p ON p.id = c."passageId"
    WHERE c."workspaceId" = ${workspaceId} AND c."deletedAt" IS NULL AND p."deletedAt" IS NULL AND c."searchVector" @@ ${QUERY}`,
  // Evidence is reached through a claim: the newest live link decides which claim a hit opens.
  evidence: (workspaceId, QUERY) => Prisma.sql`
    SELECT 'evidence'::text AS kind, e.id, link."passageId", link."claimId", ${rankOf(Prisma.sql`e."searchVector"`, QUERY, "b")} AS rank
    FROM "Evidence" e
    CROSS JOIN LATERAL ${NEWEST_LIVE_LINK} AS link
    WHERE e."workspaceId" = ${workspaceId} AND e."searchVector" @@ ${QUERY}`,
  comment: (workspaceId, QUERY) => Prisma.sql`
    SELECT 'comment'::text AS kind, m.id, c."passageId", c.id AS "claimId", ${rankOf(Prisma.sql`m."searchVector"`, QUERY, "")} AS rank
    FROM "Comment" m JOIN "Claim" c ON c.id = m."claimId" JOIN "Passage" p ON p.id = c."passageId"
    WHERE m."workspaceId" = ${workspaceId} AND m."deletedAt" IS NULL AND c."deletedAt" IS NULL AND p."deletedAt" IS NULL
      AND m."searchVector" @@ ${QUERY}`,
};


/** Below this similarity a word is not offered as what a query word was meant to be ("helth" and "health": 0.44). */
export const SIMILAR_WORD_MIN_SIMILARITY = 0.4;
/** At most this many words stand in for one query word, most similar first. */
export const SIMILAR_WORDS_PER_TERM = 3;

export type SimilarWordRow = { term: string; word: string; isSameStem: boolean };

/**
 * The workspace's words most similar to each term (pg_trgm similarity), and whether each stems to the
 * same lexeme as the term (then full text already found it). `%` (similarity at least pg_trgm's
 * default 0.3) is what the trigram index on the words answers; the stricter floor is checked after.
 */
export function similarWordsSql(workspaceId: string, terms: string[]): Prisma.Sql {
  return Prisma.sql`
    SELECT t.term, candidate.word,
      to_tsvector('english'::regconfig, candidate.word) = to_tsvector('english'::regconfig, t.term) AS "isSameStem"
    FROM unnest(${terms}::text[]) AS t(term)
    CROSS JOIN LATERAL (
      SELECT w.word, similarity(w.word, t.term) AS similarity
      FROM "SearchWord" w
      WHERE w."workspaceId" = ${workspaceId} AND w.word % t.term
      GROUP BY w.word
      ORDER BY similarity DESC, w.word
      LIMIT ${SIMILAR_WORDS_PER_TERM}
    ) AS candidate
    WHERE candidate.similarity >= ${SIMILAR_WORD_MIN_SIMILARITY}`;
}

export type UrlSearchRow = Omit<SearchRow, "markedSnippet"> & { snippet: string; url: string | null };

/**
 * Claims with a live evidence link to a URL on the host (or a subdomain; under the path when one is
 * typed), those evidence records, and passages whose source URL is there. The trigram indexes on the
 * URLs answer `ILIKE '%host%'`; the host is then compared exactly. Claims show their statement,
 * evidence and passages the matching URL. Null when the kind asked for has no URL (comments).
 */
export function urlSearchSql(workspaceId: string, target: UrlTarget, query: Pick<SearchQuery, "kind" | "limit">): Prisma.Sql | null {
  const onTarget = (url: Prisma.Sql) => {
    // The host of an absolute URL, lowercase and without "www.", and what follows it.
    const host = Prisma.sql`regexp_replace(lower(substring(${url} from '^[[:alpha:]][[:alnum:]+.-]*://(?:[^/?#@]*@)?([^/?#:]+)')), '^www\.', '')`;
    const path = Prisma.sql`coalesce(substring(${url} from '^[[:alpha:]][[:alnum:]+.-]*://[^/?#]+(?::[0-9]+)?(.*)$'), '')`;
    return Prisma.sql`${url} ILIKE ${`%${target.host}%`} AND (${host} = ${target.host} OR right(${host}, ${target.host.length + 1}::int) = ${`.${target.host}`})
      AND starts_with(lower(${path}), ${target.path.toLowerCase()})`;
  };
  const branches: Record<SearchKind, Prisma.Sql | null> = {
    claim: Prisma.sql`
      SELECT DISTINCT 'claim'::text AS kind, c.id, c."passageId", c.id AS "claimId", 2::float8 AS rank, p.title, c.statement AS snippet, NULL::text AS url
      FROM linked e
      JOIN "ClaimEvidence" ce ON ce."evidenceId" = e.id AND ce."deletedAt" IS NULL
      JOIN "Claim" c ON c.id = ce."claimId" AND c."deletedAt" IS NULL
      JOIN "Passage" p ON p.id = c."passageId" AND p."deletedAt" IS NULL`,
    evidence: Prisma.sql`
      SELECT 'evidence'::text AS kind, e.id, link."passageId", link."claimId", 1::float8 AS rank, coalesce(e.title, e.url) AS title, e.url AS snippet, e.url
      FROM linked e CROSS JOIN LATERAL ${NEWEST_LIVE_LINK} AS link`,
    passage: Prisma.sql`
      SELECT 'passage'::text AS kind, p.id, p.id AS "passageId", NULL::text AS "claimId", 2::float8 AS rank, p.title, p."sourceUrl" AS snippet, p."sourceUrl" AS url
      FROM "Passage" p
      WHERE p."workspaceId" = ${workspaceId} AND p."deletedAt" IS NULL AND ${onTarget(Prisma.sql`p."sourceUrl"`)}`,
    comment: null,
  };
  const kinds = query.kind ? [query.kind] : SEARCH_KINDS;
  const selected = kinds.flatMap((kind) => {
    const branch = branches[kind];
    return branch ? [Prisma.sql`(SELECT * FROM (${branch}) AS hits ORDER BY rank DESC, id LIMIT ${query.limit})`] : [];
  });
  if (selected.length === 0) return null;
  return Prisma.sql`
    WITH linked AS MATERIALIZED (
      SELECT e.id, e.url, e.title FROM "Evidence" e
      WHERE e."workspaceId" = ${workspaceId} AND e.url IS NOT NULL AND ${onTarget(Prisma.sql`e.url`)}
    )
    SELECT * FROM (${Prisma.join(selected, " UNION ALL ")}) AS hits
    ORDER BY rank DESC, id LIMIT ${query.limit}`;
}
