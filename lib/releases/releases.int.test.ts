import { createHash } from "node:crypto";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as dataPackageRoute } from "@/app/api/v1/workspaces/[workspaceId]/releases/[number]/datapackage.json/route";
import { GET as diffRoute } from "@/app/api/v1/workspaces/[workspaceId]/releases/[number]/diff/route";
import { GET as fileRoute } from "@/app/api/v1/workspaces/[workspaceId]/releases/[number]/files/[format]/route";
import { GET as getReleaseRoute } from "@/app/api/v1/workspaces/[workspaceId]/releases/[number]/route";
import { GET as listReleasesRoute, POST as createReleaseRoute } from "@/app/api/v1/workspaces/[workspaceId]/releases/route";
import { GET as getSettingsRoute, PUT as putSettingsRoute } from "@/app/api/v1/workspaces/[workspaceId]/release-settings/route";
import { downloadExport } from "@/lib/exports/exports.int-helpers";
import { createClaimRecord, createPassageRecord, linkWebEvidenceRecord } from "@/lib/fixtures/factories";
import type { DataPackage, Release, ReleaseDiff, ReleaseList } from "@/lib/releases/release.schemas";
import { createDesk, db, type TestUser } from "@/scripts/test/desk";
import { callRoute, sessionCookie } from "@/scripts/test/route-client";

const TEXT = "Alpha rose by 3 percent. Bravo fell in May. Charlie said nothing. Delta doubled twice. Echo is an opinion.";
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function releaseDesk() {
  const desk = await createDesk();
  const passage = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, text: TEXT, title: "Quarterly report", author: "Ada" });
  const make = (exact: string, state: "verified" | "draft" | "in_review", label: "factual" | "opinion" = "factual") =>
    createClaimRecord(db, { passage, exact, createdById: desk.reviewer.id, label, state, verdictNote: `Checked: ${exact}` });
  const claims = {
    alpha: await make("Alpha rose by 3 percent.", "verified"),
    bravo: await make("Bravo fell in May.", "verified"),
    charlie: await make("Charlie said nothing.", "verified", "opinion"),
    delta: await make("Delta doubled twice.", "draft"),
  };
  await linkWebEvidenceRecord(db, { workspaceId: desk.workspaceId, claimId: claims.alpha.id, createdById: desk.reviewer.id, url: "https://stats.example.org/a", title: "Stats", stance: "supports" });
  return { ...desk, passage, claims };
}
type Desk = Awaited<ReturnType<typeof releaseDesk>>;

const releasesPath = (desk: Desk) => `/api/v1/workspaces/${desk.workspaceId}/releases`;
const cut = (desk: Desk, as: TestUser, body: unknown, headers: Record<string, string> = {}) =>
  callRoute(createReleaseRoute, "POST", releasesPath(desk), { as, params: { workspaceId: desk.workspaceId }, body, headers });
async function cutOk(desk: Desk, body: unknown, as: TestUser = desk.editor): Promise<Release> {
  const response = await cut(desk, as, body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as Release;
}
const putSettings = (desk: Desk, as: TestUser, body: unknown) =>
  callRoute(putSettingsRoute, "PUT", `/api/v1/workspaces/${desk.workspaceId}/release-settings`, { as, params: { workspaceId: desk.workspaceId }, body });
const getRelease = (desk: Desk, as: TestUser, number: string) =>
  callRoute(getReleaseRoute, "GET", `${releasesPath(desk)}/${number}`, { as, params: { workspaceId: desk.workspaceId, number } });
const diff = (desk: Desk, as: TestUser, number: string, against: string) =>
  callRoute(diffRoute, "GET", `${releasesPath(desk)}/${number}/diff?against=${against}`, { as, params: { workspaceId: desk.workspaceId, number } });

async function download(desk: Desk, as: TestUser, number: string, format: string, headers: Record<string, string> = {}) {
  const url = new URL(`${releasesPath(desk)}/${number}/files/${format}`, "http://localhost:3000");
  const request = new NextRequest(url, { headers: { cookie: await sessionCookie(as), ...headers } });
  const response = await fileRoute(request, { params: Promise.resolve({ workspaceId: desk.workspaceId, number, format }) });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) };
}

