import { errorResponses, jsonContent, type RegisterPaths } from "@/lib/openapi/openapi-helpers";
import { SearchQuerySchema, SearchResultSchema } from "@/lib/search/search.schemas";
import { WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";

export const registerSearchPaths: RegisterPaths = (registry) => {
  registry.registerPath({
    method: "get",
    path: "/api/v1/workspaces/{workspaceId}/search",
    tags: ["Search"],
    summary: "Full-text search over passages, claims, evidence and comments, best first, with plain-text snippets and highlight ranges",
    request: { params: WorkspaceIdParamsSchema, query: SearchQuerySchema },
    responses: { 200: jsonContent(SearchResultSchema, "The best matches (no cursor: refine the query instead)"), ...errorResponses("validation_failed", "unauthenticated", "not_found") },
  });
};
