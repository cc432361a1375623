"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { apiFilterToFilters, filtersToSearch } from "@/components/claims-table/claims-filters";
import { ApiError } from "@/lib/http/api-client";
import { isPageShortcutBlocked } from "@/lib/keyboard/is-typing-target";
import { useDeleteSavedView, useSavedViews, useUpdateSavedView } from "@/lib/views/client/view-queries";
import type { SavedView, SavedViewList } from "@/lib/views/view.schemas";

type SavedViewsListProps = { workspaceId: string; currentUserId: string; canShare: boolean; initialViews: SavedViewList };

/** Digits 1–9 open the first nine views. */
const KEYED_VIEWS = 9;

function savedViewHref(workspaceId: string, view: SavedView, currentUserId: string): string {
  const search = filtersToSearch(apiFilterToFilters(view.filter, currentUserId));
  return `/w/${workspaceId}/claims?${search ? `${search}&` : ""}view=${encodeURIComponent(view.id)}`;
}

/** The workspace page's saved views: each with its live count, opened by a click or by its digit. */
export function SavedViewsList({ workspaceId, currentUserId, canShare, initialViews }: SavedViewsListProps) {
  const router = useRouter();
  const views = useSavedViews(workspaceId, initialViews);
  const remove = useDeleteSavedView(workspaceId);
  const update = useUpdateSavedView(workspaceId);
  const [status, setStatus] = useState("");
  // Marked once the digit keys listen (after hydration), so a test knows a key press reaches them.
  const sectionRef = useRef<HTMLElement>(null);
  const items = views.data?.items ?? initialViews.items;

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || isPageShortcutBlocked(event) || !/^[1-9]$/.test(event.key)) return;
      const view = items[Number(event.key) - 1];
      if (!view) return;
      event.preventDefault();
      router.push(savedViewHref(workspaceId, view, currentUserId));
    }
    document.addEventListener("keydown", onKeyDown);
    sectionRef.current?.setAttribute("data-keys-listening", "true");
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [items, router, workspaceId, currentUserId]);

  function deleteView(view: SavedView) {
    setStatus("");
    remove.mutate(view.id, {
      onSuccess: () => setStatus(`Deleted the view “${view.name}”.`),
      onError: (error) => setStatus(`The view was not deleted: ${error instanceof ApiError ? error.message : "try again."}`),
    });
  }

  function setVisibility(view: SavedView, visibility: SavedView["visibility"]) {
    setStatus("");
    update.mutate(
      { viewId: view.id, changes: { visibility } },
      {
        onSuccess: (changed) => setStatus(changed.visibility === "shared" ? `Shared the view “${changed.name}” with the workspace.` : `The view “${changed.name}” is yours alone now.`),
        onError: (error) => setStatus(`The view was not changed: ${error instanceof ApiError ? error.message : "try again."}`),
      },
    );
  }

  return (
    <section aria-labelledby="saved-views-heading" className="stack" ref={sectionRef}>
      <h2 id="saved-views-heading">Saved views</h2>
      {items.length === 0 ? (
        <p className="muted">
          None yet. On <Link href={`/w/${workspaceId}/claims`}>All claims</Link>, filter and sort the table, then choose “Save view…”.
        </p>
      ) : (
        <>
          <p className="hint" id="saved-views-keys">
            Press <kbd>1</kbd>–<kbd>{Math.min(items.length, KEYED_VIEWS)}</kbd> to open a view.
          </p>
          <ul className="list" aria-describedby="saved-views-keys">
            {items.map((view, index) => (
              <li key={view.id} className="saved-view-item">
                <Link href={savedViewHref(workspaceId, view, currentUserId)} aria-keyshortcuts={index < KEYED_VIEWS ? String(index + 1) : undefined}>
                  <span>
                    {index < KEYED_VIEWS && <kbd aria-hidden="true">{index + 1}</kbd>} {view.name}
                    <span className="muted"> · {view.visibility === "shared" ? `shared by ${view.owner.name}` : "only you"}</span>
                    {view.notApplied.length > 0 && <span className="muted"> · {view.notApplied.length === 1 ? "1 filter" : `${view.notApplied.length} filters`} no longer apply</span>}
                  </span>
                  <span className="badge">
                    {view.claimCount} {view.claimCount === 1 ? "claim" : "claims"}
                  </span>
                </Link>
                {canShare && view.owner.id === currentUserId && (
                  <button
                    type="button"
                    className="button-secondary"
                    disabled={update.isPending}
                    onClick={() => setVisibility(view, view.visibility === "shared" ? "personal" : "shared")}
                    aria-label={view.visibility === "shared" ? `Make the view ${view.name} yours alone` : `Share the view ${view.name} with the workspace`}
                  >
                    {view.visibility === "shared" ? "Unshare" : "Share"}
                  </button>
                )}
                {view.canEdit && (
                  <button type="button" className="button-secondary" disabled={remove.isPending} onClick={() => deleteView(view)} aria-label={`Delete the view ${view.name}`}>
                    Delete
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <p role="status">{status}</p>
    </section>
  );
}
