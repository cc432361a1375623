import { Prisma } from "@/lib/generated/prisma/client";
import { createWorkspaceRecord } from "@/lib/fixtures/factories";
import { claimMatchesSql } from "@/lib/matching/matching-sql";
import { MATCH_SIMILARITY_THRESHOLD } from "@/lib/matching/matching.schemas";
import { similarWordsSql, urlSearchSql, workspaceSearchSql } from "@/lib/search/search-sql";
import type { BenchServer } from "./bench-server";
import { ms, processTreeRss, summarize } from "./bench-server";
import { seedStateOfTheUnion } from "./state-of-the-union";

const CLAIM_COUNT = 100_000;
const PASSAGE_COUNT = 10_000;
const SENTENCES_PER_PASSAGE = 14;
const RUNS = 50;
const DENSITY_PROBES = 9;

// Vocabulary for claim-like sentences in six shapes, so statements share words the way real ones do
// without all sharing one template's trigrams.
const WORDS = {
  subject: ["the government", "the city council", "the health ministry", "the central bank", "the opposition", "the mayor", "the governor", "the prime minister", "the finance minister", "the school board", "the police", "the army", "the energy regulator", "the union", "the port authority", "the statistics office", "the transport agency", "the senate", "parliament", "the court"],
  verb: ["cut", "raised", "doubled", "halved", "froze", "tripled", "slashed", "increased", "reduced", "boosted"],
  verb2: ["rose", "fell", "climbed", "dropped", "jumped", "declined", "grew", "shrank", "soared", "collapsed"],
  verb3: ["imports", "exports", "produces", "consumes", "wastes", "recycles", "burns", "sells"],
  object: ["unemployment", "health spending", "the budget deficit", "crime", "inflation", "teacher salaries", "hospital waiting times", "housing prices", "rents", "carbon emissions", "renewable energy", "tariffs", "exports", "vaccination rates", "school funding", "public debt", "fuel prices", "pensions", "the minimum wage", "police funding", "child poverty", "road deaths", "air pollution", "tourism", "wheat harvests", "electricity prices", "broadband coverage", "defence spending", "tax revenue", "migration"],
  person: ["The minister", "The mayor", "A senator", "The spokesperson", "The candidate", "The chief executive", "An economist", "The president", "The union leader", "The opposition leader"],
  place: ["Lindqvist", "the capital", "the northern region", "Porto Alto", "the coastal provinces", "the eastern district", "Valmont", "the country", "the harbour city", "the southern valley"],
  unit: ["percent", "points", "tonnes", "billion", "thousand", "megawatts", "hours", "days"],
  period: ["year", "quarter", "month", "decade", "winter", "summer"],
  adjective: ["new", "delayed", "controversial", "expanded", "cancelled", "publicly funded", "private", "modernised"],
  currency: ["euros", "dollars", "pounds", "kroner"],
  superlative: ["highest", "lowest", "fastest growing", "most expensive", "cheapest", "largest"],
  region: ["Europe", "the region", "the world", "the country", "the north", "the union"],
  source: ["official figures", "the annual report", "a leaked memo", "the latest survey", "the auditor", "independent analysts"],
  adverb: ["sharply", "steadily", "slightly", "dramatically", "every year", "twice"],
};

const SEARCH_QUERIES = [
  "unemployment",
  "health spending",
  '"hospital waiting times"',
  "tariffs OR exports",
  "housing -rents",
  "minister said inflation",
  "vaccination rates rose",
  "renewable energy megawatts",
  "teacher salaries",
  "carbon emissions fell",
  "Lindqvist harbour",
  "budget deficit doubled",
  "most expensive",
  "child poverty",
  "electricity prices soared",
  "leaked memo",
  "police funding cut",
  "broadband coverage",
  "wheat harvests",
  "defence spending",
];

