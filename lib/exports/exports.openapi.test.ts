import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/openapi/openapi-document";

describe("the OpenAPI document", async () => {
  it("describes the export and import endpoints with the statuses they answer", async () => {
    const paths = (await openApiDocument()).paths ?? {};
    const exportGet = paths["/api/v1/workspaces/{workspaceId}/export"]?.get;
    expect(Object.keys(exportGet?.responses ?? {}).sort()).toEqual(["200", "400", "401", "404", "429", "503"]);
    expect((exportGet?.parameters ?? []).map((parameter) => ("name" in parameter ? parameter.name : "")).sort()).toEqual(
      ["assigneeId", "format", "label", "passageId", "since", "state", "workspaceId"],
    );
    const importPost = paths["/api/v1/workspaces/{workspaceId}/imports"]?.post;
    expect(Object.keys(importPost?.responses ?? {}).sort()).toEqual(["200", "400", "401", "403", "404", "409", "413", "415", "429"]);
  });
});
