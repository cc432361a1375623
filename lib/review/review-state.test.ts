import { describe, expect, it } from "vitest";
import type { ReviewState, Role } from "@/lib/generated/prisma/enums";
import { allowedTransitions, checkContentChange, checkTransition, nextReviewState, REVIEW_STATES } from "@/lib/review/review-state";

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
          const result = checkTransition({ from, to, role, label: "opinion", verdict: null, evidenceCount: 1 });
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
    const result = checkTransition({ from: "draft", to: "verified", role: "editor", label: "factual", verdict: "true", evidenceCount: 1 });
    expect(result).toMatchObject({ ok: false, code: "conflict", allowed: ["in_review"] });
    expect(allowedTransitions("in_review", "reviewer")).toEqual([]);
    expect(allowedTransitions("in_review", "editor")).toEqual(["verified", "rejected", "draft"]);
  });

  it("verifies only labelled claims", () => {
    const result = checkTransition({ from: "in_review", to: "verified", role: "editor", label: null, verdict: "true", evidenceCount: 3 });
    expect(result).toMatchObject({ ok: false, code: "conflict", message: expect.stringContaining("Label") });
  });

  it("needs evidence to verify factual and disputed claims, but not opinions", () => {
    for (const label of ["factual", "disputed"] as const) {
      expect(checkTransition({ from: "in_review", to: "verified", role: "editor", label, verdict: "true", evidenceCount: 0 })).toMatchObject({
        ok: false,
        code: "conflict",
      });
      expect(checkTransition({ from: "in_review", to: "verified", role: "editor", label, verdict: "true", evidenceCount: 1 })).toEqual({ ok: true });
    }
    expect(checkTransition({ from: "in_review", to: "verified", role: "editor", label: "opinion", verdict: null, evidenceCount: 0 })).toEqual({ ok: true });
  });

  it("needs a verdict to verify factual and disputed claims, but not opinions", () => {
    for (const label of ["factual", "disputed"] as const) {
      expect(checkTransition({ from: "in_review", to: "verified", role: "editor", label, verdict: null, evidenceCount: 2 })).toMatchObject({
        ok: false,
        code: "conflict",
        message: expect.stringContaining("needs a verdict"),
      });
      expect(checkTransition({ from: "in_review", to: "verified", role: "owner", label, verdict: "mostly-false", evidenceCount: 2 })).toEqual({ ok: true });
    }
    expect(checkTransition({ from: "in_review", to: "verified", role: "editor", label: "opinion", verdict: null, evidenceCount: 1 })).toEqual({ ok: true });
    // Rejecting says the claim is not worth checking: no verdict needed.
    expect(checkTransition({ from: "in_review", to: "rejected", role: "editor", label: "factual", verdict: null, evidenceCount: 0 })).toEqual({ ok: true });
  });

  it("suggests the usual next state", () => {
    expect(REVIEW_STATES.map(nextReviewState)).toEqual(["in_review", "verified", "in_review", "in_review"]);
  });

  it("lets only editors and owners change a decided claim's content, which reopens it; undecided claims change freely", () => {
    const expected: Record<ReviewState, Record<Role, ReturnType<typeof checkContentChange>["ok"] | "reopens">> = {
      draft: { viewer: true, reviewer: true, editor: true, owner: true },
      in_review: { viewer: true, reviewer: true, editor: true, owner: true },
      verified: { viewer: false, reviewer: false, editor: "reopens", owner: "reopens" },
      rejected: { viewer: false, reviewer: false, editor: "reopens", owner: "reopens" },
    };
    for (const state of REVIEW_STATES) {
      for (const role of ROLES) {
        const result = checkContentChange({ state, role });
        const outcome = result.ok ? (result.reopensTo === "in_review" ? "reopens" : result.reopensTo === null ? true : result.reopensTo) : false;
        expect(outcome, `${state} × ${role}`).toBe(expected[state][role]);
        if (!result.ok) expect(result).toMatchObject({ code: "forbidden", message: expect.stringContaining("Only editors or owners") });
      }
    }
  });

  it("needs a second person to verify when asked: not the creator, not the last to change the label or statement", () => {
    const verify = (secondPerson: { actorId: string; createdById: string; lastEditedById: string | null }) =>
      checkTransition({ from: "in_review", to: "verified", role: "editor", label: "opinion", verdict: null, evidenceCount: 0, secondPerson });
    expect(verify({ actorId: "a", createdById: "a", lastEditedById: "b" })).toMatchObject({ ok: false, code: "conflict", message: expect.stringContaining("you created this claim") });
    expect(verify({ actorId: "b", createdById: "a", lastEditedById: "b" })).toMatchObject({ ok: false, code: "conflict", message: expect.stringContaining("last changed its label or statement") });
    expect(verify({ actorId: "c", createdById: "a", lastEditedById: "b" })).toEqual({ ok: true });
    expect(verify({ actorId: "c", createdById: "a", lastEditedById: null })).toEqual({ ok: true });
    // Only verifying needs the second person; rejecting does not.
    expect(checkTransition({ from: "in_review", to: "rejected", role: "editor", label: null, verdict: null, evidenceCount: 0, secondPerson: { actorId: "a", createdById: "a", lastEditedById: "a" } })).toEqual({ ok: true });
  });
});
