import { describe, expect, it } from "vitest";
import { POST as acceptRoute } from "@/app/api/v1/invitations/[token]/accept/route";
import { DELETE as revokeRoute } from "@/app/api/v1/workspaces/[workspaceId]/invitations/[invitationId]/route";
import { GET as listRoute, POST as inviteRoute } from "@/app/api/v1/workspaces/[workspaceId]/invitations/route";
import { hashApiToken } from "@/lib/auth/server/api-token-auth";
import { createUserRecord } from "@/lib/fixtures/factories";
import type { NewInvitation, PendingInvitationList } from "@/lib/invitations/invitation.schemas";
import { createDesk, db, type TestUser } from "@/scripts/test/desk";
import { readEveryPage } from "@/scripts/test/read-every-page";
import { callRoute } from "@/scripts/test/route-client";
import { DAY_MS } from "@/lib/time-units";


const invite = (as: TestUser, workspaceId: string, body: unknown, headers: Record<string, string> = {}) =>
  callRoute(inviteRoute, "POST", `/api/v1/workspaces/${workspaceId}/invitations`, { as, params: { workspaceId }, body, headers });
const listPending = (as: TestUser, workspaceId: string) =>
  callRoute(listRoute, "GET", `/api/v1/workspaces/${workspaceId}/invitations`, { as, params: { workspaceId } });
const revoke = (as: TestUser, workspaceId: string, invitationId: string) =>
  callRoute(revokeRoute, "DELETE", `/api/v1/workspaces/${workspaceId}/invitations/${invitationId}`, { as, params: { workspaceId, invitationId } });
const accept = (as: TestUser | undefined, token: string) =>
  callRoute(acceptRoute, "POST", `/api/v1/invitations/${token}/accept`, { as, params: { token } });

const secretOf = (invitation: NewInvitation) => new URL(invitation.url).pathname.split("/").at(-1) ?? "";

async function invited(role = "editor") {
  const desk = await createDesk();
  const response = await invite(desk.owner, desk.workspaceId, { email: `guest-${Date.now()}@example.test`, role });
  expect(response.status).toBe(201);
  const invitation = response.body as NewInvitation;
  return { ...desk, invitation, token: secretOf(invitation) };
}

const roleOf = async (workspaceId: string, userId: string) =>
  (await db.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } }, select: { role: true } }))?.role ?? null;

