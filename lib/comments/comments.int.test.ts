import { describe, expect, it } from "vitest";
import { PATCH as patchClaimRoute } from "@/app/api/v1/claims/[claimId]/route";
import { GET as listCommentsRoute, POST as postCommentRoute } from "@/app/api/v1/claims/[claimId]/comments/route";
import { POST as markReadRoute } from "@/app/api/v1/notifications/read/route";
import { GET as notificationsRoute } from "@/app/api/v1/notifications/route";
import { COMMENT_MAX_LENGTH, type Comment, type CommentList } from "@/lib/comments/comment.schemas";
import { createClaimRecord, createPassageRecord } from "@/lib/fixtures/factories";
import type { NotificationList } from "@/lib/notifications/notification.schemas";
import { callRoute } from "@/scripts/test/route-client";
import { createDesk, db, type TestUser } from "@/scripts/test/desk";

const TEXT = "The council approved a budget of 4.1 million euros. Critics called it reckless.";

async function deskWithClaim() {
  const desk = await createDesk();
  const passage = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, text: TEXT });
  const claim = await createClaimRecord(db, { passage, exact: "The council approved a budget of 4.1 million euros.", createdById: desk.reviewer.id });
  return { ...desk, passage, claim };
}

const postComment = (as: TestUser, claimId: string, body: unknown) =>
  callRoute(postCommentRoute, "POST", `/api/v1/claims/${claimId}/comments`, { as, params: { claimId }, body });
const listComments = (as: TestUser, claimId: string, query = "") =>
  callRoute(listCommentsRoute, "GET", `/api/v1/claims/${claimId}/comments${query}`, { as, params: { claimId } });
const notificationsOf = async (as: TestUser, query = "") => {
  const response = await callRoute(notificationsRoute, "GET", `/api/v1/notifications${query}`, { as });
  expect(response.status).toBe(200);
  return response.body as NotificationList;
};

describe("comments on a claim", () => {
  it("posts plain text with resolved @mentions, lists oldest first, and audits it", async () => {
    const { reviewer, editor, claim } = await deskWithClaim();
    const body = `@${editor.name} can you check the 4.1 figure? <b>not bold</b>`;
    const posted = await postComment(reviewer, claim.id, { body: `  ${body}  ` });
    expect(posted.status).toBe(201);
    const comment = posted.body as Comment;
    expect(comment.body).toBe(body);
    expect(comment.author).toEqual({ id: reviewer.id, name: reviewer.name });
    expect(comment.mentions).toEqual([{ userId: editor.id, name: editor.name, start: 0, end: editor.name.length + 1 }]);
    await postComment(editor, claim.id, { body: "Checked: matches the minutes." });

    const listed = await listComments(reviewer, claim.id);
    expect(listed.status).toBe(200);
    expect((listed.body as CommentList).items.map((item) => item.body)).toEqual([body, "Checked: matches the minutes."]);

    const audit = await db.auditEvent.findMany({ where: { claimId: claim.id, action: "comment.created" } });
    expect(audit).toHaveLength(2);
    expect(audit.find((event) => event.entityId === comment.id)?.actorId).toBe(reviewer.id);
  });

  it("pages through a long discussion with a cursor", async () => {
    const { reviewer, claim } = await deskWithClaim();
    for (const n of [1, 2, 3]) await postComment(reviewer, claim.id, { body: `note ${n}` });
    const first = (await listComments(reviewer, claim.id, "?limit=2")).body as CommentList;
    expect(first.items.map((item) => item.body)).toEqual(["note 1", "note 2"]);
    const second = (await listComments(reviewer, claim.id, `?limit=2&cursor=${first.nextCursor}`)).body as CommentList;
    expect(second.items.map((item) => item.body)).toEqual(["note 3"]);
    expect(second.nextCursor).toBeNull();
  });

  it("lets viewers read but not comment, hides the claim from strangers, and refuses empty or oversized text", async () => {
    const { viewer, stranger, reviewer, claim } = await deskWithClaim();
    expect((await listComments(viewer, claim.id)).status).toBe(200);
    const refused = await postComment(viewer, claim.id, { body: "I agree" });
    expect(refused.status).toBe(403);
    expect((await postComment(stranger, claim.id, { body: "hello" })).status).toBe(404);
    expect((await listComments(stranger, claim.id)).status).toBe(404);
    const empty = await postComment(reviewer, claim.id, { body: "   " });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain("Write something");
    expect((await postComment(reviewer, claim.id, { body: "x".repeat(COMMENT_MAX_LENGTH + 1) })).status).toBe(400);
    expect(await db.comment.count({ where: { claimId: claim.id } })).toBe(0);
  });
});

describe("notifications", () => {
  it("notifies each mentioned member once, never the author or a non-member, and counts unread", async () => {
    const { reviewer, editor, stranger, owner, claim } = await deskWithClaim();
    await postComment(reviewer, claim.id, { body: `@${editor.name} and @${editor.email} and @${reviewer.name} and @${stranger.name}` });

    const editorInbox = await notificationsOf(editor);
    expect(editorInbox.unreadCount).toBe(1);
    expect(editorInbox.items).toHaveLength(1);
    expect(editorInbox.items[0]).toMatchObject({
      kind: "mention",
      actor: { id: reviewer.id },
      claim: { id: claim.id },
      readAt: null,
    });
    expect(editorInbox.items[0]?.commentExcerpt).toContain(`@${editor.name}`);
    expect((await notificationsOf(reviewer)).items).toHaveLength(0);
    expect((await notificationsOf(stranger)).items).toHaveLength(0);
    expect((await notificationsOf(owner)).items).toHaveLength(0);
  });

  it("notifies a reviewer assigned to a claim, and marks read only the caller's own", async () => {
    const { editor, reviewer, claim } = await deskWithClaim();
    const assigned = await callRoute(patchClaimRoute, "PATCH", `/api/v1/claims/${claim.id}`, {
      as: editor,
      params: { claimId: claim.id },
      body: { assigneeId: reviewer.id },
      headers: { "if-match": '"1"' },
    });
    expect(assigned.status).toBe(200);
    const inbox = await notificationsOf(reviewer, "?unread=true");
    expect(inbox.items.map((item) => item.kind)).toEqual(["assignment"]);

    const foreign = await callRoute(markReadRoute, "POST", "/api/v1/notifications/read", { as: editor, body: { ids: inbox.items.map((item) => item.id) } });
    expect(foreign.body).toEqual({ updated: 0, unreadCount: 0 });
    expect((await notificationsOf(reviewer)).unreadCount).toBe(1);

    const own = await callRoute(markReadRoute, "POST", "/api/v1/notifications/read", { as: reviewer, body: {} });
    expect(own.body).toEqual({ updated: 1, unreadCount: 0 });
    expect((await notificationsOf(reviewer, "?unread=true")).items).toHaveLength(0);
    expect((await notificationsOf(reviewer)).items[0]?.readAt).not.toBeNull();
  });

  it("stops showing a workspace's notifications once the member has left it", async () => {
    const { reviewer, editor, workspaceId, claim } = await deskWithClaim();
    await postComment(reviewer, claim.id, { body: `@${editor.name} please look` });
    await db.membership.delete({ where: { workspaceId_userId: { workspaceId, userId: editor.id } } });
    const inbox = await notificationsOf(editor);
    expect(inbox.items).toHaveLength(0);
    expect(inbox.unreadCount).toBe(0);
  });
});
