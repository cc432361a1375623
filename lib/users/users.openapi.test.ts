import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/openapi/openapi-document";

describe("the OpenAPI document", async () => {
  it("describes sign-out everywhere and password changes with the statuses they answer", async () => {
    const paths = (await openApiDocument()).paths ?? {};
    const statuses = (path: string, method: "put" | "delete") => Object.keys(paths[path]?.[method]?.responses ?? {}).sort();
    expect(statuses("/api/v1/me/sessions", "delete")).toEqual(expect.arrayContaining(["200", "401"]));
    expect(statuses("/api/v1/me/password", "put")).toEqual(expect.arrayContaining(["200", "400", "401", "429"]));
    expect(JSON.stringify(paths["/api/v1/me/password"])).toContain("ChangePasswordInput");
  });
});