describe("releases", () => {
  it("cuts a numbered release of the verified claims, equal to an export of the same filter, and lists and reads it", async () => {
    const desk = await releaseDesk();
    expect((await putSettings(desk, desk.owner, { licence: "CC-BY-4.0" })).status).toBe(200);
    const release = await cutOk(desk, { name: "November set" });
    expect(release).toMatchObject({
      number: 1,
      name: "November set",
      createdBy: { id: desk.editor.id, name: desk.editor.name },
      claimCount: 3,
      filter: { state: "verified" },
      licence: "CC-BY-4.0",
    });
    expect(release.files.map((file) => file.format)).toEqual(["jsonl", "csv", "claimreview", "webannotation"]);

    for (const file of release.files) {
      const got = await download(desk, desk.viewer, "1", file.format);
      expect(got.status).toBe(200);
      expect(got.bytes.byteLength).toBe(file.size);
      expect(sha256(got.bytes)).toBe(file.sha256);
      expect(got.headers.get("etag")).toBe(`"${file.sha256}"`);
      expect(got.headers.get("content-disposition")).toBe(`attachment; filename="${file.fileName}"`);
      expect(file.fileName).toMatch(/^claimdesk-workspace-[a-z0-9-]+-release-1\.(jsonl|csv|claimreview\.jsonld|annotations\.jsonld)$/);
    }
    const jsonl = release.files.find((file) => file.format === "jsonl");
    expect(release.sha256).toBe(jsonl?.sha256);

    // The same claims as the export endpoint gives at that moment, byte for byte (Web Annotation names its own IRI).
    for (const format of ["jsonl", "csv", "claimreview"]) {
      const exported = await downloadExport(desk.viewer, desk.workspaceId, { format });
      expect((await download(desk, desk.viewer, "1", format)).text, format).toBe(exported.text);
    }

    const second = await cutOk(desk, { name: "Opinions", filter: { label: "opinion", sort: "statement" }, licence: null }, desk.owner);
    expect(second).toMatchObject({ number: 2, claimCount: 1, filter: { state: "verified", label: "opinion" }, licence: null });
    expect(second.filter).not.toHaveProperty("sort");

    const firstPage = await callRoute(listReleasesRoute, "GET", `${releasesPath(desk)}?limit=1`, { as: desk.viewer, params: { workspaceId: desk.workspaceId } });
    expect(firstPage.status).toBe(200);
    const page = firstPage.body as ReleaseList;
    expect(page.items.map((item) => item.number)).toEqual([2]);
    const next = await callRoute(listReleasesRoute, "GET", `${releasesPath(desk)}?limit=1&cursor=${page.nextCursor ?? ""}`, { as: desk.viewer, params: { workspaceId: desk.workspaceId } });
    expect((next.body as ReleaseList).items.map((item) => item.number)).toEqual([1]);
    expect((next.body as ReleaseList).nextCursor).toBeNull();

    const read = await getRelease(desk, desk.viewer, "1");
    expect(read.status).toBe(200);
    expect(read.body).toEqual(release);
    const audit = await db.auditEvent.findFirst({ where: { workspaceId: desk.workspaceId, action: "release.create" }, orderBy: { createdAt: "asc" } });
    expect(audit).toMatchObject({ actorId: desk.editor.id, entityType: "release", after: expect.objectContaining({ number: 1, sha256: release.sha256 }) });
  });

  it("downloads byte-identical files after the claims change, and the database refuses to rewrite them", async () => {
    const desk = await releaseDesk();
    const release = await cutOk(desk, { name: "Frozen" });
    const before = await Promise.all(release.files.map((file) => download(desk, desk.viewer, "1", file.format)));

    await db.claim.update({ where: { id: desk.claims.alpha.id }, data: { statement: "Alpha rose by 30 percent.", verdictNote: "Rewritten" } });
    await db.claim.update({ where: { id: desk.claims.bravo.id }, data: { deletedAt: new Date() } });
    await db.workspace.update({ where: { id: desk.workspaceId }, data: { name: "Renamed desk" } });

    for (const [index, file] of release.files.entries()) {
      const after = await download(desk, desk.viewer, "1", file.format);
      expect(after.bytes, file.format).toEqual(before[index]?.bytes);
      expect(sha256(after.bytes)).toBe(file.sha256);
      expect(after.headers.get("etag")).toBe(`"${file.sha256}"`);
    }
    const revalidated = await download(desk, desk.viewer, "1", "csv", { "if-none-match": `"${release.files[1]?.sha256}"` });
    expect(revalidated.status).toBe(304);
    expect(revalidated.bytes.byteLength).toBe(0);
    expect(((await getRelease(desk, desk.viewer, "1")).body as Release).sha256).toBe(release.sha256);

    await expect(db.releaseFile.updateMany({ where: { format: "csv", release: { workspaceId: desk.workspaceId } }, data: { size: 1 } })).rejects.toThrow(/immutable/);
    await expect(db.release.updateMany({ where: { workspaceId: desk.workspaceId }, data: { name: "Changed" } })).rejects.toThrow(/immutable/);
  });

  it("compares two releases: claims added, removed, and changed with the fields that changed", async () => {
    const desk = await releaseDesk();
    await cutOk(desk, { name: "First" });
    await db.claim.update({ where: { id: desk.claims.alpha.id }, data: { verdictNote: "Re-checked against the 2026 figures", label: "opinion" } });
    await db.claim.update({ where: { id: desk.claims.bravo.id }, data: { state: "in_review" } });
    await db.claim.update({ where: { id: desk.claims.delta.id }, data: { state: "verified" } });
    await db.passage.update({ where: { id: desk.passage.id }, data: { title: "Quarterly report, revised" } });
    await cutOk(desk, { name: "Second" });

    const response = await diff(desk, desk.viewer, "2", "1");
    expect(response.status).toBe(200);
    const result = response.body as ReleaseDiff;
    expect(result.release).toMatchObject({ number: 2, name: "Second", claimCount: 3 });
    expect(result.against).toMatchObject({ number: 1, name: "First", claimCount: 3 });
    expect(result.added).toEqual([{ id: desk.claims.delta.id, statement: "Delta doubled twice." }]);
    expect(result.removed).toEqual([{ id: desk.claims.bravo.id, statement: "Bravo fell in May." }]);
    expect(result.changed).toEqual([
      { id: desk.claims.alpha.id, statement: "Alpha rose by 3 percent.", fields: ["label", "passage.title", "verdictNote"] },
      { id: desk.claims.charlie.id, statement: "Charlie said nothing.", fields: ["passage.title"] },
    ]);
    expect(result.unchangedCount).toBe(0);

    const backwards = (await diff(desk, desk.viewer, "1", "2")).body as ReleaseDiff;
    expect(backwards.added.map((claim) => claim.id)).toEqual([desk.claims.bravo.id]);
    expect(backwards.removed.map((claim) => claim.id)).toEqual([desk.claims.delta.id]);
    const same = (await diff(desk, desk.viewer, "1", "1")).body as ReleaseDiff;
    expect(same).toMatchObject({ added: [], removed: [], changed: [], unchangedCount: 3 });
    expect((await diff(desk, desk.viewer, "2", "9")).status).toBe(404);
    expect((await diff(desk, desk.viewer, "2", "x")).status).toBe(400);
  });

  it("describes the release as a Frictionless data package whose sizes and hashes match the bytes served", async () => {
    const desk = await releaseDesk();
    const release = await cutOk(desk, { name: "Citable <set>", licence: "ODbL-1.0" }, desk.owner);
    const response = await callRoute(dataPackageRoute, "GET", `${releasesPath(desk)}/1/datapackage.json`, {
      as: desk.viewer,
      params: { workspaceId: desk.workspaceId, number: "1" },
    });
    expect(response.status).toBe(200);
    const pkg = response.body as DataPackage;
    expect(pkg).toMatchObject({
      $schema: "https://datapackage.org/profiles/2.0/datapackage.json",
      title: expect.stringContaining("Citable <set> (release 1)"),
      version: "1",
      created: release.createdAt,
      id: `http://localhost:3000/w/${desk.workspaceId}/releases/1`,
      licenses: [{ name: "ODbL-1.0", path: "https://opendatacommons.org/licenses/odbl/1-0/" }],
      contributors: [{ title: desk.workspace.name, roles: ["publisher"] }, { title: desk.owner.name, roles: ["creator"] }],
    });
    expect(pkg.name).toMatch(/^[a-z0-9._-]+$/);
    expect(pkg.resources.map((resource) => [resource.name, resource.path, resource.format, resource.mediatype])).toEqual([
      ["claims-jsonl", "files/jsonl", "jsonl", "application/x-ndjson"],
      ["claims-csv", "files/csv", "csv", "text/csv"],
      ["claims-claimreview", "files/claimreview", "jsonld", "application/ld+json"],
      ["claims-webannotation", "files/webannotation", "jsonld", "application/ld+json"],
    ]);
    for (const resource of pkg.resources) {
      const format = resource.path.replace("files/", "");
      const got = await download(desk, desk.viewer, "1", format);
      expect(resource.bytes).toBe(got.bytes.byteLength);
      expect(resource.hash).toBe(`sha256:${sha256(got.bytes)}`);
    }
  });

  it("lets editors and owners cut, every member read, and hides the workspace from strangers", async () => {
    const desk = await releaseDesk();
    expect((await cut(desk, desk.reviewer, { name: "Nope" })).status).toBe(403);
    expect((await cut(desk, desk.viewer, { name: "Nope" })).status).toBe(403);
    expect((await cut(desk, desk.stranger, { name: "Nope" })).status).toBe(404);
    await cutOk(desk, { name: "Ok" });
    expect((await getRelease(desk, desk.reviewer, "1")).status).toBe(200);
    expect((await getRelease(desk, desk.stranger, "1")).status).toBe(404);
    expect((await download(desk, desk.stranger, "1", "jsonl")).status).toBe(404);
    expect((await getRelease(desk, desk.viewer, "2")).status).toBe(404);
    expect((await download(desk, desk.viewer, "7", "csv")).status).toBe(404);
  });

  it("leaves the licence to the owners: the workspace's release licence, or another an owner gives", async () => {
    const desk = await releaseDesk();
    expect((await putSettings(desk, desk.editor, { licence: "CC0-1.0" })).status).toBe(403);
    expect((await putSettings(desk, desk.reviewer, { licence: "CC0-1.0" })).status).toBe(403);
    expect((await putSettings(desk, desk.owner, { licence: "CC0-1.0" })).body).toEqual({ licence: "CC0-1.0" });
    const read = await callRoute(getSettingsRoute, "GET", `/api/v1/workspaces/${desk.workspaceId}/release-settings`, { as: desk.viewer, params: { workspaceId: desk.workspaceId } });
    expect(read.body).toEqual({ licence: "CC0-1.0" });

    const editorsOther = await cut(desk, desk.editor, { name: "Mine", licence: "ODbL-1.0" });
    expect(editorsOther.status).toBe(403);
    expect(JSON.stringify(editorsOther.body)).toContain("owners' choice (now: CC0-1.0)");
    expect((await cutOk(desk, { name: "Restated", licence: "CC0-1.0" })).licence).toBe("CC0-1.0");
    expect((await cutOk(desk, { name: "Default" })).licence).toBe("CC0-1.0");
    expect((await cutOk(desk, { name: "Owner's exception", licence: "ODbL-1.0" }, desk.owner)).licence).toBe("ODbL-1.0");

    // A later change applies to new releases only.
    expect((await putSettings(desk, desk.owner, { licence: null })).status).toBe(200);
    expect((await cutOk(desk, { name: "Unlicensed" })).licence).toBeNull();
    expect(((await getRelease(desk, desk.viewer, "1")).body as Release).licence).toBe("CC0-1.0");
    const audit = await db.auditEvent.findMany({ where: { workspaceId: desk.workspaceId, action: "release.licence" }, orderBy: { createdAt: "asc" } });
    expect(audit.map((event) => [event.before, event.after])).toEqual([[null, "CC0-1.0"], ["CC0-1.0", null]]);
  });

  it("refuses bad filters, formats and licences with 400s that say what to change", async () => {
    const desk = await releaseDesk();
    const unverified = await cut(desk, desk.editor, { name: "Drafts", filter: { state: "draft" } });
    expect(unverified.status).toBe(400);
    expect(JSON.stringify(unverified.body)).toContain("verified claims only");
    expect((await cut(desk, desk.editor, { name: "Bad", filter: { colour: "red" } })).status).toBe(400);
    expect((await cut(desk, desk.owner, { name: "Bad", licence: "WTFPL" })).status).toBe(400);
    expect((await putSettings(desk, desk.owner, { licence: "GPL-3.0" })).status).toBe(400);
    expect((await cut(desk, desk.editor, { name: "" })).status).toBe(400);
    const empty = await cut(desk, desk.editor, { name: "Nothing", filter: { q: "no such words" } });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain("No verified claims match");
    const gonePassage = await cut(desk, desk.editor, { name: "Gone", filter: { passageId: "c0000000000000000000000000" } });
    expect(gonePassage.status).toBe(400);
    await cutOk(desk, { name: "Ok" });
    expect((await download(desk, desk.viewer, "1", "xml")).status).toBe(400);
    expect((await getRelease(desk, desk.viewer, "0")).status).toBe(400);
    expect(await db.release.count({ where: { workspaceId: desk.workspaceId } })).toBe(1);
  });

  it("searches words like the claims list, and answers a replayed Idempotency-Key with the first release", async () => {
    const desk = await releaseDesk();
    const headers = { "idempotency-key": `release-${desk.workspaceId}` };
    const first = await cut(desk, desk.editor, { name: "Bravo only", filter: { q: "BRAVO" } }, headers);
    const replay = await cut(desk, desk.editor, { name: "Bravo only", filter: { q: "BRAVO" } }, headers);
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.body).toEqual(first.body);
    expect(first.body).toMatchObject({ number: 1, claimCount: 1, filter: { q: "BRAVO" } });
    expect(await db.release.count({ where: { workspaceId: desk.workspaceId } })).toBe(1);
  });

  it("numbers releases cut at the same moment one after the other", async () => {
    const desk = await releaseDesk();
    const answers = await Promise.all([cut(desk, desk.editor, { name: "A" }), cut(desk, desk.owner, { name: "B" }), cut(desk, desk.owner, { name: "C" })]);
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201]);
    expect(answers.map((answer) => (answer.body as Release).number).sort()).toEqual([1, 2, 3]);
  });
});
