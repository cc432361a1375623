"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from "react";
import { describeBulkOutcome } from "@/components/claims-table/bulk-summary";
import { ClaimsBulkBar } from "@/components/claims-table/claims-bulk-bar";
import { ClaimsFilterBar } from "@/components/claims-table/claims-filter-bar";
import {
  EMPTY_FILTERS,
  filtersToApiQuery,
  filtersToSearch,
  hasActiveFilters,
  nextSortOn,
  parseClaimsFilters,
  sortOf,
  withAllowedSort,
  type ClaimsFilters,
} from "@/components/claims-table/claims-filters";
import { ClaimsGrid } from "@/components/claims-table/claims-grid";
import { useClaimSelection } from "@/components/claims-table/use-claim-selection";
import { SavedViewBar } from "@/components/views/saved-view-bar";
import { can } from "@/lib/auth/permissions";
import { type BulkChanges, useBulkUpdateClaims, useClaimsPages } from "@/lib/claims/client/claim-queries";
import { usePassageOptions } from "@/lib/passages/client/passage-queries";
import type { Role } from "@/lib/generated/prisma/enums";
import { formErrorMessage } from "@/lib/http/api-client";
import { allowedTransitions, REVIEW_STATES } from "@/lib/review/review-state";
import { isPageShortcutBlocked } from "@/lib/keyboard/is-typing-target";

type ClaimsTableProps = { workspaceId: string; role: Role; currentUserId: string; isBlindReview: boolean };

const SEARCH_DEBOUNCE_MS = 250;



/**
 * A workspace's claims: filters kept in the URL, pages loaded as the list scrolls, selection and
 * bulk label or state changes for the roles that may make them.
 */
