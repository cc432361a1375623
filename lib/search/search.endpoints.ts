import { endpoint, json } from "@/lib/http/endpoint";
import { SearchQuerySchema, SearchResultSchema } from "@/lib/search/search.schemas";
import { WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";

export const searchWorkspaceEndpoint = endpoint({
  method: "GET",
  path: "/api/v1/workspaces/{workspaceId}/search",
  summary: "Full-text search over passages, claims, evidence and comments, best first, with plain-text snippets and highlight ranges",
  tags: ["Search"],
  auth: "required",
  params: WorkspaceIdParamsSchema,
  query: SearchQuerySchema,
  responses: { 200: json(SearchResultSchema, "The best matches (no cursor: refine the query instead)") },
  errors: ["not_found"],
});
