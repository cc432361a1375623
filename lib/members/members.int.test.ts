import { describe, expect, it } from "vitest";
import { DELETE as removeMemberRoute, PATCH as changeRoleRoute } from "@/app/api/v1/workspaces/[workspaceId]/members/[userId]/route";
import { GET as listMembersRoute } from "@/app/api/v1/workspaces/[workspaceId]/members/route";
import { addMemberRecord, createUserRecord } from "@/lib/fixtures/factories";
import type { MemberList } from "@/lib/members/member.schemas";
import { createDesk, db, type TestUser } from "@/scripts/test/desk";
import { readEveryPage } from "@/scripts/test/read-every-page";
import { callRoute } from "@/scripts/test/route-client";

const list = (as: TestUser, workspaceId: string, search = "") =>
  callRoute(listMembersRoute, "GET", `/api/v1/workspaces/${workspaceId}/members${search}`, { as, params: { workspaceId } });
const changeRole = (as: TestUser, workspaceId: string, userId: string, body: unknown) =>
  callRoute(changeRoleRoute, "PATCH", `/api/v1/workspaces/${workspaceId}/members/${userId}`, { as, params: { workspaceId, userId }, body });
const remove = (as: TestUser, workspaceId: string, userId: string) =>
  callRoute(removeMemberRoute, "DELETE", `/api/v1/workspaces/${workspaceId}/members/${userId}`, { as, params: { workspaceId, userId } });

const roleOf = async (workspaceId: string, userId: string) =>
  (await db.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } }, select: { role: true } }))?.role ?? null;

describe("members API", () => {
  it("lists every member with name, email, role and join time to any member, with cursor pagination", async () => {
    const desk = await createDesk();
    const response = await list(desk.viewer, desk.workspaceId);
    expect(response.status).toBe(200);
    const { items, nextCursor } = response.body as MemberList;
    expect(nextCursor).toBeNull();
    expect(items).toHaveLength(4);
    expect(items).toEqual(
      expect.arrayContaining([
        { userId: desk.owner.id, name: desk.owner.name, email: desk.owner.email, role: "owner", joinedAt: expect.any(String) },
        { userId: desk.viewer.id, name: desk.viewer.name, email: desk.viewer.email, role: "viewer", joinedAt: expect.any(String) },
      ]),
    );

    const first = (await list(desk.owner, desk.workspaceId, "?limit=3")).body as MemberList;
    expect(first.items).toHaveLength(3);
    const second = (await list(desk.owner, desk.workspaceId, `?limit=3&cursor=${first.nextCursor}`)).body as MemberList;
    expect(second).toMatchObject({ nextCursor: null });
    expect([...first.items, ...second.items].map((member) => member.userId).sort()).toEqual(items.map((member) => member.userId).sort());
  });

  it("pages through members who joined at the same instant, each once, by user id", async () => {
    const desk = await createDesk();
    for (let i = 0; i < 3; i++) {
      const user = await createUserRecord(db);
      await addMemberRecord(db, { workspaceId: desk.workspaceId, userId: user.id, role: "viewer" });
    }
    await db.membership.updateMany({ where: { workspaceId: desk.workspaceId }, data: { createdAt: new Date("2026-01-01T00:00:00.000Z") } });
    const userIds = (await db.membership.findMany({ where: { workspaceId: desk.workspaceId }, select: { userId: true } })).map((row) => row.userId);
    const paged = await readEveryPage<{ userId: string }>((search) => list(desk.viewer, desk.workspaceId, `?${search}`), 2);
    expect(paged.map((member) => member.userId)).toEqual(userIds.sort());
  });

  it("answers 404 to a non-member, alike for a foreign and a missing workspace", async () => {
    const desk = await createDesk();
    const foreign = await list(desk.stranger, desk.workspaceId);
    const missing = await list(desk.stranger, "does-not-exist");
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(missing.body);
  });

  it("lets an owner change a role, audited, and refuses everyone else with 403", async () => {
    const desk = await createDesk();
    for (const as of [desk.editor, desk.reviewer, desk.viewer]) {
      const refused = await changeRole(as, desk.workspaceId, desk.viewer.id, { role: "editor" });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ error: { code: "forbidden", message: expect.stringContaining("needs owner") } });
    }
    const changed = await changeRole(desk.owner, desk.workspaceId, desk.viewer.id, { role: "editor" });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ userId: desk.viewer.id, role: "editor" });
    expect(await roleOf(desk.workspaceId, desk.viewer.id)).toBe("editor");
    const events = await db.auditEvent.findMany({ where: { workspaceId: desk.workspaceId, entityType: "membership" } });
    expect(events).toEqual([
      expect.objectContaining({ action: "member.role_changed", actorId: desk.owner.id, entityId: desk.viewer.id, field: "role", before: "viewer", after: "editor" }),
    ]);

    const unchanged = await changeRole(desk.owner, desk.workspaceId, desk.viewer.id, { role: "editor" });
    expect(unchanged.status).toBe(200);
    expect(await db.auditEvent.count({ where: { workspaceId: desk.workspaceId, entityType: "membership" } })).toBe(1);
  });

  it("answers 404 for a user who is not a member, and 400 for an unknown role", async () => {
    const desk = await createDesk();
    const notMember = await changeRole(desk.owner, desk.workspaceId, desk.stranger.id, { role: "viewer" });
    expect(notMember.status).toBe(404);
    expect(await roleOf(desk.workspaceId, desk.stranger.id)).toBeNull();
    const badRole = await changeRole(desk.owner, desk.workspaceId, desk.viewer.id, { role: "admin" });
    expect(badRole.status).toBe(400);
    expect(badRole.body).toMatchObject({ error: { details: [{ path: ["body", "role"], message: expect.stringContaining("viewer, reviewer, editor, owner") }] } });
  });

  it("lets an owner remove a member and any member leave, each audited; others get 403", async () => {
    const desk = await createDesk();
    const refused = await remove(desk.editor, desk.workspaceId, desk.viewer.id);
    expect(refused.status).toBe(403);
    expect((await remove(desk.owner, desk.workspaceId, desk.viewer.id)).status).toBe(204);
    expect(await roleOf(desk.workspaceId, desk.viewer.id)).toBeNull();
    expect((await list(desk.viewer, desk.workspaceId)).status).toBe(404);

    expect((await remove(desk.reviewer, desk.workspaceId, desk.reviewer.id)).status).toBe(204);
    expect(await roleOf(desk.workspaceId, desk.reviewer.id)).toBeNull();
    const actions = await db.auditEvent.findMany({
      where: { workspaceId: desk.workspaceId, entityType: "membership" },
      orderBy: { createdAt: "asc" },
      select: { action: true, actorId: true, entityId: true, before: true },
    });
    expect(actions).toEqual([
      { action: "member.removed", actorId: desk.owner.id, entityId: desk.viewer.id, before: expect.objectContaining({ role: "viewer" }) },
      { action: "member.left", actorId: desk.reviewer.id, entityId: desk.reviewer.id, before: expect.objectContaining({ role: "reviewer" }) },
    ]);
    expect((await remove(desk.owner, desk.workspaceId, desk.viewer.id)).status).toBe(404);
  });
});

