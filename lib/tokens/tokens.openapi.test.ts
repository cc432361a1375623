import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/openapi/openapi-document";

describe("the OpenAPI document", () => {
  it("describes every token endpoint with the statuses it answers, and never a token hash", () => {
    const document = openApiDocument();
    const paths = document.paths ?? {};
    const statuses = (path: string, method: "get" | "post" | "delete") => Object.keys(paths[path]?.[method]?.responses ?? {}).sort();
    expect(statuses("/api/v1/tokens", "get")).toEqual(["200", "401"]);
    expect(statuses("/api/v1/tokens", "post")).toEqual(["201", "400", "401", "403", "415", "429"]);
    expect(statuses("/api/v1/tokens/{tokenId}", "delete")).toEqual(["204", "401", "403", "404", "429"]);
    expect(Object.keys(document.components?.schemas ?? {})).toEqual(expect.arrayContaining(["ApiToken", "NewApiToken", "CreateApiTokenInput"]));
    expect(JSON.stringify(document)).not.toContain("tokenHash");
  });
});
