import "server-only";
import { publicOrigin } from "@/lib/http/client-address";
import { cachedPublicRead, publicCacheTags } from "@/lib/publishing/server/public-cache";
import { getWorkspaceFeedData, renderWorkspaceFeed, type FeedFormat } from "@/lib/publishing/server/workspace-feed";

const CONTENT_TYPES: Record<FeedFormat, string> = { atom: "application/atom+xml; charset=utf-8", json: "application/feed+json; charset=utf-8" };

/** The answer of a feed address: the cached feed, or 404 for a workspace that has published nothing. */
export async function workspaceFeedResponse(request: Request, workspaceId: string, format: FeedFormat): Promise<Response> {
  const data = await cachedPublicRead(["feed", workspaceId], [publicCacheTags.workspace(workspaceId)], () => getWorkspaceFeedData(workspaceId));
  if (!data) return new Response("No published fact-checks here.\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(renderWorkspaceFeed(data, format, publicOrigin(request)), {
    headers: { "Content-Type": CONTENT_TYPES[format] },
  });
}
