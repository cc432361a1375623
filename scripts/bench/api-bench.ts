import { Agent, request } from "undici";
import { createPassageRecord, linkWebEvidenceRecord } from "@/lib/fixtures/factories";
import type { BenchServer } from "./bench-server";
import { ms, processTreeCpuMs } from "./bench-server";

/** Concurrent connections of the throughput phases, as in issue 17's table. */
const CONNECTIONS = 20;
const PHASE_MS = 4_000;
/** Health is measured right before and right after each read, so each ratio has its own reference. */
const HEALTH_PHASE_MS = 2_000;
/** Every target is requested this long, unmeasured, before any phase is measured (the server's JIT is cold at first). */
const WARM_UP_MS = 2_000;
const SEQUENTIAL_RUNS = 200;
const RUNS_PER_BLOCK = 20;
const PASSAGE_CLAIMS = 200;

type Target = { method: "GET" | "PATCH" | "POST"; path: string; headers?: Record<string, string>; body?: () => string; expect: number };
/** `cpuMs`: the web server's CPU time per request (PostgreSQL's not included), steadier than req/s on a busy machine. */
type Throughput = { requests: number; perSecond: number; p50: number; p99: number; bytes: number; cpuMs: number };

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
type Latency = { p50: number; p99: number };
const latencyOf = (latencies: number[]): Latency => {
  const sorted = latencies.toSorted((a, b) => a - b);
  return { p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99) };
};

/**
 * The API's read and write costs as ratios to `GET /api/health` measured in the same run (this
 * 2-core machine is noisy, so only ratios compare across runs): throughput over 20 keep-alive
 * connections for reads, latency one request at a time for writes. A load loop over undici's
 * `request` (autocannon's technique, without the dependency).
 */
