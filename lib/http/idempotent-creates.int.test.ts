import { describe, expect, it } from "vitest";
import { POST as postCommentRoute } from "@/app/api/v1/claims/[claimId]/comments/route";
import { POST as borrowRoute } from "@/app/api/v1/claims/[claimId]/evidence/borrow/route";
import { POST as addEvidenceRoute } from "@/app/api/v1/claims/[claimId]/evidence/route";
import { POST as createClaimRoute } from "@/app/api/v1/passages/[passageId]/claims/route";
import { POST as createWorkspaceRoute } from "@/app/api/v1/workspaces/route";
import { createClaimRecord, createPassageRecord, linkWebEvidenceRecord, uniqueSuffix } from "@/lib/fixtures/factories";
import { createDesk, db, type TestUser } from "@/scripts/test/desk";
import { callRoute } from "@/scripts/test/route-client";

// What the UI's double clicks and retries send: the same request twice with one Idempotency-Key
// (lib/http/create-attempt.ts). Each creating route the UI uses must create one record for it,
// whether the second copy arrives after the first answer or while the first is still running.

const TEXT = "Unemployment fell to 5.1 percent in October. Critics say 7 percent.";
const QUOTE = "Unemployment fell to 5.1 percent in October.";

type Desk = Awaited<ReturnType<typeof createDesk>>;
type Answer = Awaited<ReturnType<typeof callRoute>>;
type Case = {
  name: string;
  /** Sends the create once, with the given key, as the user the UI would. */
  prepare: (desk: Desk) => Promise<{ send: (key: string) => Promise<Answer>; count: () => Promise<number> }>;
};

async function newClaim(desk: Desk, state: "draft" | "verified" = "draft") {
  const passage = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, text: `${TEXT} ${uniqueSuffix()}` });
  return { passage, claim: await createClaimRecord(db, { passage, exact: QUOTE, createdById: desk.reviewer.id, label: "factual", state }) };
}

const as = (user: TestUser, key: string) => ({ as: user, headers: { "idempotency-key": key } });

const CASES: Case[] = [
  {
    name: "POST /api/v1/workspaces (Create workspace)",
    prepare: async (desk) => {
      const name = `Desk ${uniqueSuffix()}`;
      return {
        send: (key) => callRoute(createWorkspaceRoute, "POST", "/api/v1/workspaces", { ...as(desk.stranger, key), body: { name } }),
        count: () => db.workspace.count({ where: { name } }),
      };
    },
  },
  {
    name: "POST /api/v1/passages/{passageId}/claims (Mark claim)",
    prepare: async (desk) => {
      const passage = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, text: `${TEXT} ${uniqueSuffix()}` });
      return {
        send: (key) =>
          callRoute(createClaimRoute, "POST", `/api/v1/passages/${passage.id}/claims`, { ...as(desk.reviewer, key), params: { passageId: passage.id }, body: { start: 0, end: 44 } }),
        count: () => db.claim.count({ where: { passageId: passage.id } }),
      };
    },
  },
  {
    name: "POST /api/v1/claims/{claimId}/evidence (Add evidence, a passage span: a new evidence record each time without the key)",
    prepare: async (desk) => {
      const { claim, passage } = await newClaim(desk);
      return {
        send: (key) =>
          callRoute(addEvidenceRoute, "POST", `/api/v1/claims/${claim.id}/evidence`, {
            ...as(desk.reviewer, key),
            params: { claimId: claim.id },
            body: { stance: "context", passageId: passage.id, start: 45, end: 67 },
          }),
        count: () => db.claimEvidence.count({ where: { claimId: claim.id } }),
      };
    },
  },
  {
    name: "POST /api/v1/claims/{claimId}/comments (Post comment)",
    prepare: async (desk) => {
      const { claim } = await newClaim(desk);
      return {
        send: (key) => callRoute(postCommentRoute, "POST", `/api/v1/claims/${claim.id}/comments`, { ...as(desk.reviewer, key), params: { claimId: claim.id }, body: { body: "Source?" } }),
        count: () => db.comment.count({ where: { claimId: claim.id } }),
      };
    },
  },
  {
    name: "POST /api/v1/claims/{claimId}/evidence/borrow (Use this evidence)",
    prepare: async (desk) => {
      const { claim } = await newClaim(desk);
      const { claim: source } = await newClaim(desk, "verified");
      await linkWebEvidenceRecord(db, { workspaceId: desk.workspaceId, claimId: source.id, createdById: desk.editor.id, url: `https://example.org/${uniqueSuffix()}`, title: "Source", stance: "supports" });
      return {
        send: (key) => callRoute(borrowRoute, "POST", `/api/v1/claims/${claim.id}/evidence/borrow`, { ...as(desk.reviewer, key), params: { claimId: claim.id }, body: { fromClaimId: source.id } }),
        count: () => db.claimEvidence.count({ where: { claimId: claim.id } }),
      };
    },
  },
];

describe("creating routes the UI uses honour Idempotency-Key", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s: a retry with the same key replays the first answer, one record", async (_name, c) => {
    const desk = await createDesk();
    const { send, count } = await c.prepare(desk);
    const first = await send("attempt-1");
    const retry = await send("attempt-1");
    expect(first.status).toBeLessThan(300);
    expect({ status: retry.status, body: retry.body, replayed: retry.headers.get("idempotent-replayed") }).toEqual({
      status: first.status,
      body: first.body,
      replayed: "true",
    });
    // The route's own headers (a claim's ETag) come with the answer and with its replay, and JSON says its charset.
    expect(retry.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(first.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await count()).toBe(1);
  });

  it("keeps a new claim's ETag with an Idempotency-Key, first and on replay", async () => {
    const desk = await createDesk();
    const passage = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, text: TEXT });
    const send = () => callRoute(createClaimRoute, "POST", `/api/v1/passages/${passage.id}/claims`, { ...as(desk.reviewer, "etag-key"), params: { passageId: passage.id }, body: { exact: QUOTE } });
    const first = await send();
    const replay = await send();
    expect(first.status).toBe(201);
    expect([first.headers.get("etag"), replay.headers.get("etag")]).toEqual(['"1"', '"1"']);
  });

  it.each(CASES.map((c) => [c.name, c] as const))("%s: the same key sent twice at once creates one record, and never a 500", async (_name, c) => {
    const desk = await createDesk();
    const { send, count } = await c.prepare(desk);
    const answers = await Promise.all([send("double-click"), send("double-click")]);
    // The second copy either replays the first answer or is told the first is still running (409).
    expect(answers.filter((answer) => answer.status < 300).length, JSON.stringify(answers.map((a) => a.status))).toBeGreaterThanOrEqual(1);
    expect(answers.every((answer) => answer.status < 300 || answer.status === 409)).toBe(true);
    expect(await count()).toBe(1);
  });
});