// Misspellings of the vocabulary's words: the words as typed find nothing, so each one also looks up similar words.
const MISSPELLED_QUERIES = ["unemploymnt", "helth spending", "vacination rates", "Lindqist harbour", "electricty prices", "pensoins", "inflaton", "broadbnd coverage", "carbon emisions", "wheat harvets"];
// Domains of the seeded evidence links, as typed: bare, with "www.", with a path, and one nobody links to.
const URL_QUERIES = ["stats-7.example.org", "www.stats-42.example.org", "https://stats-3.example.org/report", "nowhere.example.net"];
const EVIDENCE_COUNT = 20_000;

/** Seeds 100,000 claims over 10,000 passages with SQL, then times claim matching and search over HTTP and EXPLAINs both. */
export async function benchSearch(server: BenchServer): Promise<string[]> {
  const lines: string[] = [];
  const workspace = await createWorkspaceRecord(server.db, { ownerId: server.user.id, name: "Search bench" });
  const seedStarted = performance.now();
  await seed(server, workspace.id);
  lines.push(`seeded ${CLAIM_COUNT.toLocaleString("en")} claims over ${PASSAGE_COUNT.toLocaleString("en")} passages (generated tsvector and trigram columns, GIN indexes kept up to date) in ${(performance.now() - seedStarted) / 1000 | 0} s`);

  const get = (path: string) => timedGet(server, path);

  lines.push(...(await benchMatching(server, workspace.id, "generated claims in six shapes (a dense corpus: every statement shares most of its words with thousands of others)")));

  for (const q of SEARCH_QUERIES.slice(0, 3)) await get(searchPath(workspace.id, q));
  const searchTimes: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const q = SEARCH_QUERIES[run % SEARCH_QUERIES.length] ?? "unemployment";
    searchTimes.push((await get(searchPath(workspace.id, q))).elapsed);
  }
  const search = summarize(searchTimes);
  lines.push(
    `search the workspace (GET /workspaces/{id}/search over HTTP, ${RUNS} runs over ${SEARCH_QUERIES.length} queries: words, phrases, OR, -exclusions; all four kinds, 20 results with snippets)`,
    `  median ${ms(search.median)}, p95 ${ms(search.p95)}, max ${ms(search.max)}  (target < 100 ms)`,
  );

  lines.push(...(await benchForgivingSearch(server, workspace.id)));

  const duplicateTimes: number[] = [];
  for (let run = 0; run < 3; run++) duplicateTimes.push((await get(`/api/v1/workspaces/${workspace.id}/duplicates`)).elapsed);
  lines.push(`duplicates view at this size (GET /workspaces/{id}/duplicates: identical statements everywhere, near-identical among the 50 newest claims' neighbours; 3 runs): median ${ms(summarize(duplicateTimes).median)}`);

  // The first claim benchMatching timed.
  const [probe] = await server.db.$queryRaw<{ id: string; statement: string; normalized: string }[]>`
    SELECT id, statement, "statementNormalized" AS normalized FROM "Claim" WHERE "workspaceId" = ${workspace.id} ORDER BY md5(id) LIMIT 1`;
  if (probe) {
    const sql = claimMatchesSql({ workspaceId: workspace.id, claimId: probe.id, normalized: probe.normalized, statement: probe.statement, threshold: MATCH_SIMILARITY_THRESHOLD, limit: 10 });
    const matchPlan = await server.db.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN (ANALYZE, COSTS OFF) ${sql}`);
    lines.push(`EXPLAIN ANALYZE of the matching query PostgreSQL answers while the index loads, for “${probe.statement}”:`, ...planHighlights(matchPlan));
  }
  const searchPlan = await server.db.$queryRaw<{ "QUERY PLAN": string }[]>(
    Prisma.sql`EXPLAIN (ANALYZE, COSTS OFF) ${workspaceSearchSql(workspace.id, { q: "health spending", limit: 20 })}`,
  );
  lines.push("EXPLAIN ANALYZE of the search query for “health spending”:", ...planHighlights(searchPlan));
  // A common phrase matches most passages, where the planner rightly reads the table; a title is selective.
  const [passage] = await server.db.$queryRaw<{ title: string }[]>`SELECT title FROM "Passage" WHERE "workspaceId" = ${workspace.id} ORDER BY id LIMIT 1`;
  if (passage) {
    const titlePlan = await server.db.$queryRaw<{ "QUERY PLAN": string }[]>(
      Prisma.sql`EXPLAIN (ANALYZE, COSTS OFF) ${workspaceSearchSql(workspace.id, { q: passage.title, limit: 20 })}`,
    );
    lines.push(`EXPLAIN ANALYZE of the search query for the passage title “${passage.title}”:`, ...planHighlights(titlePlan));
  }

  const realText = await createWorkspaceRecord(server.db, { ownerId: server.user.id, name: "Real-text matching bench" });
  const seeded = await seedStateOfTheUnion(server, realText.id, CLAIM_COUNT);
  lines.push(`seeded ${seeded.toLocaleString("en")} claims from the sentences and clauses of every State of the Union address (1790–2021) in a second workspace`);
  lines.push(...(await benchMatching(server, realText.id, "real political text")));
  lines.push(...(await benchSimilarWordsOnRealText(server, realText.id)));
  return lines;
}

/** Times the similar-words fallback and the URL search over HTTP, and EXPLAINs their statements. */
async function benchForgivingSearch(server: BenchServer, workspaceId: string): Promise<string[]> {
  const [words] = await server.db.$queryRaw<{ words: number }[]>`SELECT count(*)::int AS words FROM "SearchWord" WHERE "workspaceId" = ${workspaceId}`;
  const lines = [`the workspace's words table (kept by triggers while seeding): ${words?.words.toLocaleString("en")} words`];
  const timeQueries = async (queries: string[], label: string) => {
    for (const q of queries.slice(0, 2)) await timedGet(server, searchPath(workspaceId, q));
    const times: number[] = [];
    const counts: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const { elapsed, body } = await timedGet(server, searchPath(workspaceId, queries[run % queries.length] ?? ""));
      times.push(elapsed);
      counts.push(body.items.length);
    }
    const summary = summarize(times);
    lines.push(`${label} (${RUNS} runs over ${queries.length} queries; ${summarize(counts).median} results at the median)`, `  median ${ms(summary.median)}, p95 ${ms(summary.p95)}, max ${ms(summary.max)}  (target < 100 ms)`);
  };
  await timeQueries(MISSPELLED_QUERIES, "search with misspelled words (full text finds nothing, then similar words and the search again)");

  const seedStarted = performance.now();
  await seedEvidenceLinks(server, workspaceId);
  lines.push(`seeded ${EVIDENCE_COUNT.toLocaleString("en")} web evidence records on 1,000 domains, each linked to one claim, in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
  await timeQueries(URL_QUERIES, "search for a domain or URL (full text, then claims, evidence and passages by URL)");

  const [misspelled = ""] = MISSPELLED_QUERIES;
  const terms = [misspelled];
  const wordsPlan = await server.db.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN (ANALYZE, COSTS OFF) ${similarWordsSql(workspaceId, terms)}`);
  lines.push(`EXPLAIN ANALYZE of the similar-words lookup for “${misspelled}”:`, ...planHighlights(wordsPlan));
  const urlSql = urlSearchSql(workspaceId, { host: "stats-7.example.org", path: "" }, { limit: 20 });
  if (urlSql) {
    const urlPlan = await server.db.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN (ANALYZE, COSTS OFF) ${urlSql}`);
    lines.push("EXPLAIN ANALYZE of the URL search for “stats-7.example.org”:", ...planHighlights(urlPlan));
  }
  return lines;
}

// Misspellings of words of the State of the Union addresses: a real text's vocabulary is tens of thousands of words.
const MISSPELLED_REAL_QUERIES = ["goverment", "Constitusion", "agricultral", "Mexcio", "appropiations", "Musharaf", "terrorrism", "reciprocty"];

/** The similar-words fallback where the words table is as large as real text makes it. */
async function benchSimilarWordsOnRealText(server: BenchServer, workspaceId: string): Promise<string[]> {
  const [words] = await server.db.$queryRaw<{ words: number }[]>`SELECT count(*)::int AS words FROM "SearchWord" WHERE "workspaceId" = ${workspaceId}`;
  const times: number[] = [];
  const counts: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const { elapsed, body } = await timedGet(server, searchPath(workspaceId, MISSPELLED_REAL_QUERIES[run % MISSPELLED_REAL_QUERIES.length] ?? ""));
    times.push(elapsed);
    counts.push(body.items.length);
  }
  const summary = summarize(times);
  const plan = await server.db.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN (ANALYZE, COSTS OFF) ${similarWordsSql(workspaceId, ["goverment"])}`);
  return [
    `search with misspelled words on the State of the Union workspace (${words?.words.toLocaleString("en")} words in its words table; ${RUNS} runs over ${MISSPELLED_REAL_QUERIES.length} queries; ${summarize(counts).median} results at the median)`,
    `  median ${ms(summary.median)}, p95 ${ms(summary.p95)}, max ${ms(summary.max)}  (target < 100 ms)`,
    "EXPLAIN ANALYZE of the similar-words lookup for “goverment” there:",
    ...planHighlights(plan),
  ];
}

