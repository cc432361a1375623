import type { ClaimLabel, ReviewState } from "@/lib/generated/prisma/enums";

export type ClaimCounts = {
  total: number;
  byState: Record<ReviewState, number>;
  byLabel: Record<ClaimLabel | "none", number>;
  /** [state][label] */
  byStateAndLabel: Record<ReviewState, Record<ClaimLabel | "none", number>>;
  assignedToMe: number;
};