export function ClaimsTable({ workspaceId, role, currentUserId, isBlindReview }: ClaimsTableProps) {
  const searchParams = useSearchParams();
  const canSortByLabel = !isBlindReview || can(role, "claim.decide");
  const { filters: urlFilters, isSortReplaced: isUrlSortReplaced } = withAllowedSort(parseClaimsFilters(searchParams), canSortByLabel);
  const urlSearch = filtersToSearch(urlFilters);
  const [filters, setFilters] = useState<ClaimsFilters>(urlFilters);
  const [searchText, setSearchText] = useState(urlFilters.q);
  const [seenUrlSearch, setSeenUrlSearch] = useState(urlSearch);
  const [summary, setSummary] = useState("");
  // Set while the table shows the default order in place of the label sort its link asked for.
  const [isSortReplaced, setIsSortReplaced] = useState(isUrlSortReplaced);
  // The saved view the table was opened from stays in the URL (`view`) while its filters change, so it can be updated.
  const [viewId, setViewId] = useState<string | null>(searchParams.get("view"));
  const searchRef = useRef<HTMLInputElement>(null);

  const apiQuery = filtersToApiQuery(filters, currentUserId);
  const pages = useClaimsPages(workspaceId, apiQuery);
  const passages = usePassageOptions(workspaceId);
  const bulkUpdate = useBulkUpdateClaims(workspaceId);
  const rows = useMemo(() => pages.data?.pages.flatMap((page) => page.items) ?? [], [pages.data]);
  const selection = useClaimSelection(rows);

  if (urlSearch !== seenUrlSearch) {
    // The URL changed without us (a link to this page, back or forward): the URL wins.
    setSeenUrlSearch(urlSearch);
    setViewId(searchParams.get("view"));
    setIsSortReplaced(isUrlSortReplaced);
    if (urlSearch !== filtersToSearch(filters)) {
      setFilters(urlFilters);
      setSearchText(urlFilters.q);
      selection.clear();
      setSummary("");
    }
  }

  function replaceUrl(next: ClaimsFilters, nextViewId: string | null) {
    const search = [filtersToSearch(next), nextViewId ? `view=${encodeURIComponent(nextViewId)}` : ""].filter(Boolean).join("&");
    // The native history API is wired into the Next router; it updates the URL without a server render.
    window.history.replaceState(null, "", search ? `?${search}` : window.location.pathname);
  }

  function applyFilters(next: ClaimsFilters) {
    if (filtersToSearch(next) === filtersToSearch(filters)) return;
    if (next.sort !== filters.sort || next.order !== filters.order) setIsSortReplaced(false);
    setFilters(next);
    selection.clear();
    setSummary("");
    replaceUrl(next, viewId);
  }

  const onSearchSettled = useEffectEvent((q: string) => applyFilters({ ...filters, q }));
  useEffect(() => {
    const q = searchText.trim();
    if (q === filters.q) return;
    const timer = setTimeout(() => onSearchSettled(q), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [searchText, filters.q]);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "/" || isPageShortcutBlocked(event)) return;
      event.preventDefault();
      searchRef.current?.focus();
      searchRef.current?.select();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  const { hasNextPage, isFetching, isPlaceholderData, isFetchNextPageError, fetchNextPage } = pages;
  const onReachEnd = useCallback(() => {
    // fetchNextPage would cancel a running refetch, and placeholder rows belong to other filters.
    if (hasNextPage && !isFetching && !isPlaceholderData && !isFetchNextPageError) void fetchNextPage();
  }, [hasNextPage, isFetching, isPlaceholderData, isFetchNextPageError, fetchNextPage]);

  const canLabel = can(role, "claim.label");
  const canMove = can(role, "claim.submit") || can(role, "claim.decide");
  const selected = selection.selectedClaims;
  const reachable = new Set(selected.flatMap((claim) => allowedTransitions(claim.state, role)));
  const stateOptions = REVIEW_STATES.filter((state) => reachable.has(state));
  const isFiltered = hasActiveFilters(filters);

  function applyBulk(changes: BulkChanges) {
    setSummary("");
    bulkUpdate.mutate(
      {
        claimIds: selected.map((claim) => claim.id),
        changes,
        versions: Object.fromEntries(selected.map((claim) => [claim.id, claim.version])),
      },
      {
        onSuccess: (outcome) => {
          setSummary(describeBulkOutcome(outcome));
          // Refused claims stay selected, to fix and try again.
          selection.keepOnly(outcome.results.flatMap((result) => (result.ok ? [] : [result.claimId])));
        },
        onError: (error) => setSummary(`Nothing was changed: ${formErrorMessage(error)}`),
      },
    );
  }

  function clearFilters() {
    setSearchText("");
    applyFilters({ ...EMPTY_FILTERS, sort: filters.sort, order: filters.order });
  }

  let body;
  if (pages.isPending) {
    body = (
      <div className="claims-view-message" aria-busy="true">
        <p>Loading claims…</p>
      </div>
    );
  } else if (pages.isError && !pages.data) {
    body = (
      <div className="alert alert-error row spread" role="alert">
        <span>Could not load the claims: {formErrorMessage(pages.error)}</span>
        <button type="button" className="button-secondary" onClick={() => void pages.refetch()}>
          Retry
        </button>
      </div>
    );
  } else if (rows.length === 0 && !isPlaceholderData) {
    body = isFiltered ? (
      <div className="empty-state">
        <h2>No claims match these filters</h2>
        <p>Try other words, or widen the label, state, passage or assignee.</p>
        <button type="button" onClick={clearFilters}>
          Clear filters
        </button>
      </div>
    ) : (
      <div className="empty-state">
        <h2>No claims yet</h2>
        <p>Open a passage and select text to mark one. Marked claims from every passage are listed here.</p>
        <Link href={`/w/${workspaceId}`} className="button">
          Go to the passages
        </Link>
      </div>
    );
  } else {
    body = (
      <>
        {pages.isRefetchError && (
          <div className="alert alert-error row spread" role="alert">
            <span>Could not refresh the claims: {formErrorMessage(pages.error)}</span>
            <button type="button" className="button-secondary" onClick={() => void pages.refetch()}>
              Retry
            </button>
          </div>
        )}
        <p id="claims-view-shortcuts" className="hint">
          Keyboard: <kbd>↑</kbd> <kbd>↓</kbd> move between rows, <kbd>Enter</kbd> opens the claim
          {canLabel || canMove ? (
            <>
              , <kbd>x</kbd> selects the focused row (<kbd>Shift</kbd>+<kbd>x</kbd> selects a range)
            </>
          ) : null}
          , <kbd>/</kbd> searches.
        </p>
        <ClaimsGrid
          key={filtersToSearch(filters)}
          workspaceId={workspaceId}
          rows={rows}
          isComplete={!hasNextPage && !isPlaceholderData}
          isBusy={isPlaceholderData || pages.isFetchingNextPage}
          selection={canLabel || canMove ? selection : null}
          onReachEnd={onReachEnd}
          sort={sortOf(filters)}
          onSort={(column) => applyFilters({ ...filters, ...nextSortOn(filters, column) })}
          canSortByLabel={canSortByLabel}
        />
        {isFetchNextPageError ? (
          <div className="alert alert-error row spread" role="alert">
            <span>Could not load more claims: {formErrorMessage(pages.error)}</span>
            <button type="button" className="button-secondary" onClick={() => void fetchNextPage()}>
              Retry
            </button>
          </div>
        ) : (
          <p className="muted claims-view-footer">
            {isPlaceholderData
              ? "Updating…"
              : pages.isFetchingNextPage
                ? `${rows.length} claims loaded; loading more…`
                : hasNextPage
                  ? `${rows.length} claims loaded; more load as you scroll.`
                  : `All ${rows.length} ${rows.length === 1 ? "claim" : "claims"} shown.`}
          </p>
        )}
      </>
    );
  }

  return (
    <div className="stack">
      <ClaimsFilterBar
        filters={filters}
        searchText={searchText}
        searchRef={searchRef}
        passages={passages.data}
        isFiltered={isFiltered}
        onSearchText={setSearchText}
        onChange={(changes) => applyFilters({ ...filters, ...changes })}
        onClear={clearFilters}
      />
      <SavedViewBar
        workspaceId={workspaceId}
        role={role}
        currentUserId={currentUserId}
        filters={filters}
        viewId={viewId}
        canSortByLabel={canSortByLabel}
        onSaved={(view) => {
          setViewId(view.id);
          replaceUrl(filters, view.id);
        }}
      />
      {isSortReplaced && (
        <p className="alert alert-info" role="note">
          Sorted newest first instead of by label: in blind double review, the order of labels would reveal other reviewers’ votes.
        </p>
      )}
      {selected.length > 0 && (
        <ClaimsBulkBar
          workspaceId={workspaceId}
          selectedCount={selected.length}
          canAssign={can(role, "claim.assign")}
          canLabel={canLabel}
          canMove={canMove}
          stateOptions={stateOptions}
          isPending={bulkUpdate.isPending}
          onApply={applyBulk}
          onClearSelection={selection.clear}
        />
      )}
      <p role="status" className="claims-view-summary">
        {summary}
      </p>
      {body}
    </div>
  );
}
