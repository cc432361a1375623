import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { request } from "undici";
import { childProcessEnv, launcherEnv } from "@/lib/env";
import { EXPORT_FORMATS, type ExportFormat } from "@/lib/exports/export.schemas";
import { createPassageRecord, createWorkspaceRecord } from "@/lib/fixtures/factories";
import type { BenchServer } from "./bench-server";
import { ms, processTreeRss } from "./bench-server";

// `npm run bench -- export`: 100,000 verified claims (each with one evidence link) over 100
// passages, exported in every format by the real use case in a child process (so its RSS is the
// export's alone) and over HTTP from the production server, beside PostgreSQL's own COPY of the
// same rows as CSV (psql, and pg-copy-streams in Node), all in one run: each line's ratio is to that
// run's psql COPY. JSONL and CSV are also run through the worker path they used before COPY
// (issue 17), for a before/after from the same run.

const CLAIM_COUNT = 100_000;
const PASSAGE_COUNT = 100;
const CHILD_FLAG = "--export-bench-child";

const WORKER_PATH_FLAG = "--worker-path";

type ChildResult = { format: ExportFormat; claimCount: number; bytes: number; elapsedMs: number; rssBaselineMb: number; rssPeakMb: number };

export async function benchExport(server: BenchServer): Promise<string[]> {
  const workspace = await createWorkspaceRecord(server.db, { ownerId: server.user.id, name: "Export bench" });
  const seedStarted = performance.now();
  await seedClaims(server, workspace.id);
  const seedMs = performance.now() - seedStarted;

  const lines = [`seeded ${CLAIM_COUNT.toLocaleString("en")} verified claims with evidence over ${PASSAGE_COUNT} passages in ${ms(seedMs)} (INSERT … SELECT generate_series)`];
  // The baseline first, so every ratio below is to this run's COPY.
  const copy = await copyWithPsql(server.databaseUrl, workspace.id);
  const copyNode = await copyWithNode(server.databaseUrl, workspace.id);
  lines.push(`${"what".padEnd(28)} ${"rows".padStart(7)} ${"MB".padStart(7)} ${"seconds".padStart(8)} ${"MB/s".padStart(7)} ${"claims/s".padStart(9)} ${"÷ COPY".padStart(7)}   memory (RSS growth: peak − baseline)`);
  const row = (name: string, claims: number, bytes: number, elapsedMs: number, memory: string, baseline = copy) => {
    const seconds = elapsedMs / 1000;
    const megabytes = bytes / (1024 * 1024);
    const rate = claims / seconds;
    const copyRate = CLAIM_COUNT / (baseline.elapsedMs / 1000);
    return `${name.padEnd(28)} ${String(claims).padStart(7)} ${megabytes.toFixed(1).padStart(7)} ${seconds.toFixed(2).padStart(8)} ${(megabytes / seconds).toFixed(1).padStart(7)} ${Math.round(rate).toLocaleString("en").padStart(9)} ${`${((100 * rate) / copyRate).toFixed(0)}%`.padStart(7)}   ${memory}`;
  };
  lines.push(row("COPY csv (psql)", CLAIM_COUNT, copy.bytes, copy.elapsedMs, "(in PostgreSQL and psql)"));
  lines.push(row("COPY csv (pg-copy-streams)", CLAIM_COUNT, copyNode.bytes, copyNode.elapsedMs, "(bytes counted in Node)"));

  const childMemory = (result: ChildResult) => `process +${(result.rssPeakMb - result.rssBaselineMb).toFixed(0)} MB (${result.rssBaselineMb.toFixed(0)} → ${result.rssPeakMb.toFixed(0)} MB)`;
  for (const format of ["jsonl", "csv"] as const) {
    const result = await runChild(server, workspace.id, format, { workerPath: true });
    if (result.claimCount !== CLAIM_COUNT) throw new Error(`${format} (worker) exported ${result.claimCount} claims, expected ${CLAIM_COUNT}`);
    lines.push(row(`${format} before (worker, use case)`, result.claimCount, result.bytes, result.elapsedMs, childMemory(result)));
  }
  for (const format of EXPORT_FORMATS) {
    const result = await runChild(server, workspace.id, format);
    if (result.claimCount !== CLAIM_COUNT) throw new Error(`${format} exported ${result.claimCount} claims, expected ${CLAIM_COUNT}`);
    lines.push(row(`${format} (use case)`, result.claimCount, result.bytes, result.elapsedMs, childMemory(result)));
  }
  // Whether memory stays flat: the same growth for no claims, 10,000 and 100,000.
  const sinceFor = (claims: number) => new Date(Date.UTC(2026, 0, 1) + (CLAIM_COUNT - claims + 1) * 1000).toISOString();
  const probes = [await runChild(server, workspace.id, "jsonl", { since: sinceFor(0) }), await runChild(server, workspace.id, "jsonl", { since: sinceFor(10_000) })];
  lines.push(`jsonl RSS growth by size: ${probes.map((probe) => `${probe.claimCount.toLocaleString("en")} claims → ${(probe.rssPeakMb - probe.rssBaselineMb).toFixed(0)} MB`).join("; ")}`);

  // The production server as `npm start` runs it: its process tree's RSS during each export over
  // HTTP, from just before it. This 2-core machine is shared, so load from elsewhere swings single
  // runs by a third: each format is warmed up once (1,000 claims, untimed), then exported twice and
  // the faster run is reported (memory: the larger growth), against the faster of two COPYs.
  const copyAgain = await copyWithPsql(server.databaseUrl, workspace.id);
  const httpCopy = copyAgain.elapsedMs < copy.elapsedMs ? copyAgain : copy;
  lines.push(`HTTP runs below: the faster of two after a warm-up; ÷ COPY there is to the faster psql COPY (${(copy.elapsedMs / 1000).toFixed(2)} s, ${(copyAgain.elapsedMs / 1000).toFixed(2)} s)`);
  for (const format of EXPORT_FORMATS) {
    const warmUp = await server.api(`/api/v1/workspaces/${workspace.id}/export?format=${format}&since=${encodeURIComponent(sinceFor(1_000))}`);
    if (!warmUp.ok || !warmUp.body) throw new Error(`HTTP export answered ${warmUp.status}: ${await warmUp.text()}`);
    await countBytes(warmUp.body);
    let best: { claims: number; bytes: number; elapsedMs: number } | undefined;
    let worstGrowthMb = 0;
    let memory = "";
    for (let run = 0; run < 2; run++) {
      const serverRssBaseline = await processTreeRss(server.serverPid);
      let serverRssPeak = serverRssBaseline;
      const serverSampler = setInterval(() => void processTreeRss(server.serverPid).then((rss) => (serverRssPeak = Math.max(serverRssPeak, rss))), 20);
      const httpStarted = performance.now();
      // The bytes COPY sends, uncompressed, as the baseline's are (a client that asks for gzip gets a
      // compressed CSV, whose cost is the compression's, not the export's); read with undici's
      // `request` (Node streams), as psql reads its COPY, not through a web stream that costs the
      // shared 2 cores more than the server's own forwarding.
      const response = await request(`${server.baseUrl}/api/v1/workspaces/${workspace.id}/export?format=${format}`, {
        headers: { authorization: `Bearer ${server.token}`, "accept-encoding": "identity" },
      });
      if (response.statusCode !== 200) throw new Error(`HTTP export answered ${response.statusCode}: ${await response.body.text()}`);
      if (response.headers["content-encoding"]) throw new Error(`The bench asked for identity but got ${String(response.headers["content-encoding"])}`);
      let httpBytes = 0;
      for await (const chunk of response.body as AsyncIterable<Buffer>) httpBytes += chunk.length;
      const elapsedMs = performance.now() - httpStarted;
      clearInterval(serverSampler);
      if (!best || elapsedMs < best.elapsedMs) best = { claims: Number(response.headers["x-claim-count"]), bytes: httpBytes, elapsedMs };
      if (run === 0 || serverRssPeak - serverRssBaseline > worstGrowthMb) {
        worstGrowthMb = serverRssPeak - serverRssBaseline;
        memory = `server +${worstGrowthMb.toFixed(0)} MB (${serverRssBaseline.toFixed(0)} → ${serverRssPeak.toFixed(0)} MB)`;
      }
    }
    if (best) lines.push(row(`${format} over HTTP`, best.claims, best.bytes, best.elapsedMs, memory, httpCopy));
  }
  return lines;
}

