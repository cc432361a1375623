import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/openapi/openapi-document";

describe("the OpenAPI document", async () => {
  it("describes every passage endpoint with the statuses it answers", async () => {
    const paths = (await openApiDocument()).paths ?? {};
    const statuses = (path: string, method: "get" | "post" | "patch" | "delete") =>
      Object.keys(paths[path]?.[method]?.responses ?? {}).sort();
    expect(statuses("/api/v1/workspaces/{workspaceId}/passages", "get")).toEqual(["200", "400", "401", "404"]);
    expect(statuses("/api/v1/workspaces/{workspaceId}/passages", "post")).toEqual(
      ["201", "400", "401", "403", "404", "409", "413", "415", "422", "429"],
    );
    expect(statuses("/api/v1/passages/{passageId}", "get")).toEqual(["200", "401", "404", "410"]);
    expect(statuses("/api/v1/passages/{passageId}", "patch")).toEqual(["200", "400", "401", "403", "404", "410", "415", "429"]);
    expect(statuses("/api/v1/passages/{passageId}", "delete")).toEqual(["204", "401", "403", "404", "410", "429"]);
    expect(statuses("/api/v1/passages/{passageId}/restore", "post")).toEqual(["200", "401", "403", "404", "409", "410", "429"]);
    const upload = paths["/api/v1/workspaces/{workspaceId}/passages"]?.post?.requestBody;
    expect(Object.keys(upload && "content" in upload ? upload.content : {})).toEqual(["application/json", "multipart/form-data"]);
  });
});
