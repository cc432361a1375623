import { CLAIM_SORTS, claimSortOf, type ClaimSortColumn, type ClaimsFilter, type SortOrder } from "@/lib/claims/claim.schemas";
import type { ClaimsQuery } from "@/lib/claims/client/claim-queries";
import { ID_MAX_LENGTH } from "@/lib/http/text.schemas";
import { CLAIM_LABELS, REVIEW_STATES } from "@/lib/review/review-state";
import { SEARCH_TERMS_MAX_LENGTH } from "@/lib/search/search.schemas";

// The claims table's filters as they live in the URL: parsed leniently (an unknown value is
// dropped, never an error) so a hand-edited or outdated link still opens.

export type ClaimSort = (typeof CLAIM_SORTS)[number];
export type LabelFilter = (typeof CLAIM_LABELS)[number] | "none";
export type StateFilter = (typeof REVIEW_STATES)[number];

export type ClaimsFilters = {
  label: LabelFilter | null;
  state: StateFilter | null;
  passageId: string | null;
  /** "me" rather than a user id, so a shared link means "assigned to whoever opens it". */
  assignee: "me" | null;
  /** Someone else, named by a saved view (there is no control to pick one). */
  assigneeId: string | null;
  q: string;
  /** Claims whose web evidence died, changed or could not be captured. */
  isEvidenceAttention: boolean;
  sort: ClaimSort;
  /** For a column sort; null means that column's usual order. */
  order: SortOrder | null;
};

/** The sorts the Sort menu offers; a column header sorts by its column. */
export const MENU_SORTS = ["created_desc", "created_asc"] as const satisfies ClaimSort[];
export const SORT_NAMES: Record<(typeof MENU_SORTS)[number], string> = {
  created_desc: "Newest first",
  created_asc: "Oldest first",
};
export const COLUMN_NAMES: Record<ClaimSortColumn, string> = {
  statement: "Statement",
  label: "Label",
  state: "State",
  passage: "Passage",
  evidence_count: "Evidence",
  updated: "Updated",
  created: "Created",
};

export const EMPTY_FILTERS: ClaimsFilters = {
  label: null,
  state: null,
  passageId: null,
  assignee: null,
  assigneeId: null,
  q: "",
  isEvidenceAttention: false,
  sort: "created_desc",
  order: null,
};

function oneOf<T extends string>(allowed: readonly T[], value: string | null | undefined): T | null {
  return value != null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

function idOrNull(value: string | null | undefined): string | null {
  const id = value?.trim() ?? "";
  return id && id.length <= ID_MAX_LENGTH ? id : null;
}

export function parseClaimsFilters(params: Pick<URLSearchParams, "get">): ClaimsFilters {
  const assignee = params.get("assignee") === "me" ? "me" : null;
  return {
    label: oneOf<LabelFilter>([...CLAIM_LABELS, "none"], params.get("label")),
    state: oneOf(REVIEW_STATES, params.get("state")),
    passageId: idOrNull(params.get("passageId")),
    assignee,
    assigneeId: assignee ? null : idOrNull(params.get("assigneeId")),
    q: (params.get("q") ?? "").trim().slice(0, SEARCH_TERMS_MAX_LENGTH),
    isEvidenceAttention: params.get("evidence") === "needs-attention",
    sort: oneOf(CLAIM_SORTS, params.get("sort")) ?? "created_desc",
    order: oneOf(["asc", "desc"] as const, params.get("order")),
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
  else if (filters.assigneeId) params.set("assigneeId", filters.assigneeId);
  if (filters.isEvidenceAttention) params.set("evidence", "needs-attention");
  if (filters.sort !== EMPTY_FILTERS.sort) params.set("sort", filters.sort);
  if (filters.order && !(MENU_SORTS as readonly string[]).includes(filters.sort)) params.set("order", filters.order);
  return params.toString();
}

/** The list endpoint's query (without limit and cursor); fields without a value are left out. */
export function filtersToApiQuery(filters: ClaimsFilters, currentUserId: string): ClaimsQuery {
  const assigneeId = filters.assignee === "me" ? currentUserId : filters.assigneeId;
  return {
    ...(filters.q && { q: filters.q }),
    ...(filters.label && { label: filters.label }),
    ...(filters.state && { state: filters.state }),
    ...(filters.passageId && { passageId: filters.passageId }),
    ...(assigneeId && { assigneeId }),
    ...(filters.isEvidenceAttention && { evidence: "needs-attention" as const }),
    sort: filters.sort,
    ...(filters.order && { order: filters.order }),
  };
}

/** A saved view's filter as the table's filters: the viewer's own id reads as "me". */
export function apiFilterToFilters(filter: ClaimsFilter, currentUserId: string): ClaimsFilters {
  const isMine = filter.assigneeId === currentUserId;
  return {
    label: filter.label ?? null,
    state: filter.state ?? null,
    passageId: filter.passageId ?? null,
    assignee: isMine ? "me" : null,
    assigneeId: isMine ? null : (filter.assigneeId ?? null),
    q: filter.q ?? "",
    isEvidenceAttention: filter.evidence === "needs-attention",
    sort: filter.sort,
    order: filter.order ?? null,
  };
}

/** The column and direction the table is sorted by. */
export function sortOf(filters: ClaimsFilters): { column: ClaimSortColumn; order: SortOrder } {
  return claimSortOf({ sort: filters.sort, order: filters.order ?? undefined });
}

/** The sort after a click on a column's header: that column in its usual order, or the other way round if it already sorts. */
export function nextSortOn(filters: ClaimsFilters, column: ClaimSortColumn): Pick<ClaimsFilters, "sort" | "order"> {
  const current = sortOf(filters);
  if (current.column !== column) return { sort: column, order: null };
  return { sort: column, order: current.order === "asc" ? "desc" : "asc" };
}

/** Whether anything narrows the list (the sort order does not). */
export function hasActiveFilters(filters: ClaimsFilters): boolean {
  return Boolean(filters.label || filters.state || filters.passageId || filters.assignee || filters.assigneeId || filters.q);
}

/**
 * The filters with a sort this viewer may use. In blind double review a reviewer's list cannot be
 * sorted by label (the order would reveal votes), so a link or a shared saved view that sorts by
 * label opens in the default order instead of failing; `isSortReplaced` says so, for a note.
 */
export function withAllowedSort(filters: ClaimsFilters, canSortByLabel: boolean): { filters: ClaimsFilters; isSortReplaced: boolean } {
  if (canSortByLabel || sortOf(filters).column !== "label") return { filters, isSortReplaced: false };
  return { filters: { ...filters, sort: EMPTY_FILTERS.sort, order: EMPTY_FILTERS.order }, isSortReplaced: true };
}
