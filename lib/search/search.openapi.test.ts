import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/openapi/openapi-document";

describe("the OpenAPI document", async () => {
  it("describes search, matches, evidence borrowing and duplicates with the statuses they answer", async () => {
    const paths = (await openApiDocument()).paths ?? {};
    const statuses = (path: string, method: "get" | "post") => Object.keys(paths[path]?.[method]?.responses ?? {}).sort();
    expect(statuses("/api/v1/workspaces/{workspaceId}/search", "get")).toEqual(["200", "400", "401", "404"]);
    expect(statuses("/api/v1/claims/{claimId}/matches", "get")).toEqual(["200", "400", "401", "404", "410"]);
    expect(statuses("/api/v1/claims/{claimId}/evidence/borrow", "post")).toEqual(["200", "400", "401", "403", "404", "409", "410", "429"]);
    expect(statuses("/api/v1/workspaces/{workspaceId}/duplicates", "get")).toEqual(["200", "400", "401", "404"]);
  });
});
