"use client";

import { defaultRangeExtractor, useVirtualizer, type Range } from "@tanstack/react-virtual";
import Link from "next/link";
import { Fragment, useCallback, useEffect, useRef, useState, type ChangeEvent, type FocusEvent, type KeyboardEvent } from "react";
import type { ClaimSelection } from "@/components/claims-table/use-claim-selection";
import { COLUMN_NAMES } from "@/components/claims-table/claims-filters";
import type { ClaimSortColumn, ClaimSummary, SortOrder } from "@/lib/claims/claim.schemas";
import { LABEL_DISPLAY, labelKey, STATE_DISPLAY } from "@/lib/claims/label-display";

export const ROW_HEIGHT = 44;
const PAGE_ROWS = 10;
/** Start loading the next page this many rows before the end. */
const LOAD_AHEAD = 30;

type ClaimsGridProps = {
  workspaceId: string;
  rows: ClaimSummary[];
  /** All matching claims are loaded, so the row count is known. */
  isComplete: boolean;
  isBusy: boolean;
  selection: ClaimSelection | null;
  onReachEnd: () => void;
  sort: { column: ClaimSortColumn; order: SortOrder };
  onSort: (column: ClaimSortColumn) => void;
  /** Blind review hides undecided labels from reviewers, so sorting by label would reveal them. */
  canSortByLabel: boolean;
};

const SORTABLE_COLUMNS = ["statement", "label", "state", "passage", "evidence_count", "updated"] as const satisfies ClaimSortColumn[];

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });
const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "full", timeStyle: "short" });

function shiftHeld(event: ChangeEvent<HTMLInputElement>): boolean {
  // React fires a checkbox's change from its click, so the click's modifier keys are there.
  const native: Event = event.nativeEvent;
  return native instanceof MouseEvent && native.shiftKey;
}

/**
 * The claims as a table of fixed-height rows, only the visible ones rendered. One row is the tab
 * stop (roving tabindex); arrows, Page Up/Down, Home and End move between rows, x selects.
 */