export async function benchApi(server: BenchServer): Promise<string[]> {
  const { passageId, claimIds, evidenceClaimId } = await seedPassage(server);
  const agent = new Agent({ connections: CONNECTIONS, keepAliveTimeout: 30_000, pipelining: 1 });
  const auth = { authorization: `Bearer ${server.token}` };
  const send = async (target: Target): Promise<{ status: number; bytes: number; etag: string | undefined }> => {
    const response = await request(`${server.baseUrl}${target.path}`, {
      method: target.method,
      dispatcher: agent,
      headers: { ...auth, ...(target.body ? { "content-type": "application/json" } : {}), ...target.headers },
      body: target.body?.(),
    });
    const body = await response.body.arrayBuffer();
    if (response.statusCode !== target.expect) {
      throw new Error(`${target.method} ${target.path} answered ${response.statusCode}, not ${target.expect}: ${new TextDecoder().decode(body).slice(0, 300)}`);
    }
    const etag = response.headers.etag;
    return { status: response.statusCode, bytes: body.byteLength, etag: typeof etag === "string" ? etag : undefined };
  };

  const load = async (target: Target, phaseMs = PHASE_MS, warmUpMs = 0): Promise<Throughput> => {
    const latencies: number[] = [];
    let bytes = 0;
    const warmUntil = performance.now() + warmUpMs;
    const endAt = warmUntil + phaseMs;
    const worker = async () => {
      for (;;) {
        const started = performance.now();
        if (started >= endAt) return;
        const { bytes: size } = await send(target);
        const done = performance.now();
        if (started >= warmUntil) {
          latencies.push(done - started);
          bytes += size;
        }
      }
    };
    let cpuAtStart = 0;
    const startCpuClock = async () => {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, warmUntil - performance.now())));
      cpuAtStart = await processTreeCpuMs(server.serverPid);
    };
    await Promise.all([...Array.from({ length: CONNECTIONS }, worker), startCpuClock()]);
    const cpuMs = (await processTreeCpuMs(server.serverPid)) - cpuAtStart;
    return { requests: latencies.length, perSecond: latencies.length / (phaseMs / 1000), ...latencyOf(latencies), bytes: bytes / Math.max(1, latencies.length), cpuMs: cpuMs / Math.max(1, latencies.length) };
  };

  /**
   * Writes one at a time against health one at a time, in alternating blocks of RUNS_PER_BLOCK: each
   * request path runs in its own steady state (as a loop of one kind of request does), and both are
   * sampled across the same stretch of the run, so a machine that speeds up or slows down (health
   * one at a time moved between 1.2 and 3.0 ms from one run to the next) moves both.
   */
  const inBlocksWithHealth = async (writeOf: (run: number) => Target): Promise<{ write: Latency; health: Latency }> => {
    const writes: number[] = [];
    const healths: number[] = [];
    const timed = async (target: Target, into: number[]) => {
      const started = performance.now();
      await send(target);
      into.push(performance.now() - started);
    };
    for (let run = 0; run < SEQUENTIAL_RUNS; run += RUNS_PER_BLOCK) {
      for (let step = 0; step < RUNS_PER_BLOCK; step++) await timed(health, healths);
      for (let step = 0; step < RUNS_PER_BLOCK; step++) await timed(writeOf(run + step), writes);
    }
    return { write: latencyOf(writes), health: latencyOf(healths) };
  };

  const health: Target = { method: "GET", path: "/api/health", expect: 200 };
  const list: Target = { method: "GET", path: `/api/v1/passages/${passageId}/claims?all=true`, expect: 200 };
  const single: Target = { method: "GET", path: `/api/v1/claims/${evidenceClaimId}`, expect: 200 };
  const listEtag = (await send(list)).etag;
  const listRevalidated: Target | null = listEtag ? { ...list, headers: { "if-none-match": listEtag }, expect: 304 } : null;

  // Every target warmed first, so no phase pays for the JIT or a cold pool; then each read between a
  // health phase right before and one right after: their mean is that read's reference, their
  // spread shows how noisy the machine was meanwhile.
  const reads = [list, ...(listRevalidated ? [listRevalidated] : []), single];
  for (const target of [health, ...reads]) await load(target, 0, WARM_UP_MS);
  const measured = new Map<Target, { load: Throughput; before: Throughput; after: Throughput; reference: number }>();
  for (const target of reads) {
    const before = await load(health, HEALTH_PHASE_MS);
    const targetLoad = await load(target);
    const after = await load(health, HEALTH_PHASE_MS);
    measured.set(target, { load: targetLoad, before, after, reference: (before.perSecond + after.perSecond) / 2 });
  }
  const measurementOf = (target: Target) => {
    const found = measured.get(target);
    if (!found) throw new Error(`${target.path} was not measured`);
    return found;
  };
  const listRun = measurementOf(list);
  const singleRun = measurementOf(single);
  const notModifiedRun = listRevalidated ? measurementOf(listRevalidated) : null;

  const versions = new Map<string, number>();
  for (const id of claimIds) versions.set(id, 1);
  const labels = ["factual", "opinion", "disputed"] as const;
  const relabel = await inBlocksWithHealth((run): Target => {
    const claimId = claimIds[run % claimIds.length] as string;
    const version = versions.get(claimId) ?? 1;
    versions.set(claimId, version + 1);
    return {
      method: "PATCH",
      path: `/api/v1/claims/${claimId}`,
      headers: { "if-match": `"${version}"` },
      body: () => JSON.stringify({ label: labels[run % labels.length] }),
      expect: 200,
    };
  });
  const createPassage = await createPassageRecord(server.db, {
    workspaceId: server.workspaceId,
    createdById: server.user.id,
    text: Array.from({ length: SEQUENTIAL_RUNS }, (_, i) => `Created sentence number ${i} says the port grew ${i} percent.`).join(" "),
  });
  const create = await inBlocksWithHealth((run): Target => ({
    method: "POST",
    path: `/api/v1/passages/${createPassage.id}/claims`,
    body: () => JSON.stringify({ exact: `Created sentence number ${run} says` }),
    expect: 201,
  }));
  await agent.close();

  const percent = (run: { load: Throughput; reference: number }) => `${((100 * run.load.perSecond) / run.reference).toFixed(0)}% of health`;
  const writeCell = ({ write, health: alongside }: { write: Latency; health: Latency }) =>
    `${(write.p50 / alongside.p50).toFixed(1)}× health (p50 ${ms(write.p50)}, p99 ${ms(write.p99)}; health in between p50 ${ms(alongside.p50)})`;
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  const row = (what: string, now: string, goal: string) => `| ${what} | ${now} | ${goal} |`;
  const readCell = (run: { load: Throughput; before: Throughput; after: Throughput; reference: number }) =>
    `${percent(run)} (${run.load.perSecond.toFixed(0)} req/s), p50 ${ms(run.load.p50)}, p99 ${ms(run.load.p99)}; server CPU ${ms(run.load.cpuMs)}/request (health ${ms((run.before.cpuMs + run.after.cpuMs) / 2)})`;
  // Health's own latency under the same 20 connections: the floor any read's p50 and p99 stand on here.
  const healthLine = (what: string, run: { before: Throughput; after: Throughput; reference: number }) =>
    `- ${what}: health ${run.before.perSecond.toFixed(0)} req/s (p50 ${ms(run.before.p50)}, p99 ${ms(run.before.p99)}) right before, ` +
    `${run.after.perSecond.toFixed(0)} (p50 ${ms(run.after.p50)}, p99 ${ms(run.after.p99)}) right after (reference ${run.reference.toFixed(0)} req/s)`;
  return [
    `Throughput over ${CONNECTIONS} keep-alive connections after ${WARM_UP_MS / 1000} s of warm-up per target; each read ${PHASE_MS / 1000} s between two ${HEALTH_PHASE_MS / 1000} s health phases (its reference); writes ${SEQUENTIAL_RUNS} one at a time, in blocks of ${RUNS_PER_BLOCK} alternating with blocks of health one at a time (its reference).`,
    healthLine("list", listRun),
    ...(notModifiedRun ? [healthLine("list 304", notModifiedRun)] : []),
    healthLine("single claim", singleRun),
    `- health one at a time, in the blocks between the relabels': p50 ${ms(relabel.health.p50)}, p99 ${ms(relabel.health.p99)}; between the creates': p50 ${ms(create.health.p50)}, p99 ${ms(create.health.p99)}`,
    "",
    "| Request | This run | Goal |",
    "| --- | --- | --- |",
    row(`\`GET /api/v1/passages/{id}/claims\`, ${PASSAGE_CLAIMS} claims (${kb(listRun.load.bytes)})`, readCell(listRun), "≥ 35%, p99 ≤ 50 ms"),
    ...(notModifiedRun ? [row("… the same with `If-None-Match` (304)", readCell(notModifiedRun), "")] : [row("… the same with `If-None-Match`", "no ETag sent", "")]),
    row("`GET /api/v1/claims/{id}` (3 evidence links)", readCell(singleRun), "≥ 50%"),
    row("Relabel (`PATCH` with If-Match), one at a time", writeCell(relabel), "≤ 3×; ≤ 2 round trips"),
    row("`POST` a claim, one at a time", writeCell(create), "≤ 2 round trips"),
    "",
    "Statement counts are pinned by the integration tests (recordQueries), not measured here: see docs/benchmarks.md.",
  ];
}

