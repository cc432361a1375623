import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { deleteExpiredIdempotencyKeys, INLINE_ANSWER_LIMIT_BYTES } from "@/lib/http/idempotency";
import type { Passage } from "@/lib/passages/passage.schemas";
import { createDesk, db, importText } from "@/lib/passages/passages.int-helpers";

const HOUR_MS = 60 * 60 * 1000;

function keyRows(userId: string, key: string) {
  return db.idempotencyKey.findMany({ where: { userId, key } });
}

describe("Idempotency-Key records", () => {
  it("treat a key older than IDEMPOTENCY_TTL_HOURS as unused: the same key creates again", async () => {
    const { reviewer, workspaceId } = await createDesk();
    const key = { "idempotency-key": "expiring" };
    const first = await importText(reviewer, workspaceId, { title: "Monday", text: "Imported on Monday" }, key);
    expect(first.status).toBe(201);
    await db.idempotencyKey.updateMany({ where: { userId: reviewer.id, key: "expiring" }, data: { createdAt: new Date(Date.now() - 25 * HOUR_MS) } });

    const later = await importText(reviewer, workspaceId, { title: "Wednesday", text: "Imported on Wednesday" }, key);
    expect(later.status).toBe(201);
    expect(later.headers.get("idempotent-replayed")).toBeNull();
    expect((later.body as Passage).id).not.toBe((first.body as Passage).id);
    expect(await keyRows(reviewer.id, "expiring")).toHaveLength(1);
  });

  it("are deleted once expired, oldest first, while fresh ones stay", async () => {
    const { reviewer, workspaceId } = await createDesk();
    for (const name of ["old-1", "old-2", "fresh"]) {
      expect((await importText(reviewer, workspaceId, { title: name, text: `Text ${name}` }, { "idempotency-key": name })).status).toBe(201);
    }
    await db.idempotencyKey.updateMany({ where: { userId: reviewer.id, key: { startsWith: "old-" } }, data: { createdAt: new Date(Date.now() - 24 * HOUR_MS - 1000) } });

    expect(await deleteExpiredIdempotencyKeys()).toBeGreaterThanOrEqual(2);
    const left = await db.idempotencyKey.findMany({ where: { userId: reviewer.id }, select: { key: true } });
    expect(left.map((row) => row.key)).toEqual(["fresh"]);
  });

  it("let a retry take over a pending key whose request died (lease run out), and refuse one still running", async () => {
    const { reviewer, workspaceId } = await createDesk();
    const body = { title: "Interrupted", text: "The server was killed while importing this." };
    const requestHash = createHash("sha256").update(JSON.stringify(body)).digest("hex");
    const scope = `POST /api/v1/workspaces/${workspaceId}/passages`;
    // What a `kill -9` mid-request leaves behind: a placeholder nobody renews.
    const pending = (key: string, pendingUntil: Date) =>
      db.idempotencyKey.create({ data: { userId: reviewer.id, key, scope, requestHash, responseStatus: 0, responseBody: {}, pendingUntil } });
    await pending("dead", new Date(Date.now() - 1000));
    await pending("running", new Date(Date.now() + 60_000));

    const running = await importText(reviewer, workspaceId, body, { "idempotency-key": "running" });
    expect(running.status).toBe(409);
    expect(running.headers.get("retry-after")).toBe("1");

    const takeover = await importText(reviewer, workspaceId, body, { "idempotency-key": "dead" });
    expect(takeover.status).toBe(201);
    const replay = await importText(reviewer, workspaceId, body, { "idempotency-key": "dead" });
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.body).toEqual(takeover.body);
    const [row] = await keyRows(reviewer.id, "dead");
    expect(row).toMatchObject({ responseStatus: 201, pendingUntil: null });
    expect(await db.passage.count({ where: { workspaceId } })).toBe(1);
  });

  it("store a large answer by reference and replay the very body the first call returned", async () => {
    const { reviewer, workspaceId } = await createDesk();
    const text = Array.from({ length: 600 }, (_, i) => `Sentence number ${i} of a long article.`).join(" ");
    const key = { "idempotency-key": "large" };
    const first = await importText(reviewer, workspaceId, { title: "Long read", text }, key);
    expect(first.status).toBe(201);

    const [row] = await keyRows(reviewer.id, "large");
    expect(row?.isAnswerByReference).toBe(true);
    expect(JSON.stringify(row?.responseBody).length).toBeLessThan(INLINE_ANSWER_LIMIT_BYTES);
    expect(JSON.stringify(row?.responseBody)).not.toContain("Sentence number");

    // The title may change since; the replay is still the first answer.
    await db.passage.update({ where: { id: (first.body as Passage).id }, data: { title: "Renamed later" } });
    const replay = await importText(reviewer, workspaceId, { title: "Long read", text }, key);
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.body).toEqual(first.body);
    expect((replay.body as Passage).text).toBe(text);
  });

  it("keep a small answer inline", async () => {
    const { reviewer, workspaceId } = await createDesk();
    const first = await importText(reviewer, workspaceId, { title: "Short", text: "A short passage." }, { "idempotency-key": "small" });
    const [row] = await keyRows(reviewer.id, "small");
    expect(row?.isAnswerByReference).toBe(false);
    expect(row?.responseBody).toEqual(first.body);
  });
});
