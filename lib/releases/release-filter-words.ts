import { LABEL_DISPLAY } from "@/lib/claims/label-display";
import type { ReleaseFilter } from "@/lib/releases/release.schemas";

/** A release filter in words, for people: "Verified · Factual · one passage · matching “tax”". */
export function releaseFilterWords(filter: Partial<Omit<ReleaseFilter, "state">>, names: { passage?: string; assignee?: string } = {}): string {
  return [
    "Verified",
    ...(filter.label ? [filter.label === "none" ? "No label" : LABEL_DISPLAY[filter.label].name] : []),
    ...(filter.passageId ? [names.passage ? `passage “${names.passage}”` : "one passage"] : []),
    ...(filter.assigneeId ? [names.assignee ? `assigned to ${names.assignee}` : "one assignee"] : []),
    ...(filter.q ? [`matching “${filter.q}”`] : []),
  ].join(" · ");
}