export function ClaimsGrid({ workspaceId, rows, isComplete, isBusy, selection, onReachEnd, sort, onSort, canSortByLabel }: ClaimsGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const focusRequest = useRef<number | null>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const active = Math.min(activeIndex, Math.max(rows.length - 1, 0));
  // The focused row stays rendered when scrolled away, so focus is never lost to the page.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      return active < range.count && !indexes.includes(active) ? [...indexes, active].sort((a, b) => a - b) : indexes;
    },
    [active],
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders the table on scroll by design
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => rows[index]?.id ?? index,
    overscan: 10,
    rangeExtractor,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const lastRendered = virtualRows.at(-1)?.index ?? -1;

  useEffect(() => {
    if (rows.length > 0 && lastRendered >= rows.length - LOAD_AHEAD) onReachEnd();
  }, [lastRendered, rows.length, onReachEnd]);

  useEffect(() => {
    if (focusRequest.current === null) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${focusRequest.current}"]`);
    if (!row) return;
    focusRequest.current = null;
    row.focus({ preventScroll: true });
  });

  function moveTo(index: number) {
    if (rows.length === 0) return;
    const target = Math.min(Math.max(index, 0), rows.length - 1);
    setActiveIndex(target);
    virtualizer.scrollToIndex(target, { align: "auto" });
    focusRequest.current = target;
  }

  function rowIndexOf(target: EventTarget): { index: number; row: HTMLElement } | null {
    const row = target instanceof Element ? target.closest<HTMLElement>("[data-index]") : null;
    return row ? { index: Number(row.dataset.index), row } : null;
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const found = rowIndexOf(event.target);
    if (!found) return;
    const { index, row } = found;
    const isOnRow = event.target === row;
    if (event.key === "ArrowDown") moveTo(index + 1);
    else if (event.key === "ArrowUp") moveTo(index - 1);
    else if (event.key === "PageDown") moveTo(index + PAGE_ROWS);
    else if (event.key === "PageUp") moveTo(index - PAGE_ROWS);
    else if (event.key === "Home") moveTo(0);
    else if (event.key === "End") moveTo(rows.length - 1);
    else if (selection && (event.key === "x" || event.key === "X" || (isOnRow && event.key === " "))) selection.toggle(index, event.shiftKey);
    else if (isOnRow && event.key === "Enter") row.querySelector("a")?.click();
    else return;
    event.preventDefault();
  }

  function onFocus(event: FocusEvent<HTMLDivElement>) {
    const found = rowIndexOf(event.target);
    if (found && found.index !== active) setActiveIndex(found.index);
  }

  return (
    <div className={`claims-view-table${selection ? "" : " is-readonly"}`}>
      <div
        role="table"
        aria-label="Claims"
        aria-describedby="claims-view-shortcuts"
        aria-rowcount={isComplete ? rows.length + 1 : -1}
        aria-busy={isBusy || undefined}
        className="claims-view-inner"
      >
        <div role="rowgroup">
          <div role="row" aria-rowindex={1} className="claims-view-row is-header">
            {selection && (
              <div role="columnheader">
                <input
                  type="checkbox"
                  aria-label="Select all loaded claims"
                  checked={selection.isAllSelected}
                  ref={(input) => {
                    if (input) input.indeterminate = selection.isSomeSelected;
                  }}
                  onChange={selection.toggleAll}
                  disabled={rows.length === 0}
                />
              </div>
            )}
            {SORTABLE_COLUMNS.map((column) => {
              const isSorted = sort.column === column;
              // The verdict column (after the state) does not sort: ratings are the workspace's own, in its order.
              const verdictHeader = column === "state" && <div role="columnheader">Verdict</div>;
              if (column === "label" && !canSortByLabel) {
                return (
                  <div key={column} role="columnheader">
                    {COLUMN_NAMES[column]}
                  </div>
                );
              }
              return (
                <Fragment key={column}>
                  <div role="columnheader" aria-sort={isSorted ? (sort.order === "asc" ? "ascending" : "descending") : undefined}>
                    <button type="button" className="claims-view-sort" onClick={() => onSort(column)}>
                      {COLUMN_NAMES[column]}
                      <span aria-hidden="true" className={isSorted ? "" : "claims-view-sort-idle"}>
                        {isSorted && sort.order === "desc" ? " ▼" : " ▲"}
                      </span>
                    </button>
                  </div>
                  {verdictHeader}
                </Fragment>
              );
            })}
          </div>
        </div>
        {/* .claims-scroll is the element scripts/bench/claims-table-bench.ts scrolls. */}
        <div role="rowgroup" ref={scrollRef} className="claims-view-scroll claims-scroll" onKeyDown={onKeyDown} onFocus={onFocus}>
          <div role="presentation" className="claims-view-spacer" style={{ height: virtualizer.getTotalSize() }}>
            {virtualRows.map((virtualRow) => {
              const claim = rows[virtualRow.index];
              if (!claim) return null;
              const isActive = virtualRow.index === active;
              const isSelected = selection?.isSelected(claim.id) ?? false;
              const label = LABEL_DISPLAY[labelKey(claim.label)];
              const updatedAt = new Date(claim.updatedAt);
              return (
                <div
                  key={virtualRow.key}
                  role="row"
                  aria-rowindex={virtualRow.index + 2}
                  data-index={virtualRow.index}
                  tabIndex={isActive ? 0 : -1}
                  className={`claims-view-row${isSelected ? " is-selected" : ""}`}
                  style={{ height: ROW_HEIGHT, transform: `translateY(${virtualRow.start}px)` }}
                >
                  {selection && (
                    <div role="cell">
                      <input
                        type="checkbox"
                        tabIndex={isActive ? 0 : -1}
                        aria-label={`Select claim: ${claim.statement}`}
                        checked={isSelected}
                        // Shift-click would otherwise also extend the page's text selection.
                        onMouseDown={(event) => event.shiftKey && event.preventDefault()}
                        onChange={(event) => selection.toggle(virtualRow.index, shiftHeld(event))}
                      />
                    </div>
                  )}
                  <div role="cell" className="claims-view-statement">
                    <Link
                      href={`/w/${workspaceId}/passages/${claim.passageId}?claim=${claim.id}`}
                      prefetch={false}
                      tabIndex={isActive ? 0 : -1}
                      title={claim.statement}
                    >
                      {claim.statement}
                    </Link>
                  </div>
                  <div role="cell">
                    <span className={`label-chip label-${labelKey(claim.label)}`}>
                      <span aria-hidden="true">{label.symbol}</span> {label.name}
                    </span>
                  </div>
                  <div role="cell">{STATE_DISPLAY[claim.state]}</div>
                  <div role="cell" className="claims-view-truncate" title={claim.verdictName ?? undefined}>
                    {claim.verdictName ?? (
                      <span className="muted">
                        <span aria-hidden="true">—</span>
                        <span className="visually-hidden">No verdict</span>
                      </span>
                    )}
                  </div>
                  <div role="cell" className="claims-view-truncate" title={claim.passageTitle}>
                    {claim.passageTitle}
                  </div>
                  <div role="cell" className="claims-view-number">
                    {claim.evidenceCount}
                  </div>
                  <div role="cell">
                    <time dateTime={claim.updatedAt} title={timeFormat.format(updatedAt)}>
                      {dateFormat.format(updatedAt)}
                    </time>
                  </div>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
