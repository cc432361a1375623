import { describe, expect, it } from "vitest";
import { GET as getWorkspace } from "@/app/api/v1/workspaces/[workspaceId]/route";
import { GET as listWorkspaces, POST as createWorkspace } from "@/app/api/v1/workspaces/route";
import { createDbClient } from "@/lib/db";
import { addMemberRecord, createUserRecord, createWorkspaceRecord } from "@/lib/fixtures/factories";
import { configuredDatabaseUrl } from "@/lib/env";
import { readEveryPage } from "@/scripts/test/read-every-page";
import { callRoute } from "@/scripts/test/route-client";

const db = createDbClient(configuredDatabaseUrl() ?? "");

describe("workspaces API", () => {
  it("creates a workspace whose creator is its owner, with an audit event", async () => {
    const user = await createUserRecord(db);
    const response = await callRoute(createWorkspace, "POST", "/api/v1/workspaces", { as: user, body: { name: " Politics desk " } });
    expect(response.status).toBe(201);
    const workspace = response.body as { id: string; name: string; role: string };
    expect(workspace).toMatchObject({ name: "Politics desk", role: "owner", isBlindReview: false });
    const events = await db.auditEvent.findMany({ where: { workspaceId: workspace.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "workspace.created", actorId: user.id });
  });

  it("replays a retried create with the same Idempotency-Key instead of creating twice", async () => {
    const user = await createUserRecord(db);
    const send = (name: string) =>
      callRoute(createWorkspace, "POST", "/api/v1/workspaces", { as: user, body: { name }, headers: { "idempotency-key": "key-1" } });
    const first = await send("Desk");
    const retry = await send("Desk");
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await db.membership.count({ where: { userId: user.id } })).toBe(1);
    const reused = await send("Another desk");
    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({ error: { code: "validation_failed" } });
  });

  it("refuses a cookie-authenticated create from another site", async () => {
    const user = await createUserRecord(db);
    const response = await callRoute(createWorkspace, "POST", "/api/v1/workspaces", {
      as: user,
      body: { name: "Sneaky" },
      isCrossSite: true,
      headers: { origin: "https://evil.example" },
    });
    expect(response.status).toBe(403);
    expect(await db.membership.count({ where: { userId: user.id } })).toBe(0);
  });

  it("lists only the caller's workspaces, newest first, with cursor pagination", async () => {
    const user = await createUserRecord(db);
    const stranger = await createUserRecord(db);
    await createWorkspaceRecord(db, { ownerId: stranger.id, name: "Not mine" });
    const names = ["First", "Second", "Third"];
    for (const name of names) await callRoute(createWorkspace, "POST", "/api/v1/workspaces", { as: user, body: { name } });

    const firstPage = await callRoute(listWorkspaces, "GET", "/api/v1/workspaces?limit=2", { as: user });
    const page1 = firstPage.body as { items: { name: string }[]; nextCursor: string | null };
    expect(page1.items.map((w) => w.name)).toEqual(["Third", "Second"]);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const secondPage = await callRoute(listWorkspaces, "GET", `/api/v1/workspaces?limit=2&cursor=${page1.nextCursor}`, { as: user });
    expect(secondPage.body).toMatchObject({ items: [{ name: "First" }], nextCursor: null });

    const badCursor = await callRoute(listWorkspaces, "GET", "/api/v1/workspaces?cursor=garbage", { as: user });
    expect(badCursor.status).toBe(400);
    const badLimit = await callRoute(listWorkspaces, "GET", "/api/v1/workspaces?limit=500", { as: user });
    expect(badLimit.status).toBe(400);
  });

  it("pages through workspaces joined at the same instant, each once", async () => {
    const user = await createUserRecord(db);
    for (let i = 0; i < 3; i++) await createWorkspaceRecord(db, { ownerId: user.id });
    await db.membership.updateMany({ where: { userId: user.id }, data: { createdAt: new Date("2026-01-01T00:00:00.000Z") } });
    const workspaceIds = (await db.membership.findMany({ where: { userId: user.id }, select: { workspaceId: true } })).map((row) => row.workspaceId);
    const paged = await readEveryPage<{ id: string }>((search) => callRoute(listWorkspaces, "GET", `/api/v1/workspaces?${search}`, { as: user }), 1);
    expect(paged.map((workspace) => workspace.id)).toEqual(workspaceIds.sort().reverse());
  });

  it("shows a workspace to its members with their role, and 404 to everyone else", async () => {
    const owner = await createUserRecord(db);
    const viewer = await createUserRecord(db);
    const stranger = await createUserRecord(db);
    const workspace = await createWorkspaceRecord(db, { ownerId: owner.id });
    await addMemberRecord(db, { workspaceId: workspace.id, userId: viewer.id, role: "viewer" });
    const get = (as: typeof owner, workspaceId = workspace.id) =>
      callRoute(getWorkspace, "GET", `/api/v1/workspaces/${workspaceId}`, { as, params: { workspaceId } });

    expect((await get(owner)).body).toMatchObject({ id: workspace.id, role: "owner" });
    expect((await get(viewer)).body).toMatchObject({ id: workspace.id, role: "viewer" });
    const foreign = await get(stranger);
    const missing = await get(stranger, "does-not-exist");
    expect(foreign.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(foreign.body).toEqual(missing.body);
  });

  it("answers 400 with details for an empty name", async () => {
    const user = await createUserRecord(db);
    const response = await callRoute(createWorkspace, "POST", "/api/v1/workspaces", { as: user, body: { name: "   " } });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { details: [{ path: ["body", "name"] }] } });
  });
});
