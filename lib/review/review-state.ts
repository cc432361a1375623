import { isRoleAtLeast } from "@/lib/auth/permissions";
import type { ClaimLabel, ReviewState, Role } from "@/lib/generated/prisma/enums";

// The review state machine of api-v1.md, in one place. Pure: the use cases and the UI both ask it.

export const REVIEW_STATES = ["draft", "in_review", "verified", "rejected"] as const satisfies readonly ReviewState[];
export const CLAIM_LABELS = ["factual", "opinion", "disputed"] as const satisfies readonly ClaimLabel[];

const TRANSITIONS: Record<ReviewState, { to: ReviewState; minimumRole: Role }[]> = {
  draft: [{ to: "in_review", minimumRole: "reviewer" }],
  in_review: [
    { to: "verified", minimumRole: "editor" },
    { to: "rejected", minimumRole: "editor" },
    { to: "draft", minimumRole: "editor" },
  ],
  verified: [{ to: "in_review", minimumRole: "editor" }],
  rejected: [{ to: "in_review", minimumRole: "editor" }],
};

export type TransitionCheck =
  | { ok: true }
  | { ok: false; code: "forbidden" | "conflict"; message: string; allowed: ReviewState[] };

/** States a user of `role` may move a claim to from `from`. */
export function allowedTransitions(from: ReviewState, role: Role): ReviewState[] {
  return TRANSITIONS[from].filter((t) => isRoleAtLeast(role, t.minimumRole)).map((t) => t.to);
}

export function checkTransition(input: {
  from: ReviewState;
  to: ReviewState;
  role: Role;
  label: ClaimLabel | null;
  evidenceCount: number;
}): TransitionCheck {
  const { from, to, role, label, evidenceCount } = input;
  const allowed = allowedTransitions(from, role);
  const transition = TRANSITIONS[from].find((t) => t.to === to);
  if (!transition) {
    return {
      ok: false,
      code: "conflict",
      message: `A claim cannot move from ${from} to ${to}.${allowed.length ? ` From ${from} it can move to: ${allowed.join(", ")}.` : ""}`,
      allowed,
    };
  }
  if (!isRoleAtLeast(role, transition.minimumRole)) {
    return {
      ok: false,
      code: "forbidden",
      message: `Moving a claim from ${from} to ${to} needs the ${transition.minimumRole} role; yours is ${role}.`,
      allowed,
    };
  }
  if (to === "verified") {
    if (!label) return { ok: false, code: "conflict", message: "Label the claim before verifying it.", allowed };
    if ((label === "factual" || label === "disputed") && evidenceCount === 0) {
      return {
        ok: false,
        code: "conflict",
        message: `A ${label} claim needs at least one evidence link before it can be verified.`,
        allowed,
      };
    }
  }
  return { ok: true };
}

/** The usual next step (the `s` shortcut): submit a draft, verify a claim in review, reopen a decided one. */
export function nextReviewState(from: ReviewState): ReviewState {
  return from === "draft" ? "in_review" : from === "in_review" ? "verified" : "in_review";
}
