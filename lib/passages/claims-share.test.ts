import { describe, expect, it } from "vitest";
import { CLAIMS_SHARE_DEFAULT, CLAIMS_SHARE_MAX, CLAIMS_SHARE_MIN, clampClaimsShare, parseStoredClaimsShare } from "./claims-share";

describe("the remembered splitter position", () => {
  it("reads back a stored position inside the range", () => {
    expect(parseStoredClaimsShare("35")).toBe(35);
    expect(parseStoredClaimsShare(String(CLAIMS_SHARE_MIN))).toBe(CLAIMS_SHARE_MIN);
  });

  it("clamps a position outside the range, so no section collapses", () => {
    expect(parseStoredClaimsShare("100")).toBe(CLAIMS_SHARE_MAX);
    expect(parseStoredClaimsShare("-5")).toBe(CLAIMS_SHARE_MIN);
    expect(parseStoredClaimsShare("Infinity")).toBe(CLAIMS_SHARE_DEFAULT);
    expect(clampClaimsShare(60.4)).toBe(60);
  });

  it("falls back to the default for nothing stored or something unreadable", () => {
    for (const stored of [null, "", "  ", "wide", "NaN", "{}"]) expect(parseStoredClaimsShare(stored)).toBe(CLAIMS_SHARE_DEFAULT);
  });
});
