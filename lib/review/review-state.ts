import { can, MINIMUM_ROLE, type WorkspaceAction } from "@/lib/auth/permissions";
import type { ClaimLabel, ReviewState, Role } from "@/lib/generated/prisma/enums";

// The review state machine of api-v1.md, in one place. Pure: the use cases and the UI both ask it.

export const REVIEW_STATES = ["draft", "in_review", "verified", "rejected"] as const satisfies readonly ReviewState[];
export const CLAIM_LABELS = ["factual", "opinion", "disputed"] as const satisfies readonly ClaimLabel[];

// Each transition names the action of lib/auth/permissions.ts it needs; who may do that action is said there only.
const TRANSITIONS: Record<ReviewState, { to: ReviewState; action: WorkspaceAction }[]> = {
  draft: [{ to: "in_review", action: "claim.submit" }],
  in_review: [
    { to: "verified", action: "claim.decide" },
    { to: "rejected", action: "claim.decide" },
    { to: "draft", action: "claim.decide" },
  ],
  verified: [{ to: "in_review", action: "claim.decide" }],
  rejected: [{ to: "in_review", action: "claim.decide" }],
};

export type TransitionCheck =
  | { ok: true }
  | { ok: false; code: "forbidden" | "conflict"; message: string; allowed: ReviewState[] };

/** States a user of `role` may move a claim to from `from`. */
export function allowedTransitions(from: ReviewState, role: Role): ReviewState[] {
  return TRANSITIONS[from].filter((t) => can(role, t.action)).map((t) => t.to);
}

export function checkTransition(input: {
  from: ReviewState;
  to: ReviewState;
  role: Role;
  label: ClaimLabel | null;
  /** The claim's rating key on the workspace's scale, or null while unrated. */
  verdict: string | null;
  evidenceCount: number;
  /** Set when the workspace wants a second person to verify: who asks, and who wrote the claim's wording. */
  secondPerson?: { actorId: string; createdById: string; lastEditedById: string | null };
}): TransitionCheck {
  const { from, to, role, label, verdict, evidenceCount, secondPerson } = input;
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
  if (!can(role, transition.action)) {
    return {
      ok: false,
      code: "forbidden",
      message: `Moving a claim from ${from} to ${to} needs the ${MINIMUM_ROLE[transition.action]} role; yours is ${role}.`,
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
    // The label says what kind of claim it is; the verdict says whether it holds. An opinion is not checked, so it has none.
    if ((label === "factual" || label === "disputed") && verdict === null) {
      return {
        ok: false,
        code: "conflict",
        message: `A ${label} claim needs a verdict before it can be verified: choose a rating from the workspace's scale, then verify.`,
        allowed,
      };
    }
    if (secondPerson && (secondPerson.actorId === secondPerson.createdById || secondPerson.actorId === secondPerson.lastEditedById)) {
      const who = secondPerson.actorId === secondPerson.createdById ? "created this claim" : "last changed its label or statement";
      return {
        ok: false,
        code: "conflict",
        message: `This workspace needs a second person to verify a claim, and you ${who}. Ask another editor or owner to verify it.`,
        allowed,
      };
    }
  }
  return { ok: true };
}

/** States whose decision a change to the claim's content would silently undo. */
export const DECIDED_STATES = ["verified", "rejected"] as const satisfies readonly ReviewState[];

/** The claim's decidedById/decidedAt once it moves to `state`: who decided it and when, or nothing while undecided. */
export function decisionOf(state: ReviewState, actorId: string, at: Date): { decidedById: string | null; decidedAt: Date | null } {
  return (DECIDED_STATES as readonly ReviewState[]).includes(state) ? { decidedById: actorId, decidedAt: at } : { decidedById: null, decidedAt: null };
}

export type ContentChangeCheck =
  | { ok: true; reopensTo: ReviewState | null }
  | { ok: false; code: "forbidden"; message: string };

/**
 * Whether someone of `role` may change a claim's statement, label, verdict, verdict note or evidence in state
 * `state`. A decided claim changes only through someone who may decide it again, and the change
 * reopens it (`reopensTo`), so nothing verified ever differs from what an editor verified.
 */
export function checkContentChange(input: { state: ReviewState; role: Role }): ContentChangeCheck {
  const { state, role } = input;
  if (!(DECIDED_STATES as readonly ReviewState[]).includes(state)) return { ok: true, reopensTo: null };
  if (!can(role, "claim.decide")) {
    return {
      ok: false,
      code: "forbidden",
      message: `This claim is ${state}, so its statement, label, verdict, verdict note and evidence are settled. Only editors or owners can change them, which reopens the claim for review; ask one, or add a comment.`,
    };
  }
  return { ok: true, reopensTo: "in_review" };
}

/** The usual next step (the `s` shortcut): submit a draft, verify a claim in review, reopen a decided one. */
export function nextReviewState(from: ReviewState): ReviewState {
  return from === "draft" ? "in_review" : from === "in_review" ? "verified" : "in_review";
}
