import { describe, expect, it } from "vitest";
import { DELETE as deleteRoute, GET as getRoute, PATCH as patchRoute } from "@/app/api/v1/passages/[passageId]/route";
import { POST as restoreRoute } from "@/app/api/v1/passages/[passageId]/restore/route";
import { createPassageRecord } from "@/lib/fixtures/factories";
import { PassageSchema } from "@/lib/passages/passage.schemas";
import {
  createDesk,
  db,
  importText,
  listPassages,
  recordQueries,
  type Page,
  type TestUser,
} from "@/lib/passages/passages.int-helpers";
import { callRoute } from "@/scripts/test/route-client";
import { DAY_MS } from "@/lib/time-units";
import { RESTORE_WINDOW_DAYS } from "@/lib/workspaces/restore-window";

const errorOf = (body: unknown) => (body as { error: { code: string; message: string; details?: unknown } }).error;

const at = (passageId: string) => ({ params: { passageId } });
const getPassage = (as: TestUser | undefined, passageId: string) =>
  callRoute(getRoute, "GET", `/api/v1/passages/${passageId}`, { as, ...at(passageId) });
const patchPassage = (as: TestUser, passageId: string, body: unknown) =>
  callRoute(patchRoute, "PATCH", `/api/v1/passages/${passageId}`, { as, body, ...at(passageId) });
const deletePassage = (as: TestUser, passageId: string) =>
  callRoute(deleteRoute, "DELETE", `/api/v1/passages/${passageId}`, { as, ...at(passageId) });
const restorePassage = (as: TestUser, passageId: string) =>
  callRoute(restoreRoute, "POST", `/api/v1/passages/${passageId}/restore`, { as, ...at(passageId) });

async function deskWithPassage(text = "The port handled 4.2 million containers in 2023.") {
  const desk = await createDesk();
  const passage = await createPassageRecord(db, {
    workspaceId: desk.workspaceId,
    createdById: desk.reviewer.id,
    title: "Port report",
    text,
    publisher: "Harbour Gazette",
    publishedAt: new Date("2023-07-01T00:00:00+02:00"),
  });
  return { ...desk, passageId: passage.id };
}

describe("GET /api/v1/passages/{passageId}", () => {
  it("shows the passage with its text to any member, and the same 404 to strangers and for missing ids", async () => {
    const { viewer, stranger, passageId } = await deskWithPassage();
    const response = await getPassage(viewer, passageId);
    expect(response.status).toBe(200);
    expect(PassageSchema.parse(response.body)).toMatchObject({ id: passageId, text: "The port handled 4.2 million containers in 2023." });
    const row = await db.passage.findUniqueOrThrow({ where: { id: passageId } });
    expect(response.body).toMatchObject({ createdAt: row.createdAt.toISOString(), publishedAt: "2023-06-30T22:00:00.000Z" });
    const foreign = await getPassage(stranger, passageId);
    const missing = await getPassage(stranger, "no-such-passage");
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(missing.body);
    expect((await getPassage(undefined, passageId)).status).toBe(401);
  });

  it("reads the passage, its author and the caller's role in one query, after the one session check", async () => {
    const { viewer, passageId } = await deskWithPassage();
    const { result, queries } = await recordQueries(() => getPassage(viewer, passageId));
    expect(result.status).toBe(200);
    expect(queries).toHaveLength(2);
    expect(queries[0]).toMatch(/"UserSession"/);
  });
});

describe("PATCH /api/v1/passages/{passageId}", () => {
  it("lets an editor change the title and metadata, with one audit event per changed field", async () => {
    const { editor, passageId } = await deskWithPassage();
    const response = await patchPassage(editor, passageId, {
      title: "Port of Hamburg report",
      publisher: null,
      author: "",
      publishedAt: "2024-03-01T12:00:00+01:00",
      language: "de",
    });
    expect(response.status).toBe(200);
    expect(PassageSchema.parse(response.body)).toMatchObject({
      title: "Port of Hamburg report",
      publisher: null,
      author: null,
      publishedAt: "2024-03-01T11:00:00.000Z",
      language: "de",
    });
    const events = await db.auditEvent.findMany({ where: { entityId: passageId }, orderBy: { field: "asc" } });
    expect(events.map(({ action, field, before, after }) => ({ action, field, before, after }))).toEqual([
      { action: "passage.updated", field: "language", before: "en", after: "de" },
      { action: "passage.updated", field: "publishedAt", before: "2023-06-30T22:00:00.000Z", after: "2024-03-01T11:00:00.000Z" },
      { action: "passage.updated", field: "publisher", before: "Harbour Gazette", after: null },
      { action: "passage.updated", field: "title", before: "Port report", after: "Port of Hamburg report" },
    ]);
    const unchanged = await patchPassage(editor, passageId, { title: "Port of Hamburg report" });
    expect(unchanged.status).toBe(200);
    expect(await db.auditEvent.count({ where: { entityId: passageId } })).toBe(4);
  });

  it("refuses to change the text, explaining why, and checks URLs", async () => {
    const { editor, passageId } = await deskWithPassage();
    const textChange = await patchPassage(editor, passageId, { text: "New text" });
    expect(textChange.status).toBe(400);
    expect(errorOf(textChange.body).message).toMatch(/text changes only through a new revision.*\/revisions/);
    const badUrl = await patchPassage(editor, passageId, { sourceUrl: "javascript:alert(1)" });
    expect(badUrl.status).toBe(400);
    expect((await getPassage(editor, passageId)).body).toMatchObject({ text: "The port handled 4.2 million containers in 2023.", sourceUrl: null });
  });

  it("answers 403 to viewers and reviewers and 404 to strangers", async () => {
    const { viewer, reviewer, stranger, passageId } = await deskWithPassage();
    expect((await patchPassage(viewer, passageId, { title: "Mine" })).status).toBe(403);
    expect((await patchPassage(reviewer, passageId, { title: "Mine" })).status).toBe(403);
    expect((await patchPassage(stranger, passageId, { title: "Mine" })).status).toBe(404);
    expect(await db.auditEvent.count({ where: { entityId: passageId } })).toBe(0);
  });
});

