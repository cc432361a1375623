import { describe, expect, it } from "vitest";
import { scriptSafeJson } from "@/lib/publishing/json-ld";
import { releaseDataPackage, releaseDatasetJsonLd } from "@/lib/releases/datapackage";
import type { Release } from "@/lib/releases/release.schemas";

const release: Release = {
  number: 2,
  name: "</script><script>alert(1)</script>",
  createdAt: "2026-12-06T10:00:00.000Z",
  createdBy: { id: "u", name: "Ana" },
  claimCount: 1,
  sha256: "ab".repeat(32),
  filter: { state: "verified" },
  licence: "CC0-1.0",
  files: [{ format: "csv", url: "/api/v1/workspaces/w/releases/2/files/csv", fileName: "claimdesk-desk-release-2.csv", size: 10, sha256: "cd".repeat(32) }],
};
const workspace = { id: "w", name: "Harbour Désk & Co" };

describe("release metadata", () => {
  it("describes files as Frictionless resources with relative paths and sha256 hashes", () => {
    const pkg = releaseDataPackage({ release, workspace, pageUrl: "https://desk.example/w/w/releases/2" });
    expect(pkg.name).toBe("claimdesk-harbour-desk-co-release-2");
    expect(pkg.licenses).toEqual([{ name: "CC0-1.0", path: "https://creativecommons.org/publicdomain/zero/1.0/", title: "Creative Commons Zero v1.0 Universal" }]);
    expect(pkg.resources).toEqual([
      { name: "claims-csv", path: "files/csv", format: "csv", mediatype: "text/csv", encoding: "utf-8", bytes: 10, hash: `sha256:${"cd".repeat(32)}` },
    ]);
    expect(releaseDataPackage({ release: { ...release, licence: null }, workspace, pageUrl: "x" })).not.toHaveProperty("licenses");
  });

  it("writes schema.org Dataset JSON-LD that no name can break out of", () => {
    const jsonLd = releaseDatasetJsonLd({ release, workspace, pageUrl: "https://desk.example/p", origin: "https://desk.example" });
    expect(jsonLd).toMatchObject({
      "@type": "Dataset",
      publisher: { "@type": "Organization", name: "Harbour Désk & Co" },
      license: "https://creativecommons.org/publicdomain/zero/1.0/",
      identifier: `sha256:${"ab".repeat(32)}`,
      distribution: [{ "@type": "DataDownload", contentUrl: "https://desk.example/api/v1/workspaces/w/releases/2/files/csv", sha256: "cd".repeat(32) }],
    });
    const serialized = scriptSafeJson(jsonLd);
    expect(serialized).not.toMatch(/[<>&]/);
    expect(JSON.parse(serialized)).toEqual(jsonLd);
    expect(scriptSafeJson({ text: "a\u2028b" })).toBe('{"text":"a\\u2028b"}');
  });
});