describe("inviting", () => {
  it("answers a link with a 32-byte secret, stored only as its SHA-256, valid for 7 days, audited", async () => {
    const desk = await createDesk();
    const before = Date.now();
    const response = await invite(desk.owner, desk.workspaceId, { email: "  New.Colleague@Example.test ", role: "reviewer" });
    expect(response.status).toBe(201);
    const invitation = response.body as NewInvitation;
    expect(invitation).toEqual({
      id: expect.any(String),
      email: "new.colleague@example.test",
      role: "reviewer",
      url: expect.stringMatching(/^http:\/\/localhost:3000\/invitations\/[A-Za-z0-9_-]{43}$/),
      createdAt: expect.any(String),
      expiresAt: expect.any(String),
    });
    const expiresAt = new Date(invitation.expiresAt).getTime();
    expect(expiresAt).toBeGreaterThanOrEqual(before + 7 * DAY_MS);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 7 * DAY_MS);

    const secret = secretOf(invitation);
    expect(Buffer.from(secret, "base64url")).toHaveLength(32);
    const row = await db.invitation.findUniqueOrThrow({ where: { id: invitation.id }, omit: { tokenHash: false } });
    expect(row.tokenHash).toBe(hashApiToken(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(await db.idempotencyKey.count({ where: { userId: desk.owner.id } })).toBe(0);
    const event = await db.auditEvent.findFirst({ where: { entityType: "invitation", entityId: invitation.id } });
    expect(event).toMatchObject({ action: "invitation.created", actorId: desk.owner.id, after: { email: "new.colleague@example.test", role: "reviewer" } });
  });

  it("never stores the secret for an Idempotency-Key replay: invitation creation ignores the header", async () => {
    const desk = await createDesk();
    const response = await invite(desk.owner, desk.workspaceId, { email: "retry@example.test", role: "viewer" }, { "idempotency-key": "invite-1" });
    expect(response.status).toBe(201);
    expect(await db.idempotencyKey.count({ where: { userId: desk.owner.id } })).toBe(0);
  });

  it("lists pending invitations to owners only, without links; a new invitation for the same email replaces the old", async () => {
    const desk = await createDesk();
    const first = (await invite(desk.owner, desk.workspaceId, { email: "twice@example.test", role: "viewer" })).body as NewInvitation;
    const second = (await invite(desk.owner, desk.workspaceId, { email: "twice@example.test", role: "editor" })).body as NewInvitation;
    await invite(desk.owner, desk.workspaceId, { email: "other@example.test", role: "reviewer" });

    const listed = await listPending(desk.owner, desk.workspaceId);
    expect(listed.status).toBe(200);
    const { items } = listed.body as PendingInvitationList;
    expect(items.map((item) => [item.email, item.role])).toEqual([
      ["other@example.test", "reviewer"],
      ["twice@example.test", "editor"],
    ]);
    expect(items[1]).toEqual({
      id: second.id,
      email: "twice@example.test",
      role: "editor",
      invitedBy: { id: desk.owner.id, name: desk.owner.name },
      createdAt: second.createdAt,
      expiresAt: second.expiresAt,
    });
    expect(JSON.stringify(listed.body)).not.toContain(secretOf(second));

    const replaced = await accept(desk.stranger, secretOf(first));
    expect(replaced.status).toBe(410);
    expect(replaced.body).toMatchObject({ error: { code: "gone", message: expect.stringContaining("withdrawn") } });

    for (const as of [desk.editor, desk.reviewer, desk.viewer]) expect((await listPending(as, desk.workspaceId)).status).toBe(403);
    expect((await listPending(desk.stranger, desk.workspaceId)).status).toBe(404);
  });

  it("pages through invitations made at the same instant, each once, newest id first", async () => {
    const desk = await createDesk();
    for (let i = 0; i < 5; i++) expect((await invite(desk.owner, desk.workspaceId, { email: `same-time-${i}@example.test`, role: "viewer" })).status).toBe(201);
    await db.invitation.updateMany({ where: { workspaceId: desk.workspaceId }, data: { createdAt: new Date("2026-01-01T00:00:00.000Z") } });
    const ids = (await db.invitation.findMany({ where: { workspaceId: desk.workspaceId }, select: { id: true } })).map((row) => row.id);
    const paged = await readEveryPage<{ id: string }>(
      (search) => callRoute(listRoute, "GET", `/api/v1/workspaces/${desk.workspaceId}/invitations?${search}`, { as: desk.owner, params: { workspaceId: desk.workspaceId } }),
      2,
    );
    expect(paged.map((invitation) => invitation.id)).toEqual(ids.sort().reverse());
  });

  it("refuses to invite an existing member (409), a bad email or role (400), and non-owners (403)", async () => {
    const desk = await createDesk();
    const member = await invite(desk.owner, desk.workspaceId, { email: desk.viewer.email.toUpperCase(), role: "editor" });
    expect(member.status).toBe(409);
    expect(member.body).toMatchObject({ error: { code: "conflict", message: expect.stringContaining("already a member") } });
    const invalid = await invite(desk.owner, desk.workspaceId, { email: "nope", role: "chief" });
    expect(invalid.status).toBe(400);
    const paths = (invalid.body as { error: { details: { path: string[] }[] } }).error.details.map((issue) => issue.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["body.email", "body.role"]));
    expect((await invite(desk.editor, desk.workspaceId, { email: "x@example.test", role: "viewer" })).status).toBe(403);
    expect((await invite(desk.stranger, desk.workspaceId, { email: "x@example.test", role: "viewer" })).status).toBe(404);
    expect(await db.invitation.count({ where: { workspaceId: desk.workspaceId } })).toBe(0);
  });
});

