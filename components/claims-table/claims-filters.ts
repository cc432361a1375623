import type { ClaimsQuery } from "@/lib/claims/client/claim-queries";
import { ID_MAX_LENGTH } from "@/lib/http/text.schemas";
import { CLAIM_LABELS, REVIEW_STATES } from "@/lib/review/review-state";
import { SEARCH_TERMS_MAX_LENGTH } from "@/lib/search/search.schemas";

// The claims table's filters as they live in the URL: parsed leniently (an unknown value is
// dropped, never an error) so a hand-edited or outdated link still opens.

export const CLAIM_SORTS = ["created_desc", "created_asc"] as const;
export type ClaimSort = (typeof CLAIM_SORTS)[number];
export type LabelFilter = (typeof CLAIM_LABELS)[number] | "none";
export type StateFilter = (typeof REVIEW_STATES)[number];

export type ClaimsFilters = {
  label: LabelFilter | null;
  state: StateFilter | null;
  passageId: string | null;
  /** "me" rather than a user id, so a shared link means "assigned to whoever opens it". */
  assignee: "me" | null;
  q: string;
  sort: ClaimSort;
};

export const SORT_NAMES: Record<ClaimSort, string> = {
  created_desc: "Newest first",
  created_asc: "Oldest first",
};

export const EMPTY_FILTERS: ClaimsFilters = { label: null, state: null, passageId: null, assignee: null, q: "", sort: "created_desc" };


function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

export function parseClaimsFilters(params: Pick<URLSearchParams, "get">): ClaimsFilters {
  const passageId = params.get("passageId")?.trim() ?? "";
  return {
    label: oneOf<LabelFilter>([...CLAIM_LABELS, "none"], params.get("label")),
    state: oneOf(REVIEW_STATES, params.get("state")),
    passageId: passageId && passageId.length <= ID_MAX_LENGTH ? passageId : null,
    assignee: params.get("assignee") === "me" ? "me" : null,
    q: (params.get("q") ?? "").trim().slice(0, SEARCH_TERMS_MAX_LENGTH),
    sort: oneOf(CLAIM_SORTS, params.get("sort")) ?? "created_desc",
  };
}

/** The URL query string for these filters, in a fixed order and without defaults, so equal filters give equal strings. */
export function filtersToSearch(filters: ClaimsFilters): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.label) params.set("label", filters.label);
  if (filters.state) params.set("state", filters.state);
  if (filters.passageId) params.set("passageId", filters.passageId);
  if (filters.assignee) params.set("assignee", filters.assignee);
  if (filters.sort !== EMPTY_FILTERS.sort) params.set("sort", filters.sort);
  return params.toString();
}

/** The list endpoint's query (without limit and cursor); fields without a value are left out. */
export function filtersToApiQuery(filters: ClaimsFilters, currentUserId: string): ClaimsQuery {
  return {
    ...(filters.q && { q: filters.q }),
    ...(filters.label && { label: filters.label }),
    ...(filters.state && { state: filters.state }),
    ...(filters.passageId && { passageId: filters.passageId }),
    ...(filters.assignee === "me" && { assigneeId: currentUserId }),
    sort: filters.sort,
  };
}

/** Whether anything narrows the list (the sort order does not). */
export function hasActiveFilters(filters: ClaimsFilters): boolean {
  return Boolean(filters.label || filters.state || filters.passageId || filters.assignee || filters.q);
}
