import type { ClaimLabel, EvidenceStance, ReviewState } from "@/lib/generated/prisma/enums";

// How labels and states read in the UI. Each label has a shape as well as a colour, so meaning
// never depends on colour alone.
export const LABEL_DISPLAY: Record<ClaimLabel | "none", { name: string; symbol: string; shortcut?: string }> = {
  factual: { name: "Factual", symbol: "●", shortcut: "1" },
  opinion: { name: "Opinion", symbol: "◆", shortcut: "2" },
  disputed: { name: "Disputed", symbol: "▲", shortcut: "3" },
  none: { name: "No label", symbol: "○" },
};

export const STATE_DISPLAY: Record<ReviewState, string> = {
  draft: "Draft",
  in_review: "In review",
  verified: "Verified",
  rejected: "Rejected",
};

export const STANCE_DISPLAY: Record<EvidenceStance, string> = {
  supports: "Supports",
  refutes: "Refutes",
  context: "Context",
};

export function labelKey(label: ClaimLabel | null): ClaimLabel | "none" {
  return label ?? "none";
}