describe("accepting", () => {
  it("joins any signed-in holder of the link with the invited role, once, recording who accepted", async () => {
    const { invitation, token, workspaceId, workspace, stranger } = await invited("editor");
    const response = await accept(stranger, token);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ workspace: { id: workspaceId, name: workspace.name }, role: "editor" });
    expect(await roleOf(workspaceId, stranger.id)).toBe("editor");
    const row = await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(row).toMatchObject({ acceptedById: stranger.id, acceptedAt: expect.any(Date), revokedAt: null });
    const actions = await db.auditEvent.findMany({ where: { workspaceId, actorId: stranger.id }, select: { action: true }, orderBy: { action: "asc" } });
    expect(actions.map((event) => event.action)).toEqual(["invitation.accepted", "member.joined"]);

    const again = await accept(stranger, token);
    expect(again.status).toBe(410);
    expect(again.body).toMatchObject({ error: { code: "gone", message: "You already accepted this invitation." } });
    const latecomer = await createUserRecord(db);
    const used = await accept(latecomer, token);
    expect(used.status).toBe(410);
    expect(used.body).toMatchObject({ error: { message: expect.stringContaining("already been used") } });
    expect(await roleOf(workspaceId, latecomer.id)).toBeNull();
  });

  it("lets exactly one of two people racing for the same link in", async () => {
    const { token, workspaceId } = await invited("viewer");
    const [first, second] = [await createUserRecord(db), await createUserRecord(db)];
    const results = await Promise.all([accept(first, token), accept(second, token)]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 410]);
    expect(await db.membership.count({ where: { workspaceId, userId: { in: [first.id, second.id] } } })).toBe(1);
  });

  it("answers 410 with the date for an expired invitation", async () => {
    const { invitation, token, workspaceId, stranger } = await invited();
    const expiredAt = new Date(Date.now() - 60_000);
    await db.invitation.update({ where: { id: invitation.id }, data: { expiresAt: expiredAt } });
    const response = await accept(stranger, token);
    expect(response.status).toBe(410);
    expect(response.body).toMatchObject({
      error: { code: "gone", message: expect.stringContaining("expired on"), details: { expiresAt: expiredAt.toISOString() } },
    });
    expect(await roleOf(workspaceId, stranger.id)).toBeNull();
    expect((await listPending(await ownerOf(workspaceId), workspaceId)).body).toMatchObject({ items: [] });
  });

  it("answers 410 for a withdrawn invitation; withdrawing is audited and repeatable", async () => {
    const { invitation, token, workspaceId, owner, stranger } = await invited();
    expect((await revoke(owner, workspaceId, invitation.id)).status).toBe(204);
    expect((await revoke(owner, workspaceId, invitation.id)).status).toBe(204);
    expect(await db.auditEvent.count({ where: { entityType: "invitation", entityId: invitation.id, action: "invitation.revoked" } })).toBe(1);
    const response = await accept(stranger, token);
    expect(response.status).toBe(410);
    expect(response.body).toMatchObject({ error: { message: expect.stringContaining("withdrawn") } });
    expect(await roleOf(workspaceId, stranger.id)).toBeNull();
  });

  it("answers 404 for an unknown or malformed link, and 401 without a session", async () => {
    const user = await createUserRecord(db);
    const unknown = await accept(user, "A".repeat(43));
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: { code: "not_found", message: expect.stringContaining("not valid") } });
    expect((await accept(user, "short")).status).toBe(404);
    const { token } = await invited();
    expect((await accept(undefined, token)).status).toBe(401);
  });

  it("keeps an existing member's role and leaves the invitation unused (409)", async () => {
    const { invitation, token, workspaceId, viewer } = await invited("owner");
    const response = await accept(viewer, token);
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ error: { code: "conflict", message: expect.stringContaining("already a member"), details: { role: "viewer" } } });
    expect(await roleOf(workspaceId, viewer.id)).toBe("viewer");
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).acceptedAt).toBeNull();
  });
});

describe("withdrawing", () => {
  it("is for owners of the invitation's workspace: 403 for other members, 404 across workspaces, 409 once accepted", async () => {
    const { invitation, token, workspaceId, editor, stranger } = await invited();
    expect((await revoke(editor, workspaceId, invitation.id)).status).toBe(403);
    const other = await createDesk();
    const crossWorkspace = await revoke(other.owner, other.workspaceId, invitation.id);
    const missing = await revoke(other.owner, other.workspaceId, "does-not-exist");
    expect(crossWorkspace.status).toBe(404);
    expect(crossWorkspace.body).toEqual(missing.body);

    expect((await accept(stranger, token)).status).toBe(200);
    const afterAccept = await revoke(await ownerOf(workspaceId), workspaceId, invitation.id);
    expect(afterAccept.status).toBe(409);
    expect(afterAccept.body).toMatchObject({ error: { message: expect.stringContaining("remove the member") } });
  });
});

async function ownerOf(workspaceId: string): Promise<TestUser> {
  const owner = await db.membership.findFirstOrThrow({ where: { workspaceId, role: "owner" }, select: { user: { select: { id: true, email: true, name: true } } } });
  return { ...owner.user, password: "" };
}
