import pg from "pg";
import { describe, expect, it } from "vitest";
import type { ExportFormat } from "@/lib/exports/export.schemas";
import type { ExportContext } from "@/lib/exports/export-record";
import { downloadExport, requestExport } from "@/lib/exports/exports.int-helpers";
import { runCopyExport, type CopyExportFormat } from "@/lib/exports/server/copy-export";
import { exportConnection } from "@/lib/exports/server/export-claims";
import type { ExportFilters } from "@/lib/exports/server/read-export-claims";
import { runExportWorker } from "@/lib/exports/server/run-export-worker";
import { configuredDatabaseUrl } from "@/lib/env";
import { createClaimRecord, createPassageRecord, createSnapshotRecord, linkWebEvidenceRecord } from "@/lib/fixtures/factories";
import { createDesk, db } from "@/scripts/test/desk";

// Awkward text for every escaping rule: JSON's and CSV's quoting, COPY's own escapes (backslash,
// tab, line breaks), multi-byte and right-to-left text, and cells a spreadsheet would run.
const AWKWARD = [
  'He said "no", then\nleft',
  "back\\slash \\n not a newline\tand a tab",
  "=HYPERLINK(\"https://evil.example\",\"click\")",
  "+33 1 23 45 67 89",
  "-5 percent",
  "@handle says so",
  "\tleading tab",
  "carriage\r\nreturn, and comma",
  "🚢 harbour 4.2 млн — “quoted”",
  "مرحبا بالعالم، قال الوزير",
  "control \u0001 char and \u2028 separator",
  "'already quoted",
  "lone\rcarriage return",
];

async function awkwardDesk() {
  const desk = await createDesk();
  await db.workspace.update({ where: { id: desk.workspaceId }, data: { isBlindReview: true } });
  const text = `Start. ${AWKWARD.map((value, index) => `Item ${index}: ${value.replace(/[\r\u0001]/g, " ")}.`).join(" ")} The end of the "report", with \\ backslashes.`;
  const main = await createPassageRecord(db, {
    workspaceId: desk.workspaceId,
    createdById: desk.owner.id,
    title: 'Report "A", vol. 2\\3',
    text,
    sourceUrl: "https://news.example.org/report?a=1&b=2",
    publisher: "=Publisher, Inc.",
    author: "Zoë Ørsted",
    publishedAt: new Date("2026-11-20T08:30:00.123Z"),
  });
  const second = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, title: "Second", text: "The second passage, only mentioned by evidence. 🚢" });
  const late = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, title: "Late", text: "A passage first pointed to after the first batch." });
  const gone = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, title: "Gone", text: "A deleted passage." });

  const claims = [];
  for (const [index, value] of AWKWARD.entries()) {
    const claim = await createClaimRecord(db, {
      passage: main,
      exact: `Item ${index}:`,
      createdById: index % 2 ? desk.reviewer.id : desk.editor.id,
      label: (["factual", "opinion", "disputed"] as const)[index % 3],
      state: index % 3 === 0 ? "verified" : "in_review",
      statement: value,
      verdictNote: index % 2 ? AWKWARD[(index + 5) % AWKWARD.length] : undefined,
      verdict: index % 4 === 0 ? "mostly-true" : index % 4 === 1 ? "unproven" : undefined,
    });
    claims.push(claim);
    // Some labels decided by an editor (visible to a blind reviewer), others only proposed (hidden).
    await db.claim.update({
      where: { id: claim.id },
      data: {
        labelDecidedById: index % 2 ? desk.editor.id : null,
        assigneeId: index % 3 === 1 ? desk.reviewer.id : null,
        ...(index % 3 === 0 ? { decidedById: desk.editor.id, decidedAt: new Date(Date.UTC(2026, 10, 21, 10, 0, index)) } : {}),
        createdAt: new Date(Date.UTC(2026, 10, 21, 9, 0, index % 5)), // ties on createdAt: ordered by id
      },
    });
    // One claim without evidence: an empty list, an empty cell.
    if (index === 7) continue;
    await linkWebEvidenceRecord(db, {
      workspaceId: desk.workspaceId,
      claimId: claim.id,
      createdById: desk.editor.id,
      url: `https://source.example.org/${index}?q="${index}"`,
      title: AWKWARD[(index + 1) % AWKWARD.length] ?? "",
      publisher: index % 2 ? "Agency, \"Quotes\"" : undefined,
      quote: index % 3 ? AWKWARD[(index + 2) % AWKWARD.length] : undefined,
      note: index % 2 ? undefined : "A note\nover two lines",
      stance: (["supports", "refutes", "context"] as const)[index % 3] ?? "supports",
    });
    if (index % 2 === 0) {
      await linkWebEvidenceRecord(db, { workspaceId: desk.workspaceId, claimId: claim.id, createdById: desk.reviewer.id, url: "https://shared.example.org/", title: "", stance: "context" });
      const span = await db.evidence.create({
        data: { workspaceId: desk.workspaceId, kind: "passage", passageId: index === 4 ? gone.id : second.id, start: index, end: index + 5, quote: index ? "The second" : null, createdById: desk.editor.id },
      });
      await db.claimEvidence.create({ data: { workspaceId: desk.workspaceId, claimId: claim.id, evidenceId: span.id, stance: "supports", createdById: desk.editor.id, note: "Span, \"noted\"" } });
    }
  }
  // A revised passage: claims exact, changed and orphaned (an orphan's target is in revision 2).
  await db.passage.update({ where: { id: main.id }, data: { revision: 3 } });
  await db.claim.update({ where: { id: claims[2]!.id }, data: { anchorStatus: "changed", anchorConfidence: 0.7, previousQuote: "older words" } });
  await db.claim.update({ where: { id: claims[3]!.id }, data: { anchorStatus: "orphaned", anchorConfidence: 0.5, anchorRevision: 2 } });
  // One source with a stored copy (archivedUrl in JSONL).
  const snapshot = await createSnapshotRecord(db, { workspaceId: desk.workspaceId, url: "https://shared.example.org/", contentType: "text/html", body: "" });
  await db.evidence.updateMany({ where: { workspaceId: desk.workspaceId, url: "https://shared.example.org/" }, data: { snapshotId: snapshot.id, captureStatus: "captured" } });
  await db.claimEvidence.updateMany({ where: { claimId: claims[0]?.id, stance: "context" }, data: { deletedAt: new Date() } });
  await db.claim.update({ where: { id: claims[1]?.id }, data: { deletedAt: new Date() } });
  await db.passage.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });

  // 1,100 more claims, so passages arrive across batches: "late" is first pointed to in the second.
  const client = new pg.Client({ connectionString: configuredDatabaseUrl() });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "Claim" ("id", "workspaceId", "passageId", "statement", "label", "state", "exact", "prefix", "suffix", "start", "end", "createdById", "lastEditedById", "createdAt", "updatedAt")
       SELECT 'bulk-' || $1 || '-' || g, $1, CASE WHEN g > 700 THEN $3 ELSE $2 END, 'Bulk "claim" ' || g || E', \\\\ line\\n two', 'factual', 'draft',
         'Start.', '', ' Item', 0, 6, $4, $4, timestamp '2026-11-22' + g * interval '1 millisecond', timestamp '2026-11-23'
       FROM generate_series(1, 1100) AS g`,
      [desk.workspaceId, main.id, late.id, desk.owner.id],
    );
  } finally {
    await client.end();
  }
  return { ...desk, main, second, late, gone };
}

const contextFor = (desk: { workspaceId: string; workspace: { name: string } }): ExportContext => ({
  appUrl: "https://desk.example",
  workspace: { id: desk.workspaceId, name: desk.workspace.name },
  filterLabel: "a filter",
  exportUrl: `https://desk.example/api/v1/workspaces/${desk.workspaceId}/export?format=jsonl`,
});

