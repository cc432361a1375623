import { workspaceFeedResponse } from "@/lib/publishing/server/workspace-feed-response";

// A public feed (no sign-in): only published fact-checks and their corrections.
export async function GET(request: Request, { params }: { params: Promise<{ workspaceId: string }> }) {
  return workspaceFeedResponse(request, (await params).workspaceId, "atom");
}
