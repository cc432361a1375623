"use client";

import type { RefObject } from "react";
import {
  COLUMN_NAMES,
  MENU_SORTS,
  SORT_NAMES,
  sortOf,
  type ClaimSort,
  type ClaimsFilters,
  type LabelFilter,
  type StateFilter,
} from "@/components/claims-table/claims-filters";
import type { PassageOption } from "@/lib/passages/client/passage-queries";
import { LABEL_DISPLAY, STATE_DISPLAY } from "@/lib/claims/label-display";
import { CLAIM_LABELS, REVIEW_STATES } from "@/lib/review/review-state";
import { SEARCH_TERMS_MAX_LENGTH } from "@/lib/search/search.schemas";

type ClaimsFilterBarProps = {
  filters: ClaimsFilters;
  searchText: string;
  searchRef: RefObject<HTMLInputElement | null>;
  passages: PassageOption[] | undefined;
  isFiltered: boolean;
  onSearchText: (text: string) => void;
  onChange: (changes: Partial<ClaimsFilters>) => void;
  onClear: () => void;
};

const LABEL_CHOICES: LabelFilter[] = [...CLAIM_LABELS, "none"];

export function ClaimsFilterBar(props: ClaimsFilterBarProps) {
  const { filters, searchText, searchRef, passages, isFiltered, onSearchText, onChange, onClear } = props;
  // A passage from a shared link may be missing from the first 200 (or still loading): keep it choosable.
  const isMenuSort = (MENU_SORTS as readonly ClaimSort[]).includes(filters.sort);
  const column = sortOf(filters);
  const isPassageListed = !filters.passageId || passages?.some((passage) => passage.id === filters.passageId);

  return (
    <search className="claims-view-filters card" aria-label="Filter claims">
      <div className="claims-view-search">
        <label htmlFor="claims-filter-q">Search</label>
        <input
          id="claims-filter-q"
          ref={searchRef}
          type="search"
          value={searchText}
          maxLength={SEARCH_TERMS_MAX_LENGTH}
          placeholder="Words in the statement or quote"
          aria-describedby="claims-filter-q-hint"
          onChange={(event) => onSearchText(event.target.value)}
        />
        <p id="claims-filter-q-hint" className="hint">
          Press <kbd>/</kbd> to search from anywhere on the page.
        </p>
      </div>
      <div>
        <label htmlFor="claims-filter-label">Label</label>
        <select
          id="claims-filter-label"
          value={filters.label ?? ""}
          onChange={(event) => onChange({ label: (event.target.value || null) as LabelFilter | null })}
        >
          <option value="">Any label</option>
          {LABEL_CHOICES.map((label) => (
            <option key={label} value={label}>
              {LABEL_DISPLAY[label].name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="claims-filter-state">Review state</label>
        <select
          id="claims-filter-state"
          value={filters.state ?? ""}
          onChange={(event) => onChange({ state: (event.target.value || null) as StateFilter | null })}
        >
          <option value="">Any state</option>
          {REVIEW_STATES.map((state) => (
            <option key={state} value={state}>
              {STATE_DISPLAY[state]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="claims-filter-passage">Passage</label>
        <select
          id="claims-filter-passage"
          value={filters.passageId ?? ""}
          onChange={(event) => onChange({ passageId: event.target.value || null })}
        >
          <option value="">Any passage</option>
          {!isPassageListed && filters.passageId && <option value={filters.passageId}>The passage in the link</option>}
          {passages?.map((passage) => (
            <option key={passage.id} value={passage.id}>
              {passage.title}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="claims-filter-assignee">Assigned to</label>
        <select
          id="claims-filter-assignee"
          value={filters.assignee ?? (filters.assigneeId ? "other" : "")}
          onChange={(event) => onChange({ assignee: event.target.value === "me" ? "me" : null, assigneeId: null })}
        >
          <option value="">Anyone</option>
          <option value="me">Me</option>
          {filters.assigneeId && <option value="other">The person in the view</option>}
        </select>
      </div>
      <div className="checkbox-row">
        <input
          id="claims-filter-evidence"
          type="checkbox"
          checked={filters.isEvidenceAttention}
          onChange={(event) => onChange({ isEvidenceAttention: event.target.checked })}
        />
        <label htmlFor="claims-filter-evidence">Evidence needs attention</label>
      </div>
      <div>
        <label htmlFor="claims-filter-sort">Sort</label>
        <select id="claims-filter-sort" value={filters.sort} onChange={(event) => onChange({ sort: event.target.value as ClaimSort, order: null })}>
          {MENU_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {SORT_NAMES[sort]}
            </option>
          ))}
          {!isMenuSort && (
            <option value={filters.sort}>
              {COLUMN_NAMES[column.column]}, {column.order === "asc" ? "ascending" : "descending"}
            </option>
          )}
        </select>
      </div>
      {isFiltered && (
        <div className="claims-view-filters-clear">
          <button type="button" className="button-secondary" onClick={onClear}>
            Clear filters
          </button>
        </div>
      )}
    </search>
  );
}