/** A passage of 200 claims with statements, notes and evidence of realistic length (~156 KB as list JSON). */
async function seedPassage(server: BenchServer): Promise<{ passageId: string; claimIds: string[]; evidenceClaimId: string }> {
  const sentences = Array.from(
    { length: PASSAGE_CLAIMS },
    (_, i) => `In ${2000 + (i % 25)} the harbour authority reported ${(i * 1.7).toFixed(1)} million containers, sentence ${i} of the annual review.`,
  );
  const passage = await createPassageRecord(server.db, {
    workspaceId: server.workspaceId,
    createdById: server.user.id,
    title: "Harbour annual review (API bench)",
    text: sentences.join(" "),
  });
  let offset = 0;
  const spans = sentences.map((sentence) => {
    const start = offset;
    offset += sentence.length + 1;
    return { start, end: start + sentence.length, exact: sentence };
  });
  await server.db.claim.createMany({
    data: spans.map((span, i) => ({
      workspaceId: server.workspaceId,
      passageId: passage.id,
      createdById: server.user.id,
      lastEditedById: server.user.id,
      statement: `${span.exact} Checked against the authority's published tables and the minister's speech.`,
      label: i % 4 === 0 ? null : (["factual", "opinion", "disputed"] as const)[i % 3],
      verdictNote: i % 2 === 0 ? "The published table gives the same figure; the speech rounds it up by a tenth." : null,
      exact: span.exact,
      prefix: passage.text.slice(Math.max(0, span.start - 32), span.start),
      suffix: passage.text.slice(span.end, span.end + 32),
      start: span.start,
      end: span.end,
    })),
  });
  const claims = await server.db.claim.findMany({ where: { passageId: passage.id }, orderBy: { start: "asc" }, select: { id: true } });
  const evidenceClaimId = claims[0]?.id;
  if (!evidenceClaimId) throw new Error("The bench passage has no claims");
  for (const [index, stance] of (["supports", "refutes", "context"] as const).entries()) {
    await linkWebEvidenceRecord(server.db, {
      workspaceId: server.workspaceId,
      claimId: evidenceClaimId,
      createdById: server.user.id,
      url: `https://stats.example.org/harbour/${index}`,
      title: `Harbour statistics table ${index}`,
      publisher: "Harbour authority",
      quote: "Containers handled: 4.2 million",
      stance,
      note: "Table 3",
    });
  }
  // Relabels go to other claims than the one read, so the single read's answer stays the same size.
  return { passageId: passage.id, claimIds: claims.slice(1).map((claim) => claim.id), evidenceClaimId };
}