/** Evidence on stats-0 … stats-999.example.org, in paths and with "www." on every other one; each record linked to one claim. */
async function seedEvidenceLinks(server: BenchServer, workspaceId: string): Promise<void> {
  await server.db.$executeRaw`
    INSERT INTO "Evidence" (id, "workspaceId", kind, url, title, "createdById", "updatedAt")
    SELECT 'bench-e-' || g, ${workspaceId}, 'web'::"EvidenceKind",
      'https://' || CASE WHEN g % 2 = 0 THEN 'www.' ELSE '' END || 'stats-' || (g % 1000) || '.example.org/report/' || g,
      'Official statistics release ' || g, ${server.user.id}, now()
    FROM generate_series(1, ${EVIDENCE_COUNT}::int) AS g`;
  await server.db.$executeRaw`
    INSERT INTO "ClaimEvidence" (id, "workspaceId", "claimId", "evidenceId", stance, "createdById")
    SELECT 'bench-ce-' || g, ${workspaceId}, 'bench-c-' || (1 + (g * 7) % ${CLAIM_COUNT}::int), 'bench-e-' || g, 'supports'::"EvidenceStance", ${server.user.id}
    FROM generate_series(1, ${EVIDENCE_COUNT}::int) AS g`;
  await server.db.$executeRaw`ANALYZE "Evidence", "ClaimEvidence"`;
}