describe("the last owner", () => {
  it("can be neither demoted, removed nor leave (409 that says what to do), until there is another owner", async () => {
    const desk = await createDesk();
    const selfDemotion = await changeRole(desk.owner, desk.workspaceId, desk.owner.id, { role: "editor" });
    expect(selfDemotion.status).toBe(409);
    expect(selfDemotion.body).toEqual({
      error: {
        code: "conflict",
        message: "You are the last owner of this workspace, so your role cannot be lowered. Make another member an owner first.",
        details: { reason: "last_owner" },
      },
    });
    const leaving = await remove(desk.owner, desk.workspaceId, desk.owner.id);
    expect(leaving.status).toBe(409);
    expect(leaving.body).toMatchObject({ error: { message: expect.stringContaining("cannot leave") } });
    expect(await roleOf(desk.workspaceId, desk.owner.id)).toBe("owner");

    // A second owner may remove or demote the first, but not once they are the only one left.
    expect((await changeRole(desk.owner, desk.workspaceId, desk.editor.id, { role: "owner" })).status).toBe(200);
    expect((await remove(desk.editor, desk.workspaceId, desk.owner.id)).status).toBe(204);
    const removeLast = await remove(desk.editor, desk.workspaceId, desk.editor.id);
    expect(removeLast.status).toBe(409);
    expect(await roleOf(desk.workspaceId, desk.editor.id)).toBe("owner");
  });

  it("names the other owner when an owner tries to remove the last one", async () => {
    const desk = await createDesk();
    const coOwner = await createUserRecord(db, { name: "Co Owner" });
    await addMemberRecord(db, { workspaceId: desk.workspaceId, userId: coOwner.id, role: "owner" });
    expect((await changeRole(coOwner, desk.workspaceId, coOwner.id, { role: "viewer" })).status).toBe(200);
    // The demoted co-owner is no longer allowed to manage members.
    expect((await remove(coOwner, desk.workspaceId, desk.owner.id)).status).toBe(403);
    const lastDemotion = await changeRole(desk.owner, desk.workspaceId, desk.owner.id, { role: "viewer" });
    expect(lastDemotion.status).toBe(409);
  });

  it("survives concurrent self-demotions and departures of the last two owners: one succeeds, one gets 409", async () => {
    for (const attempt of ["demote", "leave"] as const) {
      const desk = await createDesk();
      await db.membership.update({ where: { workspaceId_userId: { workspaceId: desk.workspaceId, userId: desk.editor.id } }, data: { role: "owner" } });
      const act = (as: TestUser) =>
        attempt === "demote" ? changeRole(as, desk.workspaceId, as.id, { role: "viewer" }) : remove(as, desk.workspaceId, as.id);
      const results = await Promise.all([act(desk.owner), act(desk.editor)]);
      expect(results.map((result) => result.status).sort(), attempt).toEqual([attempt === "demote" ? 200 : 204, 409].sort());
      expect(await db.membership.count({ where: { workspaceId: desk.workspaceId, role: "owner" } }), attempt).toBe(1);
    }
  });

  it("survives two owners demoting each other at once: one owner always remains", async () => {
    const desk = await createDesk();
    await db.membership.update({ where: { workspaceId_userId: { workspaceId: desk.workspaceId, userId: desk.editor.id } }, data: { role: "owner" } });
    const results = await Promise.all([
      changeRole(desk.owner, desk.workspaceId, desk.editor.id, { role: "viewer" }),
      changeRole(desk.editor, desk.workspaceId, desk.owner.id, { role: "viewer" }),
    ]);
    // The second to take the lock is no longer an owner (403), or finds the other is the last owner (409).
    expect(results.map((result) => result.status).sort()).toEqual([200, expect.toSatisfy((status: number) => status === 403 || status === 409)]);
    expect(await db.membership.count({ where: { workspaceId: desk.workspaceId, role: "owner" } })).toBe(1);
  });
});
