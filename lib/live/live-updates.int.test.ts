import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { PATCH as patchClaimRoute } from "@/app/api/v1/claims/[claimId]/route";
import { POST as createClaimRoute } from "@/app/api/v1/passages/[passageId]/claims/route";
import { GET as eventsRoute } from "@/app/api/v1/workspaces/[workspaceId]/events/route";
import { createClaimRecord, createPassageRecord } from "@/lib/fixtures/factories";
import type { LiveEvent } from "@/lib/live/live-events";
import { liveHub } from "@/lib/live/server/live-hub";
import { callRoute, sessionCookie } from "@/scripts/test/route-client";
import { createDesk, db, type TestUser } from "@/scripts/test/desk";

const TEXT = "Fares rose 12 percent in March. The mayor called it fair.";

type OpenStream = { status: number; next: (predicate: (event: LiveEvent) => boolean) => Promise<LiveEvent>; close: () => void };
const openStreams: OpenStream[] = [];

afterEach(() => {
  for (const stream of openStreams.splice(0)) stream.close();
});

/** Opens the live stream as a browser's EventSource would, and reads its events as they come. */
async function openStream(as: TestUser, workspaceId: string, passageId?: string): Promise<OpenStream> {
  const abort = new AbortController();
  const url = `http://localhost:3000/api/v1/workspaces/${workspaceId}/events${passageId ? `?passageId=${passageId}` : ""}`;
  const request = new NextRequest(url, { headers: { cookie: await sessionCookie(as), accept: "text/event-stream" }, signal: abort.signal });
  const response = await eventsRoute(request, { params: Promise.resolve({ workspaceId }) });
  const received: LiveEvent[] = [];
  const waiters: { predicate: (event: LiveEvent) => boolean; resolve: (event: LiveEvent) => void }[] = [];
  // Each `next` looks only at events after the one the previous `next` returned.
  let cursor = 0;
  if (response.ok && response.body) {
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    void (async () => {
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        buffer += value;
        const frames = buffer.split("\n\n");
        buffer = frames.pop() ?? "";
        for (const frame of frames) {
          const data = frame.split("\n").find((line) => line.startsWith("data: "));
          if (!data) continue;
          const event = JSON.parse(data.slice(6)) as LiveEvent;
          received.push(event);
          for (const waiter of waiters.splice(0)) {
            if (waiter.predicate(event)) {
              cursor = received.length;
              waiter.resolve(event);
            } else {
              waiters.push(waiter);
            }
          }
        }
      }
    })();
  }
  const stream: OpenStream = {
    status: response.status,
    next: (predicate) => {
      const index = received.findIndex((event, i) => i >= cursor && predicate(event));
      const seen = received[index];
      if (seen) {
        cursor = index + 1;
        return Promise.resolve(seen);
      }
      return new Promise((resolve) => waiters.push({ predicate, resolve }));
    },
    close: () => abort.abort(),
  };
  openStreams.push(stream);
  return stream;
}

async function deskWithPassage() {
  const desk = await createDesk();
  const passage = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, text: TEXT });
  return { ...desk, passage };
}