/**
 * Times GET /claims/{id}/matches over HTTP for RUNS claims of a workspace: first while the app's
 * in-memory index of the workspace loads (PostgreSQL answers), then from the loaded index.
 */
async function benchMatching(server: BenchServer, workspaceId: string, corpus: string): Promise<string[]> {
  const claims = await server.db.$queryRaw<{ id: string; statement: string; normalized: string }[]>`
    SELECT id, statement, "statementNormalized" AS normalized FROM "Claim" WHERE "workspaceId" = ${workspaceId} ORDER BY md5(id) LIMIT ${RUNS}`;
  const get = (id: string) => timedGet(server, `/api/v1/claims/${id}/matches`);
  const fromMemory = (timing: string) => timing.includes('desc="in-memory trigram index"');

  // The workspace's first request starts loading its index; requests answered before it is ready come from PostgreSQL.
  const rssBefore = await processTreeRss(server.serverPid);
  const loadStarted = performance.now();
  const whileLoading: number[] = [];
  for (let next = 0; ; next++) {
    const { elapsed, timing } = await get(claims[next % claims.length]?.id ?? "");
    if (fromMemory(timing)) break;
    whileLoading.push(elapsed);
  }
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const rssGrowth = (await processTreeRss(server.serverPid)) - rssBefore;

  for (const claim of claims.slice(0, 3)) await get(claim.id); // warm-up
  const times: number[] = [];
  const matchingTimes: number[] = [];
  const counts: number[] = [];
  for (const claim of claims) {
    const { elapsed, body, timing } = await get(claim.id);
    if (!fromMemory(timing)) throw new Error(`The loaded index did not answer: Server-Timing ${timing}`);
    times.push(elapsed);
    matchingTimes.push(Number(/dur=([\d.]+)/.exec(timing)?.[1] ?? NaN));
    counts.push(body.items.length);
  }
  // How many statements an exact index has to tell apart: those at least as similar as a shown match.
  const similarCounts: number[] = [];
  for (const claim of claims.slice(0, DENSITY_PROBES)) {
    const [row] = await server.db.$queryRaw<{ similar: number }[]>`
      SELECT count(*)::int AS similar FROM "Claim"
      WHERE "workspaceId" = ${workspaceId} AND id <> ${claim.id} AND similarity("statementNormalized", ${claim.normalized}) >= ${MATCH_SIMILARITY_THRESHOLD}`;
    similarCounts.push(row?.similar ?? 0);
  }
  const matching = summarize(times);
  const insideServer = summarize(matchingTimes);
  const loading = summarize(whileLoading);
  return [
    `match one claim against ${CLAIM_COUNT.toLocaleString("en")}: ${corpus}`,
    `  while the in-memory index loads: ${whileLoading.length} requests answered by PostgreSQL's GiST index, median ${ms(loading.median)}, max ${ms(loading.max)}; index ready ${loadSeconds.toFixed(1)} s after the first request; server RSS grew ${rssGrowth.toFixed(0)} MB`,
    `  GET /claims/{id}/matches over HTTP from the loaded index, ${RUNS} different claims, ${summarize(counts).median} matches each at the median; a claim has ${summarize(similarCounts).median.toLocaleString("en")} others at least ${MATCH_SIMILARITY_THRESHOLD} similar (median of ${DENSITY_PROBES})`,
    `  median ${ms(matching.median)}, p95 ${ms(matching.p95)}, max ${ms(matching.max)}  (target < 50 ms)`,
    `  of which matching (Server-Timing: bring the index up to date, scan it, read the nearest claims): median ${ms(insideServer.median)}, p95 ${ms(insideServer.p95)}, max ${ms(insideServer.max)}`,
  ];
}

