import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { EXPORT_FORMATTERS } from "@/lib/exports/formats";
import { downloadReleaseFileEndpoint } from "@/lib/releases/releases.endpoints";
import { readReleaseFile } from "@/lib/releases/server/get-release";

export const GET = defineRoute(downloadReleaseFileEndpoint, {
  handler: async ({ actor, params, request }) => {
    const file = await readReleaseFile({ actor, workspaceId: params.workspaceId, number: params.number, format: params.format });
    const etag = `"${file.sha256}"`;
    // Revalidated on every use (no-cache), so a member who left cannot read it from a cache.
    const headers = { ETag: etag, "Cache-Control": "private, no-cache", "X-Content-Type-Options": "nosniff" };
    const ifNoneMatch = request.headers.get("if-none-match");
    if (ifNoneMatch && ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag)) return new Response(null, { status: 304, headers });
    return new Response(Buffer.from(file.bytes), {
      headers: {
        ...headers,
        "Content-Type": EXPORT_FORMATTERS[params.format].contentType,
        "Content-Length": String(file.size),
        "Content-Disposition": `attachment; filename="${file.fileName}"`,
      },
    });
  },
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