async function countBytes(stream: ReadableStream<Uint8Array>): Promise<number> {
  const reader = stream.getReader();
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return bytes;
    bytes += value.byteLength;
  }
}

export async function seedClaims(server: Pick<BenchServer, "db" | "databaseUrl" | "user">, workspaceId: string): Promise<void> {
  const passageIds: string[] = [];
  for (let i = 0; i < PASSAGE_COUNT; i++) {
    const text = `Bench passage ${i}. The harbour handled ${i} million containers in 2025. Critics say the dredging cost ${900 + i} million euros. `.repeat(20);
    const passage = await createPassageRecord(server.db, {
      workspaceId,
      createdById: server.user.id,
      title: `Export bench passage ${i}`,
      text,
      sourceUrl: `https://news.example.org/bench/${i}`,
      publisher: "Bench Times",
      author: "Bench Author",
    });
    passageIds.push(passage.id);
  }
  const client = new pg.Client({ connectionString: server.databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "Claim" ("id", "workspaceId", "passageId", "statement", "label", "state", "verdictNote", "exact", "prefix", "suffix", "start", "end", "createdById", "createdAt", "updatedAt")
       SELECT 'bench-claim-' || g, $1, ($2::text[])[1 + g % ${PASSAGE_COUNT}],
         'The harbour handled ' || g || ' containers, said the minister', (ARRAY['factual','opinion','disputed'])[1 + g % 3]::"ClaimLabel", 'verified',
         CASE WHEN g % 2 = 0 THEN 'Checked against the port statistics, row ' || g END,
         'The harbour handled', 'Bench passage 1. ', ' 1 million containers', 17, 36, $3,
         timestamp '2026-01-01' + g * interval '1 second', timestamp '2026-01-01' + g * interval '1 second'
       FROM generate_series(1, ${CLAIM_COUNT}) AS g`,
      [workspaceId, passageIds, server.user.id],
    );
    const evidence = await client.query<{ id: string }>(
      `INSERT INTO "Evidence" ("id", "workspaceId", "kind", "url", "title", "publisher", "createdById", "updatedAt")
       VALUES ('bench-evidence-' || $1, $1, 'web', 'https://port.example.org/statistics-' || $1, 'Port statistics', 'Port authority', $2, now()) RETURNING "id"`,
      [workspaceId, server.user.id],
    );
    await client.query(
      `INSERT INTO "ClaimEvidence" ("id", "workspaceId", "claimId", "evidenceId", "stance", "createdById", "createdAt")
       SELECT 'bench-link-' || g, $1, 'bench-claim-' || g, $2, (ARRAY['supports','refutes','context'])[1 + g % 3]::"EvidenceStance", $3, timestamp '2026-01-01'
       FROM generate_series(1, ${CLAIM_COUNT}) AS g`,
      [workspaceId, evidence.rows[0]?.id, server.user.id],
    );
    await client.query(`ANALYZE "Passage"; ANALYZE "Claim"; ANALYZE "ClaimEvidence"; ANALYZE "Evidence";`);
  } finally {
    await client.end();
  }
}

/** Runs one export in a fresh Node process (this file with CHILD_FLAG) and reads its measurements. */
export function runChild(
  server: Pick<BenchServer, "databaseUrl" | "user">,
  workspaceId: string,
  format: ExportFormat,
  options: { since?: string; workerPath?: boolean } = {},
): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        ...(launcherEnv().EXPORT_CHILD_FLAGS?.split(" ") ?? []),
        "--conditions=react-server",
        "--import",
        "tsx",
        "scripts/bench/export-bench.ts",
        CHILD_FLAG,
        format,
        workspaceId,
        server.user.id,
        options.since ?? "",
        ...(options.workerPath ? [WORKER_PATH_FLAG] : []),
      ],
      {
        env: childProcessEnv({ DATABASE_URL: server.databaseUrl, NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), NODE_ENV: "production" }),
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`The ${format} export child exited with ${code}: ${output}`));
      resolve(JSON.parse(output.trim().split("\n").at(-1) ?? "{}") as ChildResult);
    });
  });
}

function copySql(workspaceId: string): string {
  return `COPY (SELECT c."id", c."statement", c."label", c."state", c."verdictNote", c."exact", c."prefix", c."suffix", c."start", c."end",
      p."id", p."title", p."sourceUrl", p."publisher", p."author", p."publishedAt",
      (SELECT string_agg(l."stance" || ': ' || coalesce(e."title", e."url"), E'\\n' ORDER BY l."createdAt", l."id")
         FROM "ClaimEvidence" l JOIN "Evidence" e ON e."id" = l."evidenceId" WHERE l."claimId" = c."id" AND l."deletedAt" IS NULL),
      c."createdAt", c."updatedAt"
    FROM "Claim" c JOIN "Passage" p ON p."id" = c."passageId"
    WHERE c."workspaceId" = '${workspaceId.replace(/'/g, "''")}' AND c."deletedAt" IS NULL AND c."state" = 'verified' AND p."deletedAt" IS NULL
    ORDER BY c."createdAt", c."id") TO STDOUT WITH (FORMAT csv, HEADER)`;
}

async function copyWithNode(databaseUrl: string, workspaceId: string): Promise<{ bytes: number; elapsedMs: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const started = performance.now();
    let bytes = 0;
    for await (const chunk of client.query(copyTo(copySql(workspaceId))) as AsyncIterable<Buffer>) bytes += chunk.byteLength;
    return { bytes, elapsedMs: performance.now() - started };
  } finally {
    await client.end();
  }
}

async function copyWithPsql(databaseUrl: string, workspaceId: string): Promise<{ bytes: number; elapsedMs: number }> {
  const sql = copySql(workspaceId);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const psql = spawn("psql", [databaseUrl, "-X", "-q", "-c", sql], { stdio: ["ignore", "pipe", "inherit"] });
    let bytes = 0;
    psql.stdout.on("data", (chunk: Buffer) => (bytes += chunk.byteLength));
    psql.on("error", (error) => reject(new Error(`psql is needed for the COPY comparison: ${error.message}`)));
    psql.on("exit", (code) => (code === 0 ? resolve({ bytes, elapsedMs: performance.now() - started }) : reject(new Error(`psql exited with ${code}`))));
  });
}

/** In the child: export once, sampling RSS every 20 ms, and print one JSON line of results. */
async function runExportInThisProcess(format: ExportFormat, workspaceId: string, userId: string, since: string | undefined, isWorkerPath: boolean): Promise<void> {
  const { exportClaims, exportConnection } = await import("@/lib/exports/server/export-claims");
  const { runExportWorker } = await import("@/lib/exports/server/run-export-worker");
  const { db } = await import("@/lib/db");
  await db.claim.count({ where: { workspaceId } }); // connect and warm up before the baseline
  const actor = { userId, email: "bench@example.test", name: "Bench", via: "token" as const };
  const rssBaseline = process.memoryUsage.rss();
  let rssPeak = rssBaseline;
  const sample = () => (rssPeak = Math.max(rssPeak, process.memoryUsage.rss()));
  const sampler = setInterval(sample, 20);
  const started = performance.now();
  const download = isWorkerPath
    ? // The path JSONL and CSV took before COPY: the same reader and formatters in the export worker.
      await runExportWorker({
        connection: exportConnection(),
        workspaceId,
        format,
        filters: { state: "verified", since },
        hidesUndecidedLabels: false,
        context: { appUrl: "https://bench.example", workspace: { id: workspaceId, name: "Export bench" }, filterLabel: "verified", exportUrl: "https://bench.example/export" },
      })
    : await exportClaims({ actor, workspaceId, query: { format, state: "verified", since }, appUrl: "https://bench.example" });
  const bytes = await countBytes(download.body);
  const elapsedMs = performance.now() - started;
  clearInterval(sampler);
  sample();
  const megabytes = (value: number) => value / (1024 * 1024);
  const result: ChildResult = { format, claimCount: download.claimCount, bytes, elapsedMs, rssBaselineMb: megabytes(rssBaseline), rssPeakMb: megabytes(rssPeak) };
  console.log(JSON.stringify(result));
  await db.$disconnect();
}

const childAt = process.argv.indexOf(CHILD_FLAG);
if (childAt !== -1) {
  const [format, workspaceId, userId, since] = process.argv.slice(childAt + 1);
  runExportInThisProcess(format as ExportFormat, workspaceId ?? "", userId ?? "", since || undefined, process.argv.includes(WORKER_PATH_FLAG)).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
