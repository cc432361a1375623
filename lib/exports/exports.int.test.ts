import { parse as parseCsv } from "csv-parse/sync";
import jsonld from "jsonld";
import { describe, expect, it } from "vitest";
import { POST as addEvidenceRoute } from "@/app/api/v1/claims/[claimId]/evidence/route";
import { PATCH as patchClaimRoute } from "@/app/api/v1/claims/[claimId]/route";
import { POST as createClaimRoute } from "@/app/api/v1/passages/[passageId]/claims/route";
import { GET as exportRoute } from "@/app/api/v1/workspaces/[workspaceId]/export/route";
import type { Claim } from "@/lib/claims/claim.schemas";
import { createNewsPassages, downloadExport, HARBOUR, localDocumentLoader, requestExport } from "@/lib/exports/exports.int-helpers";
import { openApiDocument } from "@/lib/openapi/openapi-document";
import { PASSAGE_TEXT_LIMIT_BYTES } from "@/lib/passages/passage.schemas";
import { exportConnection } from "@/lib/exports/server/export-claims";
import { openExportReader } from "@/lib/exports/server/read-export-claims";
import { createClaimRecord, createPassageRecord, createWorkspaceRecord, linkWebEvidenceRecord } from "@/lib/fixtures/factories";
import { callRoute } from "@/scripts/test/route-client";
import { createDesk, db } from "@/scripts/test/desk";


/** A desk with verified claims of every kind (one verified through the API, so the audit log names the editor), plus a draft. */
async function exportDesk() {
  const desk = await createDesk();
  const { harbour, minister } = await createNewsPassages(desk);

  const created = await callRoute(createClaimRoute, "POST", `/api/v1/passages/${harbour.id}/claims`, {
    as: desk.reviewer,
    params: { passageId: harbour.id },
    body: { exact: "The harbour handled 4.2 million containers in 2025.", label: "factual" },
  });
  const viaApi = created.body as Claim;
  await callRoute(addEvidenceRoute, "POST", `/api/v1/claims/${viaApi.id}/evidence`, {
    as: desk.reviewer,
    params: { claimId: viaApi.id },
    body: { stance: "supports", url: "https://port.example.org/2025", title: "Port statistics 2025", publisher: "Port authority", quote: "4.2 million TEU" },
  });
  await callRoute(addEvidenceRoute, "POST", `/api/v1/claims/${viaApi.id}/evidence`, {
    as: desk.reviewer,
    params: { claimId: viaApi.id },
    body: { stance: "context", passageId: minister.id, start: 0, end: 12 },
  });
  const patch = (claimId: string, body: unknown, version: number, as = desk.editor) =>
    callRoute(patchClaimRoute, "PATCH", `/api/v1/claims/${claimId}`, { as, params: { claimId }, body, headers: { "if-match": `"${version}"` } });
  expect((await patch(viaApi.id, { state: "in_review", verdictNote: "Matches the port's own figures." }, 1)).status).toBe(200);
  expect((await patch(viaApi.id, { verdict: "mostly-true", state: "verified" }, 2)).status).toBe(200);

  const formula = await createClaimRecord(db, {
    passage: harbour,
    exact: "Frankly, the waterfront has never looked better.",
    createdById: desk.reviewer.id,
    label: "opinion",
    state: "verified",
    statement: '=HYPERLINK("https://evil.example","click")',
    verdictNote: "+1 said the mayor, \"quoted\", with a comma\nand a second line",
  });
  const disputed = await createClaimRecord(db, {
    passage: minister,
    exact: "unemployment fell to 5.1 percent in October",
    createdById: desk.reviewer.id,
    label: "disputed",
    state: "verified",
    verdict: "misleading",
  });
  await linkWebEvidenceRecord(db, { workspaceId: desk.workspaceId, claimId: disputed.id, createdById: desk.reviewer.id, url: "https://stats.example.org/oct", title: "@Stats", stance: "refutes" });
  const draft = await createClaimRecord(db, { passage: harbour, exact: "Critics say the dredging cost 900 million euros.", createdById: desk.reviewer.id, label: "factual" });
  return { ...desk, harbour, minister, claims: { viaApi, formula, disputed, draft } };
}