/** One API GET over HTTP, timed from request to response headers. */
async function timedGet(server: BenchServer, path: string): Promise<{ elapsed: number; body: { items: unknown[] }; timing: string }> {
  const started = performance.now();
  const response = await server.api(path);
  const elapsed = performance.now() - started;
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return { elapsed, body: (await response.json()) as { items: unknown[] }, timing: response.headers.get("server-timing") ?? "" };
}

const searchPath = (workspaceId: string, q: string) => `/api/v1/workspaces/${workspaceId}/search?${new URLSearchParams({ q }).toString()}`;

/** The plan lines that show which indexes answered, and the timings. */
function planHighlights(plan: { "QUERY PLAN": string }[]): string[] {
  return plan
    .map((row) => row["QUERY PLAN"])
    .filter((line) => /Index Scan|Seq Scan|Execution Time/.test(line))
    .map((line) => `  ${line.trim()}`);
}

export async function seed(server: BenchServer, workspaceId: string): Promise<void> {
  const words = JSON.stringify(WORDS);
  // Throwaway helpers in the bench's own database: one random word of a kind, one claim-like sentence.
  await server.db.$executeRaw`
    CREATE OR REPLACE FUNCTION bench_pick(words jsonb, kind text) RETURNS text LANGUAGE sql VOLATILE AS $$
      SELECT words -> kind ->> floor(random() * jsonb_array_length(words -> kind))::int
    $$`;
  await server.db.$executeRaw`
    CREATE OR REPLACE FUNCTION bench_sentence(w jsonb) RETURNS text LANGUAGE sql VOLATILE AS $$
      SELECT CASE floor(random() * 6)::int
        WHEN 0 THEN initcap(bench_pick(w, 'subject')) || ' ' || bench_pick(w, 'verb') || ' ' || bench_pick(w, 'object') || ' by ' || (1 + floor(random() * 60))::int || ' percent in ' || (2010 + floor(random() * 16))::int || '.'
        WHEN 1 THEN 'According to ' || bench_pick(w, 'source') || ', ' || bench_pick(w, 'object') || ' ' || bench_pick(w, 'verb2') || ' to ' || (1 + floor(random() * 900))::int || ' ' || bench_pick(w, 'unit') || ' last ' || bench_pick(w, 'period') || '.'
        WHEN 2 THEN bench_pick(w, 'person') || ' said ' || bench_pick(w, 'object') || ' ' || bench_pick(w, 'verb2') || ' ' || bench_pick(w, 'adverb') || ' since ' || (1990 + floor(random() * 35))::int || '.'
        WHEN 3 THEN 'The ' || bench_pick(w, 'adjective') || ' ' || bench_pick(w, 'object') || ' programme in ' || bench_pick(w, 'place') || ' cost ' || (2 + floor(random() * 950))::int || ' million ' || bench_pick(w, 'currency') || '.'
        WHEN 4 THEN initcap(bench_pick(w, 'place')) || ' has the ' || bench_pick(w, 'superlative') || ' ' || bench_pick(w, 'object') || ' in ' || bench_pick(w, 'region') || '.'
        ELSE bench_pick(w, 'person') || ' claimed that ' || bench_pick(w, 'place') || ' ' || bench_pick(w, 'verb3') || ' ' || (1 + floor(random() * 500))::int || ' ' || bench_pick(w, 'unit') || ' of ' || bench_pick(w, 'object') || '.'
      END
    $$`;
  await server.db.$executeRaw`
    INSERT INTO "Passage" (id, "workspaceId", title, text, "textHash", "textLength", "createdById", "updatedAt")
    SELECT 'bench-p-' || g, ${workspaceId}, initcap(bench_pick(${words}::jsonb, 'object')) || ': ' || bench_pick(${words}::jsonb, 'source') || ' ' || g,
      body.text, md5(body.text), length(body.text), ${server.user.id}, now()
    FROM generate_series(1, ${PASSAGE_COUNT}::int) AS g
    CROSS JOIN LATERAL (
      SELECT string_agg(bench_sentence(${words}::jsonb), ' ') AS text FROM generate_series(1, ${SENTENCES_PER_PASSAGE}::int + g % 3) AS s
    ) AS body`;
  for (let offset = 0; offset < CLAIM_COUNT; offset += 20_000) {
    await server.db.$executeRaw`
      INSERT INTO "Claim" (id, "workspaceId", "passageId", statement, label, state, exact, prefix, suffix, start, "end", "createdById", "createdAt", "updatedAt")
      SELECT 'bench-c-' || g, ${workspaceId}, 'bench-p-' || (1 + g % ${PASSAGE_COUNT}::int), sentence.text,
        CASE WHEN g % 4 = 0 THEN 'factual'::"ClaimLabel" END, CASE WHEN g % 4 = 0 THEN 'verified'::"ReviewState" ELSE 'draft'::"ReviewState" END,
        sentence.text, '', '', 0, length(sentence.text), ${server.user.id}, now() - make_interval(secs => ${CLAIM_COUNT}::int - g), now()
      FROM generate_series(${offset + 1}::int, ${Math.min(offset + 20_000, CLAIM_COUNT)}::int) AS g
      CROSS JOIN LATERAL (SELECT bench_sentence(${words}::jsonb) AS text WHERE g > 0) AS sentence`;
  }
  await server.db.$executeRaw`ANALYZE "Passage", "Claim"`;
}
