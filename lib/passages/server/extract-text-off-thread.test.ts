import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/http/errors";
import { extractPassageText } from "@/lib/passages/extract-text";
import { extractUploadedText } from "@/lib/passages/server/extract-text-off-thread";

const file = (fileName: string, content: string | Uint8Array, contentType = "") => ({
  fileName,
  contentType,
  content: typeof content === "string" ? new TextEncoder().encode(content) : content,
});
const ROOMY = { timeLimitMs: 60_000 };

// Each case starts a worker, which compiles its TypeScript on start when run from source.
describe("extractUploadedText", { timeout: 60_000 }, () => {
  it("reads HTML in a worker thread to the same text and title as on the request thread", async () => {
    const html = file("a.html", "<title>Budget</title><h1>Budget</h1><p>The council voted.</p><ul><li>Parks</li><li>Schools</li></ul>");
    expect(await extractUploadedText(html, ROOMY)).toEqual(extractPassageText(html));
  });

  it("passes the worker's refusals on as the same errors, and keeps plain text as it is", async () => {
    const latin1 = file("a.html", new Uint8Array([0x3c, 0x70, 0x3e, 0xe9, 0xff, 0xfe]), "text/html; charset=utf-8");
    const refusal = await extractUploadedText(latin1, ROOMY).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: "unsupported_media_type", message: expect.stringContaining("Save it as UTF-8") });
    expect(await extractUploadedText(file("a.txt", "<p>kept</p>"), ROOMY)).toEqual({ title: null, text: "<p>kept</p>" });
  });

  it("answers 413 with what to do instead when the time limit runs out", async () => {
    // No worker starts, parses and answers within a millisecond: the limit always runs out first.
    const refusal = await extractUploadedText(file("big.html", "<p>Para 1.</p>"), { timeLimitMs: 1 }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ status: 413, message: expect.stringMatching(/too large or complex.*Save the page as plain text/) });
  });
});