describe("GET /workspaces/{id}/export", () => {
  it("streams RFC 4180 CSV with a BOM, a header, evidence in one cell and formulas neutralized", async () => {
    const desk = await exportDesk();
    const response = await downloadExport(desk.viewer, desk.workspaceId, { format: "csv" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get("x-claim-count")).toBe("3");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="claimdesk-workspace-[a-z0-9-]+-verified-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect([...response.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(response.text).toContain("\r\n");

    const rows = parseCsv(response.bytes, { bom: true, columns: true, relax_column_count: false }) as Record<string, string>[];
    expect(rows).toHaveLength(3);
    const byId = new Map(rows.map((row) => [row.claim_id, row]));
    const formula = byId.get(desk.claims.formula.id);
    expect(formula?.statement).toBe(`'=HYPERLINK("https://evil.example","click")`);
    expect(formula?.verdict_note).toBe("'+1 said the mayor, \"quoted\", with a comma\nand a second line");
    const viaApi = byId.get(desk.claims.viaApi.id);
    expect(viaApi).toMatchObject({ label: "factual", state: "verified", verdict: "mostly-true", verdict_name: "Mostly true", passage_title: "Harbour report", passage_author: "Ada Reporter", evidence_count: "2", verified_by: desk.editor.name });
    expect(viaApi?.evidence?.split("\n")).toEqual([
      "supports: Port statistics 2025 (Port authority) <https://port.example.org/2025> “4.2 million TEU”",
      `context: Minister interview [passage ${desk.minister.id} 0–12] “The minister”`,
    ]);
    expect(byId.get(desk.claims.disputed.id)?.evidence).toBe("refutes: @Stats <https://stats.example.org/oct>");
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("writes JSONL: a header, each passage once with its text, then one claim per line with selectors, evidence and reviewers", async () => {
    const desk = await exportDesk();
    const response = await downloadExport(desk.viewer, desk.workspaceId, { format: "jsonl" });
    expect(response.status).toBe(200);
    const lines = response.text.trimEnd().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ type: "export", format: "claimdesk.claims", version: 1, workspace: { id: desk.workspaceId } });
    const passages = lines.filter((line) => line.type === "passage");
    expect(passages.map((line) => line.id).sort()).toEqual([desk.harbour.id, desk.minister.id].sort());
    expect(passages.find((line) => line.id === desk.harbour.id)).toMatchObject({ text: HARBOUR, sourceUrl: "https://news.example.org/harbour" });
    const claims = lines.filter((line) => line.type === "claim");
    expect(claims).toHaveLength(3);
    const firstClaimLine = lines.findIndex((line) => line.type === "claim" && (line.passage as { id: string }).id === desk.minister.id);
    expect(lines.findIndex((line) => line.type === "passage" && line.id === desk.minister.id)).toBeLessThan(firstClaimLine);
    expect(claims.find((line) => line.id === desk.claims.viaApi.id)).toMatchObject({
      passage: { id: desk.harbour.id, title: "Harbour report", sourceUrl: "https://news.example.org/harbour", publisher: "Harbour Times", author: "Ada Reporter", publishedAt: "2026-11-20T00:00:00.000Z" },
      target: {
        selector: [
          { type: "TextQuoteSelector", exact: "The harbour handled 4.2 million containers in 2025.", prefix: "", suffix: expect.any(String) },
          { type: "TextPositionSelector", start: 0, end: 51 },
        ],
      },
      label: "factual",
      state: "verified",
      verdict: { key: "mostly-true", name: "Mostly true", value: 4 },
      verdictNote: "Matches the port's own figures.",
      evidence: [
        { stance: "supports", kind: "web", url: "https://port.example.org/2025", title: "Port statistics 2025", publisher: "Port authority", quote: "4.2 million TEU" },
        { stance: "context", kind: "passage", passageId: desk.minister.id, start: 0, end: 12, quote: "The minister" },
      ],
      reviewers: { createdBy: { id: desk.reviewer.id }, assignee: null, verifiedBy: { id: desk.editor.id, name: desk.editor.name } },
      url: `http://localhost:3000/w/${desk.workspaceId}/passages/${desk.harbour.id}?claim=${desk.claims.viaApi.id}`,
    });
  });

  it("reads who verified a claim from the claim's own columns, not from the audit log", async () => {
    const desk = await exportDesk();
    await db.auditEvent.deleteMany({ where: { claimId: desk.claims.viaApi.id } });
    const decided = await db.claim.findUniqueOrThrow({ where: { id: desk.claims.viaApi.id }, select: { decidedById: true, decidedAt: true } });
    expect(decided.decidedById).toBe(desk.editor.id);
    const response = await downloadExport(desk.viewer, desk.workspaceId, { format: "jsonl" });
    const lines = response.text.trimEnd().split("\n").map((line) => JSON.parse(line) as { id?: string; reviewers?: { verifiedBy?: unknown } });
    expect(lines.find((line) => line.id === desk.claims.viaApi.id)?.reviewers?.verifiedBy).toEqual({ id: desk.editor.id, name: desk.editor.name, at: decided.decidedAt?.toISOString() });
  });

  it("writes schema.org ClaimReview JSON-LD whose every term expands to a schema.org IRI", async () => {
    const desk = await exportDesk();
    const response = await downloadExport(desk.viewer, desk.workspaceId, { format: "claimreview" });
    expect(response.headers.get("content-type")).toMatch(/^application\/ld\+json/);
    const document = JSON.parse(response.text) as { "@context": string; "@graph": Record<string, unknown>[] };
    expect(document["@context"]).toBe("https://schema.org");
    expect(document["@graph"]).toHaveLength(3);
    expect(document["@graph"].find((node) => node.claimReviewed === "The harbour handled 4.2 million containers in 2025.")).toMatchObject({
      "@type": "ClaimReview",
      url: `http://localhost:3000/w/${desk.workspaceId}/passages/${desk.harbour.id}?claim=${desk.claims.viaApi.id}`,
      author: { "@type": "Organization", name: desk.workspace.name },
      reviewRating: { "@type": "Rating", alternateName: "Mostly true", ratingValue: 4, bestRating: 5, worstRating: 1, ratingExplanation: "Matches the port's own figures." },
      itemReviewed: {
        "@type": "Claim",
        author: { "@type": "Person", name: "Ada Reporter" },
        datePublished: "2026-11-20",
        appearance: { "@type": "CreativeWork", url: "https://news.example.org/harbour", headline: "Harbour report" },
      },
    });
    const disputed = document["@graph"].find((node) => node.claimReviewed === "unemployment fell to 5.1 percent in October");
    // A rating outside the numeric scale is named, never numbered; an opinion has no verdict, so no rating.
    expect(disputed?.reviewRating).toEqual({ "@type": "Rating", alternateName: "Misleading" });
    expect(document["@graph"].find((node) => String(node.claimReviewed).startsWith("=HYPERLINK"))).not.toHaveProperty("reviewRating");

    // Safe mode throws on any key or value the context cannot map: nothing is dropped.
    const expanded = await jsonld.expand(document as jsonld.JsonLdDocument, { documentLoader: localDocumentLoader, safe: true } as jsonld.Options.Expand);
    expect(expanded).toHaveLength(3);
    assertOnlyAbsoluteIris(expanded);
    expect(JSON.stringify(expanded)).toContain('"@type":["http://schema.org/ClaimReview"]');
    expect(JSON.stringify(expanded)).toContain("http://schema.org/itemReviewed");
  });

  it("writes a W3C Web Annotation collection whose every term expands to a full IRI", async () => {
    const desk = await exportDesk();
    const response = await downloadExport(desk.viewer, desk.workspaceId, { format: "webannotation" });
    const collection = JSON.parse(response.text) as { "@context": unknown; id: string; type: string; first: { items: Record<string, unknown>[] } };
    // W3C model 5.1 and 5.2: the collection and its page MUST have an IRI; the export's URL, with its filters, is stable.
    const exportUrl = `http://localhost:3000/api/v1/workspaces/${desk.workspaceId}/export?format=webannotation&state=verified`;
    expect(collection).toMatchObject({
      "@context": ["http://www.w3.org/ns/anno.jsonld", { claimdesk: "urn:claimdesk:" }],
      id: exportUrl,
      type: "AnnotationCollection",
      total: 3,
      last: `${exportUrl}#page-1`,
      first: { id: `${exportUrl}#page-1`, type: "AnnotationPage", partOf: exportUrl, startIndex: 0 },
    });
    expect(collection.first.items).toHaveLength(3);
    expect(collection.first.items.find((item) => (item.id as string).endsWith(desk.claims.viaApi.id))).toMatchObject({
      type: "Annotation",
      motivation: "assessing",
      body: [
        { type: "TextualBody", purpose: "describing", value: "The harbour handled 4.2 million containers in 2025." },
        { type: "TextualBody", purpose: "tagging", value: "factual" },
        { id: "claimdesk:rating:mostly-true", type: "TextualBody", purpose: "classifying", value: "Mostly true" },
        { type: "TextualBody", purpose: "assessing", value: "Matches the port's own figures." },
        { type: "SpecificResource", purpose: ["linking", "claimdesk:supports"], source: "https://port.example.org/2025" },
        { type: "SpecificResource", purpose: ["linking", "claimdesk:context"], source: `http://localhost:3000/w/${desk.workspaceId}/passages/${desk.minister.id}` },
      ],
      target: {
        source: "https://news.example.org/harbour",
        selector: [{ type: "TextQuoteSelector", exact: "The harbour handled 4.2 million containers in 2025." }, { type: "TextPositionSelector", start: 0, end: 51 }],
      },
    });
    // A passage without a source URL is the target through its page in the app.
    expect(collection.first.items.find((item) => (item.id as string).endsWith(desk.claims.disputed.id))).toMatchObject({
      target: { source: `http://localhost:3000/w/${desk.workspaceId}/passages/${desk.minister.id}` },
    });

    const expanded = await jsonld.expand(collection as jsonld.JsonLdDocument, { documentLoader: localDocumentLoader, safe: true } as jsonld.Options.Expand);
    assertOnlyAbsoluteIris(expanded);
    const text = JSON.stringify(expanded);
    expect(text).toContain('"@type":["http://www.w3.org/ns/activitystreams#OrderedCollection"]');
    expect(text).toContain('"http://www.w3.org/ns/oa#motivatedBy":[{"@id":"http://www.w3.org/ns/oa#assessing"}]');
    expect(text).toContain('"http://www.w3.org/ns/oa#hasPurpose":[{"@id":"http://www.w3.org/ns/oa#tagging"}]');
    expect(text).toContain('"http://www.w3.org/ns/oa#hasPurpose":[{"@id":"http://www.w3.org/ns/oa#linking"},{"@id":"urn:claimdesk:supports"}]');
    expect(text).toContain('"@id":"urn:claimdesk:refutes"');
    expect(text).toContain('"@id":"urn:claimdesk:rating:mostly-true"');
    const [expandedCollection] = expanded as Record<string, unknown>[];
    expect(expandedCollection?.["@id"]).toBe(exportUrl);
    expect(JSON.stringify(expandedCollection?.["http://www.w3.org/ns/activitystreams#first"])).toContain(`"@id":"${exportUrl}#page-1"`);

    const other = JSON.parse((await downloadExport(desk.viewer, desk.workspaceId, { label: "opinion", format: "webannotation" })).text) as { id: string };
    expect(other.id).toBe(`http://localhost:3000/api/v1/workspaces/${desk.workspaceId}/export?format=webannotation&label=opinion&state=verified`);
  });

  it("gives byte-identical files for the same filters and data", async () => {
    const desk = await exportDesk();
    for (const format of ["jsonl", "csv", "claimreview", "webannotation"]) {
      const first = await downloadExport(desk.viewer, desk.workspaceId, { format, state: "all" });
      const second = await downloadExport(desk.owner, desk.workspaceId, { format, state: "all" });
      expect(first.status).toBe(200);
      expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
    }
  });

  it("filters by state, label, passage, assignee and since, and counts what it sends", async () => {
    const desk = await exportDesk();
    const count = async (query: Record<string, string>) => {
      const response = await downloadExport(desk.viewer, desk.workspaceId, { format: "jsonl", ...query });
      expect(response.status).toBe(200);
      const claims = response.text.split("\n").filter((line) => line.startsWith('{"type":"claim"')).length;
      expect(response.headers.get("x-claim-count")).toBe(String(claims));
      return claims;
    };
    expect(await count({})).toBe(3);
    expect(await count({ state: "all" })).toBe(4);
    expect(await count({ state: "draft" })).toBe(1);
    expect(await count({ label: "opinion" })).toBe(1);
    expect(await count({ label: "none", state: "all" })).toBe(0);
    expect(await count({ passageId: desk.minister.id })).toBe(1);
    expect(await count({ assigneeId: desk.editor.id })).toBe(0);
    expect(await count({ since: "2999-01-01" })).toBe(0);
    expect(await count({ since: "2000-01-01T00:00:00Z" })).toBe(3);
    const named = await downloadExport(desk.viewer, desk.workspaceId, { format: "csv", state: "all", label: "factual" });
    expect(named.headers.get("content-disposition")).toMatch(/-all-states-factual-\d{4}-\d{2}-\d{2}\.csv"$/);
  });

  it("refuses unknown formats and filters with a 400, strangers and foreign passages with a 404", async () => {
    const desk = await exportDesk();
    const other = await createWorkspaceRecord(db, { ownerId: desk.stranger.id });
    const foreign = await createPassageRecord(db, { workspaceId: other.id, createdById: desk.stranger.id, text: "Someone else's passage." });
    const get = (as: typeof desk.viewer, query: string) =>
      callRoute(exportRoute, "GET", `/api/v1/workspaces/${desk.workspaceId}/export?${query}`, { as, params: { workspaceId: desk.workspaceId } });
    expect((await get(desk.viewer, "format=xlsx")).status).toBe(400);
    const unknown = await get(desk.viewer, "format=csv&workspaceId=x");
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ error: { message: expect.stringContaining("Unknown query parameter “workspaceId”"), details: [{ path: ["query", "workspaceId"] }] } });
    expect((await get(desk.viewer, "format=csv&since=yesterday")).status).toBe(400);
    const twice = await get(desk.viewer, "format=jsonl&format=csv");
    expect(twice.status).toBe(400);
    expect(twice.body).toMatchObject({ error: { code: "validation_failed", details: [{ path: ["query", "format"], message: expect.stringContaining("more than once") }] } });
    expect((await get(desk.stranger, "format=csv")).status).toBe(404);
    expect((await get(desk.viewer, `format=csv&passageId=${foreign.id}`)).status).toBe(404);
    expect((await callRoute(exportRoute, "GET", `/api/v1/workspaces/${desk.workspaceId}/export?format=csv`, { params: { workspaceId: desk.workspaceId } })).status).toBe(401);
  });

  it("reads one snapshot in batches, counting what it sends and sending each passage once", async () => {
    const desk = await exportDesk();
    const reader = await openExportReader({
      connection: exportConnection(),
      workspaceId: desk.workspaceId,
      filters: { state: "all" },
      hidesUndecidedLabels: false,
      includePassageText: true,
      batchSize: 1,
    });
    // Written after the export started: neither counted nor sent.
    await createClaimRecord(db, { passage: desk.harbour, createdById: desk.editor.id, exact: "The harbour" });
    const batches = [];
    for await (const batch of reader.batches()) batches.push(batch);
    expect(reader.claimCount).toBe(4);
    expect(batches.map((batch) => batch.claims.length)).toEqual([1, 1, 1, 1]);
    const claimIds = batches.flatMap((batch) => batch.claims.map((claim) => claim.id));
    expect(new Set(claimIds).size).toBe(4);
    expect(batches.flatMap((batch) => batch.newPassages.map((passage) => passage.id)).sort()).toEqual([desk.harbour.id, desk.minister.id].sort());
  });

  it("exports passages at the 5 MB limit within the export worker's bounded heap", async () => {
    const desk = await createDesk();
    // Two-byte characters make V8 keep these as two-byte strings: the largest a passage can be in memory.
    const filler = "Портовая статистика — 4,2 млн контейнеров. ";
    const passages = [];
    for (const name of ["north", "south", "east"]) {
      const head = `The ${name} quay opened in 2025. `;
      const text = head + filler.repeat(Math.floor((PASSAGE_TEXT_LIMIT_BYTES - head.length) / Buffer.byteLength(filler)));
      const passage = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, text });
      await createClaimRecord(db, { passage, exact: head.trim(), createdById: desk.owner.id });
      passages.push(passage);
    }
    const response = await downloadExport(desk.viewer, desk.workspaceId, { format: "jsonl", state: "all" });
    expect(response.status).toBe(200);
    const lines = response.text.trim().split("\n").map((line) => JSON.parse(line) as { type: string; id: string; text?: string });
    expect(lines.filter((line) => line.type === "claim")).toHaveLength(3);
    const texts = new Map(lines.filter((line) => line.type === "passage").map((line) => [line.id, line.text]));
    for (const passage of passages) expect(texts.get(passage.id)).toBe(passage.text);
  });

  it("ends the export's database session when the download is abandoned", async () => {
    const desk = await exportDesk();
    const exportSessions = () => db.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM pg_stat_activity WHERE application_name = 'claimdesk-export' AND pid <> pg_backend_pid()`;
    for (const format of ["jsonl", "claimreview"]) {
      const response = await requestExport(desk.viewer, desk.workspaceId, { format, state: "all" });
      const reader = response.body!.getReader();
      expect((await reader.read()).done).toBe(false);
      await reader.cancel();
      await expect.poll(async () => (await exportSessions())[0]?.count).toBe(0);
    }
  });
});

/** Every key of expanded JSON-LD is a keyword or an absolute IRI, and so is every @type. */
function assertOnlyAbsoluteIris(value: unknown): void {
  if (Array.isArray(value)) return value.forEach(assertOnlyAbsoluteIris);
  if (value === null || typeof value !== "object") return;
  for (const [key, inner] of Object.entries(value)) {
    expect(key.startsWith("@") || /^https?:\/\//.test(key), `unresolved term ${key}`).toBe(true);
    if (key === "@type") for (const type of [inner].flat()) expect(String(type)).toMatch(/^https?:\/\//);
    if (key !== "@value") assertOnlyAbsoluteIris(inner);
  }
}

describe("the OpenAPI document for exports and imports", () => {
  it("names every export filter and every media type an import file is sent as", async () => {
    const paths = (await openApiDocument()).paths ?? {};
    const parameters = paths["/api/v1/workspaces/{workspaceId}/export"]?.get?.parameters ?? [];
    expect(parameters.map((parameter) => ("name" in parameter ? parameter.name : "")).sort()).toEqual(
      ["assigneeId", "format", "label", "passageId", "since", "state", "workspaceId"],
    );
    const exported = paths["/api/v1/workspaces/{workspaceId}/export"]?.get?.responses?.["200"];
    expect(Object.keys(exported && "content" in exported ? (exported.content ?? {}) : {})).toEqual(["application/x-ndjson", "text/csv", "application/ld+json"]);
    const imported = paths["/api/v1/workspaces/{workspaceId}/imports"]?.post?.requestBody;
    expect(Object.keys(imported && "content" in imported ? imported.content : {})).toEqual(["application/x-ndjson", "application/ld+json", "application/json"]);
  });
});
