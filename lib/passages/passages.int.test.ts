import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/openapi/openapi-document";
import { PASSAGE_TITLE_MAX_LENGTH, PassageSchema } from "@/lib/passages/passage.schemas";
import { createDesk, db, importRaw, importText, uploadFile } from "@/lib/passages/passages.int-helpers";
import { POST as importPassageRoute } from "@/app/api/v1/workspaces/[workspaceId]/passages/route";
import { callRoute } from "@/scripts/test/route-client";

const errorOf = (body: unknown) => (body as { error: { code: string; message: string; details?: unknown } }).error;

describe("POST /api/v1/workspaces/{workspaceId}/passages", () => {
  it("imports pasted text as a reviewer, normalized to NFC and \\n, with its hash, length and an audit event", async () => {
    const { reviewer, workspaceId } = await createDesk();
    const response = await importText(reviewer, workspaceId, {
      title: "  Mayor's speech ",
      text: "😀 Cafe\u0301 claim\r\nsecond line\rthird",
      sourceUrl: "https://news.example/speech",
      publishedAt: "2024-05-01",
      language: "en",
      publisher: "",
    });
    expect(response.status).toBe(201);
    const passage = PassageSchema.parse(response.body);
    const stored = "😀 Café claim\nsecond line\nthird";
    expect(passage).toMatchObject({
      title: "Mayor's speech",
      text: stored,
      textLength: stored.length,
      sourceUrl: "https://news.example/speech",
      publisher: null,
      publishedAt: "2024-05-01T00:00:00.000Z",
      createdBy: { id: reviewer.id, name: reviewer.name },
    });
    // Offsets count UTF-16 code units of the NFC text: the emoji is two, "é" one.
    expect(passage.text.indexOf("claim")).toBe(8);
    const row = await db.passage.findUniqueOrThrow({ where: { id: passage.id } });
    expect(row.textHash).toBe(createHash("sha256").update(stored).digest("hex"));
    const events = await db.auditEvent.findMany({ where: { entityId: passage.id } });
    expect(events).toMatchObject([{ action: "passage.created", entityType: "passage", actorId: reviewer.id }]);
  });

  it("stores an uploaded HTML file as plain text, without scripts or markup", async () => {
    const { editor, workspaceId } = await createDesk();
    const html = `<html><head><title>Budget &amp; taxes</title><script>alert("head")</script></head>
      <body><p>The council <b>approved</b> it.<img src=x onerror=alert(1)></p><script>steal()</script>
      <p>Taxes stay&nbsp;flat &lt;for now&gt;.</p></body></html>`;
    const response = await uploadFile(editor, workspaceId, new File([html], "budget.html", { type: "text/html" }));
    expect(response.status).toBe(201);
    const passage = PassageSchema.parse(response.body);
    expect(passage.title).toBe("Budget & taxes");
    expect(passage.text).toBe("The council approved it.\n\nTaxes stay\u00a0flat <for now>.");
    expect(passage.text).not.toMatch(/alert|steal|onerror|<img|<p>/);
    expect((await db.passage.findUniqueOrThrow({ where: { id: passage.id } })).text).toBe(passage.text);
  });

  it("reads pasted HTML source like an uploaded HTML file, recognized or sent as textFormat html, and stores text as sent", async () => {
    const { reviewer, workspaceId } = await createDesk();
    const html = await importText(reviewer, workspaceId, { title: "Pasted source", text: "<p>One.</p><p>Two.</p>", textFormat: "html" });
    expect(html.status).toBe(201);
    expect(PassageSchema.parse(html.body).text).toBe("One.\n\nTwo.");
    const recognized = await importText(reviewer, workspaceId, { title: "Copied source", text: "<p>Three.</p>\n<script>alert(1)</script><p>Four.</p>" });
    expect(PassageSchema.parse(recognized.body).text).toBe("Three.\n\nFour.");
    const prose = await importText(reviewer, workspaceId, { title: "Maths", text: "If a < b and b > c, then <p> is a paragraph tag." });
    expect(PassageSchema.parse(prose.body).text).toBe("If a < b and b > c, then <p> is a paragraph tag.");
    const asSent = await importText(reviewer, workspaceId, { title: "Markup under review", text: "<p>One.</p><p>Two.</p>", textFormat: "text" });
    expect(PassageSchema.parse(asSent.body).text).toBe("<p>One.</p><p>Two.</p>");
  });

  it("refuses an upload form with a field it does not read, or a second file, naming the field, and stores nothing", async () => {
    const { reviewer, workspaceId } = await createDesk();
    const misspelt = await uploadFile(reviewer, workspaceId, new File(["Some text."], "a.txt", { type: "text/plain" }), { titel: "Typo" });
    expect(misspelt.status).toBe(400);
    expect(misspelt.body).toMatchObject({ error: { details: [{ path: ["body", "titel"], message: expect.stringContaining("not a field of this form") }] } });
    const twoFiles = new FormData();
    twoFiles.append("file", new File(["First."], "a.txt", { type: "text/plain" }));
    twoFiles.append("file", new File(["Second."], "b.txt", { type: "text/plain" }));
    const both = await callRoute(importPassageRoute, "POST", `/api/v1/workspaces/${workspaceId}/passages`, { as: reviewer, params: { workspaceId }, formData: twoFiles });
    expect(both.status).toBe(400);
    expect(both.body).toMatchObject({ error: { details: [{ path: ["body", "file"], message: expect.stringContaining("more than once") }] } });
    expect(await db.passage.count({ where: { workspaceId } })).toBe(0);
  });

  it("keeps Markdown as it is, titled by the file name unless the form names it", async () => {
    const { reviewer, workspaceId } = await createDesk();
    const markdown = "# Notes\r\n\r\n*Claim*: unemployment fell.";
    const plain = await uploadFile(reviewer, workspaceId, new File([markdown], "desk-notes.md"), { title: "", author: " " });
    expect(plain.body).toMatchObject({ title: "desk-notes", author: null, text: "# Notes\n\n*Claim*: unemployment fell." });
    const named = await uploadFile(reviewer, workspaceId, new File(["Other text"], "a.txt", { type: "text/plain" }), {
      title: "Wire copy",
      publisher: "Agency",
    });
    expect(named.status).toBe(201);
    expect(named.body).toMatchObject({ title: "Wire copy", publisher: "Agency", text: "Other text" });
  });

  it("answers 400 for empty text, a non-web source URL, a too-long title, malformed JSON and a form without a file", async () => {
    const { reviewer, workspaceId } = await createDesk();
    const empty = await importText(reviewer, workspaceId, { title: "Empty", text: " \r\n\t " });
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ error: { code: "validation_failed", details: [{ path: ["body", "text"] }] } });
    for (const sourceUrl of ["javascript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd", "not a url"]) {
      const response = await importText(reviewer, workspaceId, { title: "T", text: "Some text", sourceUrl });
      expect(response.status).toBe(400);
      expect(errorOf(response.body).message).toMatch(/http:\/\/ or https:\/\//);
    }
    const invalidFields = await importText(reviewer, workspaceId, { title: "T", text: "x", publishedAt: "last week", language: "e" });
    expect(errorOf(invalidFields.body).details).toHaveLength(2);
    const longTitle = await importText(reviewer, workspaceId, { title: "t".repeat(PASSAGE_TITLE_MAX_LENGTH + 1), text: "Some text" });
    // The precise message stays; the code and limit let a form word its own.
    expect(errorOf(longTitle.body)).toEqual({
      code: "validation_failed",
      message: `Invalid request body. body.title: Titles are at most ${PASSAGE_TITLE_MAX_LENGTH} characters`,
      details: [
        {
          path: ["body", "title"],
          message: `Titles are at most ${PASSAGE_TITLE_MAX_LENGTH} characters`,
          code: "too_big",
          origin: "string",
          maximum: PASSAGE_TITLE_MAX_LENGTH,
        },
      ],
    });
    const malformed = await importRaw(reviewer, workspaceId, '{"title": "T", "text": ', "application/json");
    expect(malformed.status).toBe(400);
    expect(errorOf(malformed.body).message).toMatch(/not valid JSON/);
    expect((await importRaw(reviewer, workspaceId, "", "application/json")).status).toBe(400);
    const noFile = await uploadFile(reviewer, workspaceId, null, { title: "No file" });
    expect(noFile.status).toBe(400);
    expect(noFile.body).toMatchObject({ error: { details: [{ path: ["body", "file"] }] } });
    const blankFile = await uploadFile(reviewer, workspaceId, new File(["<html><body><script>x()</script></body></html>"], "blank.html"));
    expect(blankFile.status).toBe(400);
    expect(errorOf(blankFile.body).message).toMatch(/no readable text/);
    expect(await db.passage.count({ where: { workspaceId } })).toBe(0);
  });

  it("answers 401 without a session, 403 to a viewer and the same 404 to strangers and for missing workspaces", async () => {
    const { viewer, stranger, workspaceId } = await createDesk();
    const body = { title: "T", text: "Some text" };
    expect((await importText(undefined, workspaceId, body)).status).toBe(401);
    const forbidden = await importText(viewer, workspaceId, body);
    expect(forbidden.status).toBe(403);
    expect(errorOf(forbidden.body).message).toMatch(/viewer; this needs reviewer/);
    const foreign = await importText(stranger, workspaceId, body);
    const missing = await importText(stranger, "no-such-workspace", body);
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(missing.body);
  });

  it("answers 409 with a link to the passage that already has the same text", async () => {
    const { reviewer, editor, workspaceId } = await createDesk();
    const first = PassageSchema.parse((await importText(reviewer, workspaceId, { title: "Original", text: "Same words\n" })).body);
    const again = await importText(editor, workspaceId, { title: "Copy", text: "Same words\r\n" });
    expect(again.status).toBe(409);
    expect(errorOf(again.body).message).toMatch(/already has this text.*“Original”/);
    expect(errorOf(again.body).details).toEqual({
      existingPassage: { id: first.id, title: "Original", url: `/w/${workspaceId}/passages/${first.id}` },
    });
    const otherDesk = await createDesk();
    expect((await importText(otherDesk.reviewer, otherDesk.workspaceId, { title: "Copy", text: "Same words\n" })).status).toBe(201);
  });

  it("answers 413 naming the limit for text over 5 MB and requests over their cap", async () => {
    const { reviewer, workspaceId } = await createDesk();
    const MB = 1024 * 1024;
    // 2.5 Mi "é" are 5 MB and a bit of UTF-8: the limit counts bytes, not characters.
    for (const text of ["a".repeat(5 * MB + 1), "é".repeat(2.5 * MB + 1)]) {
      const response = await importText(reviewer, workspaceId, { title: "Big", text });
      expect(response.status).toBe(413);
      expect(errorOf(response.body)).toMatchObject({ code: "payload_too_large", message: expect.stringContaining("limit of 5 MB") });
    }
    const hugeJson = await importText(reviewer, workspaceId, { title: "Huge", text: "a".repeat(6 * MB) });
    expect(hugeJson.status).toBe(413);
    const hugeUpload = await uploadFile(reviewer, workspaceId, new File(["a".repeat(15 * MB + 1)], "huge.txt"));
    expect(hugeUpload.status).toBe(413);
    expect(errorOf(hugeUpload.body).message).toMatch(/larger than 15 MB.*5 MB of text/);
    expect(await db.passage.count({ where: { workspaceId } })).toBe(0);
  });

  it("answers 415 for other file types and for bodies that are neither JSON nor a form", async () => {
    const { reviewer, workspaceId } = await createDesk();
    const pdf = await uploadFile(reviewer, workspaceId, new File(["%PDF-1.7"], "report.pdf", { type: "application/pdf" }));
    expect(pdf.status).toBe(415);
    expect(errorOf(pdf.body)).toMatchObject({ code: "unsupported_media_type", message: expect.stringContaining(".txt, .md or .html") });
    const plainBody = await importRaw(reviewer, workspaceId, "Some text", "text/plain");
    expect(plainBody.status).toBe(415);
  });

  it("creates one passage for a retried import with the same Idempotency-Key, JSON or upload", async () => {
    const { reviewer, workspaceId } = await createDesk();
    const key = { "idempotency-key": "import-1" };
    const first = await importText(reviewer, workspaceId, { title: "Once", text: "Only once" }, key);
    const retry = await importText(reviewer, workspaceId, { title: "Once", text: "Only once" }, key);
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body).toEqual(first.body);
    const reused = await importText(reviewer, workspaceId, { title: "Other", text: "Other text" }, key);
    expect(reused.status).toBe(422);

    // A retried upload is encoded with a new multipart boundary, and is still the same request.
    const upload = () => uploadFile(reviewer, workspaceId, new File(["Uploaded once"], "u.txt"), { title: "U" }, { "idempotency-key": "upload-1" });
    const firstUpload = await upload();
    const retriedUpload = await upload();
    expect(retriedUpload.headers.get("idempotent-replayed")).toBe("true");
    expect(retriedUpload.body).toEqual(firstUpload.body);
    expect(await db.passage.count({ where: { workspaceId } })).toBe(2);
  });
});

describe("the OpenAPI document for passages", () => {
  it("offers a passage import as pasted text (JSON) or as an uploaded file (multipart)", async () => {
    const upload = (await openApiDocument()).paths?.["/api/v1/workspaces/{workspaceId}/passages"]?.post?.requestBody;
    expect(Object.keys(upload && "content" in upload ? upload.content : {})).toEqual(["application/json", "multipart/form-data"]);
  });
});