describe("live updates", () => {
  it("tells an open page of the workspace about a claim another member creates and relabels, after commit", async () => {
    const { viewer, reviewer, workspaceId, passage } = await deskWithPassage();
    const stream = await openStream(viewer, workspaceId);
    expect(stream.status).toBe(200);

    const created = await callRoute(createClaimRoute, "POST", `/api/v1/passages/${passage.id}/claims`, {
      as: reviewer,
      params: { passageId: passage.id },
      body: { exact: "Fares rose 12 percent in March." },
    });
    expect(created.status).toBe(201);
    const claimId = (created.body as { id: string }).id;
    const creation = await stream.next((event) => event.type === "change" && event.actions.includes("claim.created"));
    expect(creation).toMatchObject({ type: "change", workspaceId, actorId: reviewer.id, claimIds: [claimId] });

    await callRoute(patchClaimRoute, "PATCH", `/api/v1/claims/${claimId}`, {
      as: reviewer,
      params: { claimId },
      body: { label: "factual" },
      headers: { "if-match": '"1"' },
    });
    await expect(stream.next((event) => event.type === "change" && event.actions.includes("claim.updated"))).resolves.toMatchObject({ claimIds: [claimId] });
  });

  it("does not announce a change that was refused, nor changes of other workspaces", async () => {
    const first = await deskWithPassage();
    const second = await deskWithPassage();
    const claim = await createClaimRecord(db, { passage: first.passage, exact: "Fares rose 12 percent in March.", createdById: first.reviewer.id });
    const stream = await openStream(first.viewer, first.workspaceId);

    const stale = await callRoute(patchClaimRoute, "PATCH", `/api/v1/claims/${claim.id}`, {
      as: first.reviewer,
      params: { claimId: claim.id },
      body: { label: "opinion" },
      headers: { "if-match": '"7"' },
    });
    expect(stale.status).toBe(412);
    await callRoute(createClaimRoute, "POST", `/api/v1/passages/${second.passage.id}/claims`, {
      as: second.reviewer,
      params: { passageId: second.passage.id },
      body: { exact: "The mayor called it fair." },
    });
    // A later change of this workspace arrives; nothing before it did.
    await callRoute(createClaimRoute, "POST", `/api/v1/passages/${first.passage.id}/claims`, {
      as: first.reviewer,
      params: { passageId: first.passage.id },
      body: { exact: "The mayor called it fair." },
    });
    const firstChange = await stream.next((event) => event.type === "change");
    expect(firstChange).toMatchObject({ workspaceId: first.workspaceId, actions: ["claim.created"] });
  });

  it("shows who else has a passage open, and forgets a viewer who leaves", async () => {
    const { reviewer, editor, workspaceId, passage } = await deskWithPassage();
    const reviewerStream = await openStream(reviewer, workspaceId, passage.id);
    await reviewerStream.next((event) => event.type === "presence" && event.viewers.some((viewer) => viewer.userId === reviewer.id));

    const editorStream = await openStream(editor, workspaceId, passage.id);
    const both = (event: LiveEvent) => event.type === "presence" && event.viewers.length === 2;
    await expect(editorStream.next(both)).resolves.toMatchObject({ viewers: expect.arrayContaining([{ userId: reviewer.id, name: reviewer.name }]) });
    await reviewerStream.next(both);

    editorStream.close();
    const reviewerAlone = await reviewerStream.next(
      (event) => event.type === "presence" && event.viewers.length === 1 && event.viewers[0]?.userId === reviewer.id,
    );
    expect(reviewerAlone).toMatchObject({ viewers: [{ userId: reviewer.id }] });
  });

  it("keeps an open page live after the database drops the listener's connection: it is told to resync, and hears later changes", async () => {
    const { viewer, reviewer, workspaceId, passage } = await deskWithPassage();
    const stream = await openStream(viewer, workspaceId);
    expect(stream.status).toBe(200);

    const terminated = await db.$queryRaw<{ isTerminated: boolean }[]>`
      SELECT pg_terminate_backend(pid) AS "isTerminated" FROM pg_stat_activity WHERE application_name = ${liveHub().listenerName}`;
    expect(terminated).toEqual([{ isTerminated: true }]);
    await expect(stream.next((event) => event.type === "listener")).resolves.toEqual({ type: "listener", state: "down" });
    await expect(stream.next((event) => event.type === "resync")).resolves.toEqual({ type: "resync" });

    await callRoute(createClaimRoute, "POST", `/api/v1/passages/${passage.id}/claims`, {
      as: reviewer,
      params: { passageId: passage.id },
      body: { exact: "Fares rose 12 percent in March." },
    });
    await expect(stream.next((event) => event.type === "change" && event.actions.includes("claim.created"))).resolves.toMatchObject({ workspaceId });
  });

  it("refuses a stranger and a passage of another workspace as not found", async () => {
    const first = await deskWithPassage();
    const second = await deskWithPassage();
    expect((await openStream(first.stranger, first.workspaceId)).status).toBe(404);
    expect((await openStream(first.viewer, first.workspaceId, second.passage.id)).status).toBe(404);
  });
});