async function bytesOf(body: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(body).arrayBuffer());
}

async function bothWays(desk: Awaited<ReturnType<typeof awkwardDesk>>, format: CopyExportFormat, filters: ExportFilters, hidesUndecidedLabels: boolean) {
  const input = { connection: exportConnection(), workspaceId: desk.workspaceId, filters, hidesUndecidedLabels, context: contextFor(desk) };
  const before = await runExportWorker({ ...input, format: format as ExportFormat });
  const after = await runCopyExport({ ...input, format });
  return { before: { count: before.claimCount, bytes: await bytesOf(before.body) }, after: { count: after.claimCount, bytes: await bytesOf(after.body) } };
}

describe("JSONL and CSV rendered by PostgreSQL (COPY)", () => {
  it("gives the same bytes as the Node formatters, for every filter and for blind reviewers", async () => {
    const desk = await awkwardDesk();
    const cases: [ExportFilters, boolean][] = [
      [{ state: "all" }, false],
      [{ state: "all" }, true],
      [{ state: "verified" }, true],
      [{ state: "all", label: "factual" }, true],
      [{ state: "all", label: "none" }, true],
      [{ state: "in_review", assigneeId: desk.reviewer.id }, false],
      [{ state: "all", passageId: desk.late.id }, false],
      [{ state: "all", since: "2026-11-22T00:00:00.000Z" }, false],
      // Releases' words filter: its pattern holds backslashes, which COPY's inlined literal must keep.
      [{ state: "all", q: "back\\slash" }, false],
      [{ state: "all", q: "\"no\"" }, true],
    ];
    for (const format of ["jsonl", "csv"] as const) {
      for (const [filters, hides] of cases) {
        const { before, after } = await bothWays(desk, format, filters, hides);
        expect(after.count, `${format} ${JSON.stringify(filters)} ${hides}`).toBe(before.count);
        expect(after.bytes.toString("utf8"), `${format} ${JSON.stringify(filters)} ${hides}`).toBe(before.bytes.toString("utf8"));
        expect(after.bytes.equals(before.bytes)).toBe(true);
      }
    }
    const all = await bothWays(desk, "jsonl", { state: "all" }, false);
    const lines = all.after.bytes.toString("utf8").trimEnd().split("\n");
    // The export holds what the seed made: 12 live awkward claims + 1,100, three live passages, the late one after claim 500.
    expect(all.after.count).toBe(1112);
    expect(lines.filter((line) => line.startsWith('{"type":"passage"'))).toHaveLength(3);
    expect(lines.findIndex((line) => line.includes(desk.late.id) && line.startsWith('{"type":"passage"'))).toBeGreaterThan(500);
    expect(lines.every((line) => JSON.parse(line) !== null)).toBe(true);
  });

  it("gives the same bytes when two connections share the snapshot and render alternate blocks", async () => {
    const desk = await awkwardDesk();
    const cases: [ExportFilters, boolean][] = [
      [{ state: "all" }, false],
      [{ state: "all" }, true],
      [{ state: "all", label: "none" }, true],
      [{ state: "all", q: "back\\slash" }, false],
    ];
    for (const format of ["jsonl", "csv"] as const) {
      for (const [filters, hides] of cases) {
        const input = { connection: exportConnection(), workspaceId: desk.workspaceId, format, filters, hidesUndecidedLabels: hides, context: contextFor(desk) };
        const single = await runCopyExport(input);
        const expected = await bytesOf(single.body);
        // Blocks of 7 claims (the JSONL batches of 500 straddle them), and of 600 (two blocks).
        for (const blockClaims of [7, 600]) {
          const lanes = await runCopyExport({ ...input, lanes: { blockClaims, fromClaims: 0 } });
          expect(lanes.claimCount).toBe(single.claimCount);
          const bytes = await bytesOf(lanes.body);
          expect(bytes.toString("utf8"), `${format} ${JSON.stringify(filters)} ${hides} blocks of ${blockClaims}`).toBe(expected.toString("utf8"));
        }
      }
    }
    // While the COPYs stream, both connections read the same snapshot: a claim deleted meanwhile is still exported.
    const input = { connection: exportConnection(), workspaceId: desk.workspaceId, format: "csv" as const, filters: { state: "all" as const }, hidesUndecidedLabels: false, context: contextFor(desk) };
    const before = await bytesOf((await runCopyExport(input)).body);
    const run = await runCopyExport({ ...input, lanes: { blockClaims: 7, fromClaims: 0 } });
    await db.claim.updateMany({ where: { workspaceId: desk.workspaceId, id: { startsWith: "bulk-" } }, data: { deletedAt: new Date() } });
    expect(run.claimCount).toBe(1112);
    expect((await bytesOf(run.body)).equals(before)).toBe(true);
    expect((await runCopyExport(input)).claimCount).toBe(12);
  });

  it("serves the COPY's bytes over the export route with the claim count", async () => {
    const desk = await awkwardDesk();
    for (const format of ["jsonl", "csv"] as const) {
      const response = await downloadExport(desk.reviewer, desk.workspaceId, { format, state: "all" });
      expect(response.status).toBe(200);
      expect(response.headers.get("x-claim-count")).toBe("1112");
      const { before } = await bothWays(desk, format, { state: "all" }, true);
      // The route's context differs (origin, filter label, export URL) only in the JSONL header line.
      const text = response.text.replace(/^\uFEFF?[^\n]*\n/, "");
      expect(text).toBe(before.bytes.toString("utf8").replace(/^\uFEFF?[^\n]*\n/, "").replaceAll("https://desk.example", "http://localhost:3000"));
    }
  });

  it("stops the COPY and ends its connection when the download is cancelled", async () => {
    const desk = await awkwardDesk();
    const exportSessions = () =>
      db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM pg_stat_activity WHERE application_name = 'claimdesk-export' AND pid <> pg_backend_pid()`;
    for (const format of ["jsonl", "csv"] as const) {
      const response = await requestExport(desk.viewer, desk.workspaceId, { format, state: "all" });
      const reader = response.body!.getReader();
      expect((await reader.read()).done).toBe(false);
      expect((await exportSessions())[0]?.count).toBe(1);
      await reader.cancel();
      await expect.poll(async () => (await exportSessions())[0]?.count).toBe(0);
    }
    // The slots were given back: as many exports as the user may run at once still start.
    for (let i = 0; i < 3; i++) expect((await downloadExport(desk.viewer, desk.workspaceId, { format: "csv", state: "all" })).status).toBe(200);
  });
});
