"use client";

import { useId, useState, type FormEvent } from "react";
import { apiFilterToFilters, filtersToApiQuery, filtersToSearch, withAllowedSort, type ClaimsFilters } from "@/components/claims-table/claims-filters";
import { can } from "@/lib/auth/permissions";
import { ClaimsFilterSchema } from "@/lib/claims/claim.schemas";
import type { Role } from "@/lib/generated/prisma/enums";
import { formErrorMessage } from "@/lib/http/api-client";
import { useCreateSavedView, useSavedViews, useUpdateSavedView } from "@/lib/views/client/view-queries";
import { SAVED_VIEW_NAME_MAX_LENGTH, type SavedView } from "@/lib/views/view.schemas";

type SavedViewBarProps = {
  workspaceId: string;
  role: Role;
  currentUserId: string;
  filters: ClaimsFilters;
  /** The view the page was opened from (`?view=`), if any. */
  viewId: string | null;
  /** False for a reviewer in blind double review: a view sorted by label opens in the default order, which is not a change of the view. */
  canSortByLabel: boolean;
  onSaved: (view: SavedView) => void;
};


/**
 * Names the table's current filter and sort as a saved view, or updates the view it was opened
 * from; says which view is open and what of its filter no longer applies.
 */
export function SavedViewBar({ workspaceId, role, currentUserId, filters, viewId, canSortByLabel, onSaved }: SavedViewBarProps) {
  const views = useSavedViews(workspaceId);
  const create = useCreateSavedView(workspaceId);
  const update = useUpdateSavedView(workspaceId);
  const [isNaming, setIsNaming] = useState(false);
  const [name, setName] = useState("");
  const [isShared, setIsShared] = useState(false);
  const [status, setStatus] = useState("");
  const formId = useId();

  const openView = viewId ? views.data?.items.find((view) => view.id === viewId) : undefined;
  const isChanged = openView
    ? filtersToSearch(withAllowedSort(apiFilterToFilters(openView.filter, currentUserId), canSortByLabel).filters) !== filtersToSearch(filters)
    : false;
  const filter = ClaimsFilterSchema.parse(filtersToApiQuery(filters, currentUserId));

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setStatus("");
    create.mutate(
      { name, visibility: isShared ? "shared" : "personal", filter },
      {
        onSuccess: (view) => {
          setIsNaming(false);
          setName("");
          setStatus(`Saved the view “${view.name}”.`);
          onSaved(view);
        },
        onError: (error) => setStatus(`The view was not saved: ${formErrorMessage(error)}`),
      },
    );
  }

  function saveChanges(view: SavedView) {
    setStatus("");
    update.mutate(
      { viewId: view.id, changes: { filter } },
      {
        onSuccess: (changed) => setStatus(`Updated the view “${changed.name}”.`),
        onError: (error) => setStatus(`The view was not updated: ${formErrorMessage(error)}`),
      },
    );
  }

  return (
    <div className="stack saved-view-bar">
      {viewId && views.isSuccess && !openView && (
        <p className="alert alert-info">This saved view was deleted or is not shared with you; the filters from its link still apply.</p>
      )}
      {openView && (
        <div className="alert alert-info" aria-label="Saved view">
          <p>
            View: <strong>{openView.name}</strong> <span className="badge">{openView.visibility === "shared" ? "Shared" : "Only you"}</span>
            {isChanged && <span className="muted"> · changed since it was saved</span>}
          </p>
          {openView.notApplied.length > 0 && (
            <ul aria-label="No longer applies">
              {openView.notApplied.map((problem) => (
                <li key={problem.field}>{problem.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="row">
        {!isNaming && (
          <button type="button" className="button-secondary" onClick={() => setIsNaming(true)}>
            Save view…
          </button>
        )}
        {openView?.canEdit && isChanged && !isNaming && (
          <button type="button" className="button-secondary" disabled={update.isPending} onClick={() => saveChanges(openView)}>
            Update “{openView.name}”
          </button>
        )}
      </div>
      {isNaming && (
        <form className="row card" onSubmit={save} aria-label="Save view">
          <div>
            <label htmlFor={`${formId}-name`}>View name</label>
            <input
              id={`${formId}-name`}
              value={name}
              required
              maxLength={SAVED_VIEW_NAME_MAX_LENGTH}
              autoFocus
              onChange={(event) => setName(event.target.value)}
            />
          </div>
          {can(role, "view.share") && (
            <label className="row">
              <input type="checkbox" checked={isShared} onChange={(event) => setIsShared(event.target.checked)} /> Share with the workspace
            </label>
          )}
          <button type="submit" disabled={create.isPending}>
            Save
          </button>
          <button type="button" className="button-secondary" onClick={() => setIsNaming(false)}>
            Cancel
          </button>
        </form>
      )}
      <p role="status" className="saved-view-status">
        {status}
      </p>
    </div>
  );
}