describe("DELETE /api/v1/passages/{passageId} and POST …/restore", () => {
  it("soft-deletes for editors: 204, an audit event, 410 afterwards and gone from lists", async () => {
    const { editor, viewer, workspaceId, passageId } = await deskWithPassage();
    const response = await deletePassage(editor, passageId);
    expect(response.status).toBe(204);
    expect(response.body).toBeUndefined();
    const row = await db.passage.findUniqueOrThrow({ where: { id: passageId } });
    expect(row).toMatchObject({ deletedById: editor.id, deletedAt: expect.any(Date) });
    expect(await db.auditEvent.findMany({ where: { entityId: passageId } })).toMatchObject([{ action: "passage.deleted", actorId: editor.id }]);

    const gone = await getPassage(viewer, passageId);
    expect(gone.status).toBe(410);
    expect(errorOf(gone.body)).toMatchObject({ code: "gone", message: expect.stringMatching(/deleted\. An editor can restore it within 30 days, until \d{4}-/) });
    expect((await patchPassage(editor, passageId, { title: "Too late" })).status).toBe(410);
    expect((await deletePassage(editor, passageId)).status).toBe(410);
    expect(((await listPassages(viewer, workspaceId)).body as Page).items).toEqual([]);
  });

  it("answers 403 to viewers and reviewers and 404 to strangers", async () => {
    const { owner, viewer, reviewer, stranger, passageId } = await deskWithPassage();
    expect((await deletePassage(viewer, passageId)).status).toBe(403);
    expect((await deletePassage(reviewer, passageId)).status).toBe(403);
    expect((await deletePassage(stranger, passageId)).status).toBe(404);
    expect((await deletePassage(owner, "no-such-passage")).status).toBe(404);
    expect((await restorePassage(viewer, passageId)).status).toBe(403);
    expect((await restorePassage(stranger, passageId)).status).toBe(404);
    expect((await getPassage(viewer, passageId)).status).toBe(200);
  });

  it("restores within 30 days with an audit event, and 410 after them", async () => {
    const { editor, viewer, workspaceId, passageId } = await deskWithPassage();
    await deletePassage(editor, passageId);
    const restored = await restorePassage(editor, passageId);
    expect(restored.status).toBe(200);
    expect(PassageSchema.parse(restored.body).id).toBe(passageId);
    expect((await getPassage(viewer, passageId)).status).toBe(200);
    expect(((await listPassages(viewer, workspaceId)).body as Page).items.map((item) => item.id)).toEqual([passageId]);
    const actions = (await db.auditEvent.findMany({ where: { entityId: passageId }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["passage.deleted", "passage.restored"]);
    expect((await restorePassage(editor, passageId)).status).toBe(200);

    await deletePassage(editor, passageId);
    await db.passage.update({ where: { id: passageId }, data: { deletedAt: new Date(Date.now() - (RESTORE_WINDOW_DAYS + 1) * DAY_MS) } });
    const tooLate = await restorePassage(editor, passageId);
    expect(tooLate.status).toBe(410);
    expect(errorOf(tooLate.body).message).toMatch(/can no longer be restored/);
  });

  it("lets the same text be imported again once deleted, and then refuses to restore the old copy", async () => {
    const { editor, reviewer, workspaceId, passageId } = await deskWithPassage("Same words.");
    await deletePassage(editor, passageId);
    const reimported = await importText(reviewer, workspaceId, { title: "Again", text: "Same words." });
    expect(reimported.status).toBe(201);
    const newId = PassageSchema.parse(reimported.body).id;
    const restore = await restorePassage(editor, passageId);
    expect(restore.status).toBe(409);
    expect(errorOf(restore.body).details).toEqual({ existingPassage: { id: newId, title: "Again", url: `/w/${workspaceId}/passages/${newId}` } });
  });
});
