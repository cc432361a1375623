import { describe, expect, it } from "vitest";
import type { ReviewState, Role } from "@/lib/generated/prisma/enums";
import { allowedTransitions, checkTransition, nextReviewState, REVIEW_STATES } from "@/lib/review/review-state";

// Every pair of states, with the least role that may make the move (null: never allowed).
const EXPECTED: Record<ReviewState, Record<ReviewState, Role | null>> = {
  draft: { draft: null, in_review: "reviewer", verified: null, rejected: null },
  in_review: { draft: "editor", in_review: null, verified: "editor", rejected: "editor" },
  verified: { draft: null, in_review: "editor", verified: null, rejected: null },
  rejected: { draft: null, in_review: "editor", verified: null, rejected: null },
};
const ROLES: Role[] = ["viewer", "reviewer", "editor", "owner"];
const rank = (role: Role) => ROLES.indexOf(role);

describe("review state machine", () => {
  for (const from of REVIEW_STATES) {
    for (const to of REVIEW_STATES) {
      const minimumRole = EXPECTED[from][to];
      it(`${from} → ${to}: ${minimumRole ? `${minimumRole} and above` : "never"}`, () => {
        for (const role of ROLES) {
          const result = checkTransition({ from, to, role, label: "opinion", evidenceCount: 1 });
          if (minimumRole === null) {
            expect(result).toMatchObject({ ok: false, code: "conflict" });
          } else if (rank(role) >= rank(minimumRole)) {
            expect(result).toEqual({ ok: true });
          } else {
            expect(result).toMatchObject({ ok: false, code: "forbidden" });
          }
        }
      });
    }
  }

  it("lists the allowed moves in a refusal", () => {
    const result = checkTransition({ from: "draft", to: "verified", role: "editor", label: "factual", evidenceCount: 1 });
    expect(result).toMatchObject({ ok: false, code: "conflict", allowed: ["in_review"] });
    expect(allowedTransitions("in_review", "reviewer")).toEqual([]);
    expect(allowedTransitions("in_review", "editor")).toEqual(["verified", "rejected", "draft"]);
  });

  it("verifies only labelled claims", () => {
    const result = checkTransition({ from: "in_review", to: "verified", role: "editor", label: null, evidenceCount: 3 });
    expect(result).toMatchObject({ ok: false, code: "conflict", message: expect.stringContaining("Label") });
  });

  it("needs evidence to verify factual and disputed claims, but not opinions", () => {
    for (const label of ["factual", "disputed"] as const) {
      expect(checkTransition({ from: "in_review", to: "verified", role: "editor", label, evidenceCount: 0 })).toMatchObject({
        ok: false,
        code: "conflict",
      });
      expect(checkTransition({ from: "in_review", to: "verified", role: "editor", label, evidenceCount: 1 })).toEqual({ ok: true });
    }
    expect(checkTransition({ from: "in_review", to: "verified", role: "editor", label: "opinion", evidenceCount: 0 })).toEqual({ ok: true });
  });

  it("suggests the usual next state", () => {
    expect(REVIEW_STATES.map(nextReviewState)).toEqual(["in_review", "verified", "in_review", "in_review"]);
  });
});
