import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createUserSession } from "@/lib/auth/server/user-sessions";
import { createApiTokenRecord } from "@/lib/fixtures/factories";
import { openLiveStream } from "@/lib/live/server/open-live-stream";
import { publishChanges } from "@/lib/live/server/publish-change";
import { removeMember } from "@/lib/members/server/remove-member";
import { createDesk, db, type TestUser } from "@/scripts/test/desk";

// A live stream outlives the request that opened it; signing out (or revoking the token) must end it,
// or a stolen cookie keeps hearing the workspace's changes after its owner signed out everywhere.
async function textUntilClosed(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let text = "";
  for (;;) {
    const { done, value } = (await reader?.read()) ?? { done: true, value: undefined };
    if (done) return text;
    text += decoder.decode(value, { stream: true });
  }
}

const readUntilClosed = async (response: Response): Promise<"closed"> => (await textUntilClosed(response), "closed");

const actorOf = (user: TestUser, via: Actor["via"], ids: Pick<Actor, "sessionId" | "tokenId">): Actor => ({
  userId: user.id,
  email: user.email,
  name: user.name,
  via,
  ...ids,
});

/** A workspace-wide stream (no passage), whose access is checked again every `heartbeatMs`. */
const openWorkspaceStream = (actor: Actor, workspaceId: string, heartbeatMs: number) =>
  openLiveStream({ actor, workspaceId, passageId: null, signal: new AbortController().signal, heartbeatMs });

describe("a live stream after sign-out", () => {
  it("ends when its session is signed out", async () => {
    const desk = await createDesk();
    const session = await createUserSession({ userId: desk.reviewer.id }, db);
    const response = await openWorkspaceStream(actorOf(desk.reviewer, "session", { sessionId: session.id }), desk.workspaceId, 50);
    expect(response.status).toBe(200);
    const closed = readUntilClosed(response);
    await db.userSession.update({ where: { id: session.id }, data: { revokedAt: new Date() } });
    expect(await closed).toBe("closed");
  });

  it("ends when its API token is revoked", async () => {
    const desk = await createDesk();
    const token = await createApiTokenRecord(db, { userId: desk.reviewer.id });
    const response = await openWorkspaceStream(actorOf(desk.reviewer, "token", { tokenId: token.id }), desk.workspaceId, 50);
    const closed = readUntilClosed(response);
    await db.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
    expect(await closed).toBe("closed");
  });

  it("ends at once when its member is removed, so nothing changed after the removal reaches it", async () => {
    const desk = await createDesk();
    const session = await createUserSession({ userId: desk.reviewer.id }, db);
    const ownerSession = await createUserSession({ userId: desk.owner.id }, db);
    // A heartbeat far beyond the test: only the check a removal starts can end this stream.
    const response = await openWorkspaceStream(actorOf(desk.reviewer, "session", { sessionId: session.id }), desk.workspaceId, 10 * 60_000);
    const received = textUntilClosed(response);
    await removeMember({ actor: actorOf(desk.owner, "session", { sessionId: ownerSession.id }), workspaceId: desk.workspaceId, userId: desk.reviewer.id });
    await db.$transaction((tx) => publishChanges(tx, [{ workspaceId: desk.workspaceId, actorId: desk.owner.id, claimId: "claim-after-removal", action: "comment.created" }]));
    const text = await received;
    expect(text).toContain(": connected");
    expect(text).not.toContain("claim-after-removal");
  });
});
