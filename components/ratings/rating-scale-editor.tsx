"use client";

import { useState, type FormEvent } from "react";
import { ApiError, formErrorMessage } from "@/lib/http/api-client";
import { conflictingScale, useRatingScale, useRefreshRatingScale, useUpdateRatingScale } from "@/lib/ratings/client/rating-queries";
import {
  RATING_DESCRIPTION_MAX_LENGTH,
  RATING_KEY_MAX_LENGTH,
  RATING_NAME_MAX_LENGTH,
  RATING_VALUE_MAX,
  UpdateRatingScaleInputSchema,
  type RatingScale,
} from "@/lib/ratings/rating.schemas";

type Row = { id: number; key: string; name: string; description: string; value: string; retired: boolean; isNew: boolean; isKeyEdited: boolean };
type RowField = "key" | "name" | "description" | "value" | "retired";

let nextRowId = 0;
const toRow = (rating: RatingScale["ratings"][number]): Row => ({
  id: nextRowId++,
  key: rating.key,
  name: rating.name,
  description: rating.description,
  value: rating.value === null ? "" : String(rating.value),
  retired: rating.retired,
  isNew: false,
  isKeyEdited: true,
});

/** A key suggested from a new rating's name: "Pants on fire!" → "pants-on-fire". */
function keyFromName(name: string): string {
  return name.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, RATING_KEY_MAX_LENGTH);
}

/** Issues of the scale by row and field, from the schema here or the server's 400 (paths under `body`). */
function rowIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): { byField: Map<string, string>; general: string[] } {
  const byField = new Map<string, string>();
  const general: string[] = [];
  for (const issue of issues) {
    const path = issue.path[0] === "body" ? issue.path.slice(1) : issue.path;
    const [list, index, field] = path;
    if (list === "ratings" && typeof index === "number" && typeof field === "string") {
      if (!byField.has(`${index}.${field}`)) byField.set(`${index}.${field}`, issue.message);
    } else general.push(issue.message);
  }
  return { byField, general };
}

/** The workspace's rating scale, for owners to edit: the verdicts editors give claims. */
export function RatingScaleEditor({ workspaceId }: { workspaceId: string }) {
  const scale = useRatingScale(workspaceId);
  // Held here, not in the form: a save gives the scale a new version, which starts the form again.
  const save = useUpdateRatingScale(workspaceId);
  if (scale.isPending) return <p className="muted">Loading the rating scale…</p>;
  if (scale.error) return <p className="alert alert-error" role="alert">{scale.error.message}</p>;
  // A new version (saved here or elsewhere) starts the form again from it.
  return <RatingScaleForm key={scale.data.version} workspaceId={workspaceId} scale={scale.data} save={save} />;
}

function RatingScaleForm({ workspaceId, scale, save }: { workspaceId: string; scale: RatingScale; save: ReturnType<typeof useUpdateRatingScale> }) {
  const [rows, setRows] = useState<Row[]>(() => scale.ratings.map(toRow));
  const [isChecked, setIsChecked] = useState(false);
  const parsed = UpdateRatingScaleInputSchema.safeParse({
    ratings: rows.map((row) => ({
      key: row.key,
      name: row.name,
      description: row.description,
      value: row.value.trim() === "" ? null : Number(row.value),
      retired: row.retired,
    })),
  });
  const local = isChecked && !parsed.success ? rowIssues(parsed.error.issues) : { byField: new Map<string, string>(), general: [] };
  const server = save.error instanceof ApiError && Array.isArray(save.error.details) ? rowIssues(save.error.details as { path: PropertyKey[]; message: string }[]) : null;
  const errorOf = (index: number, field: RowField) => local.byField.get(`${index}.${field}`) ?? server?.byField.get(`${index}.${field}`);
  const conflict = conflictingScale(save.error);
  const refresh = useRefreshRatingScale(workspaceId);
  const alert =
    local.general.length > 0
      ? local.general.join(" ")
      : local.byField.size > 0 || (server?.byField.size ?? 0) > 0
        ? "Check the highlighted fields."
        : save.error
          ? formErrorMessage(save.error)
          : null;

  const update = (id: number, changes: Partial<Row>) =>
    setRows((current) =>
      current.map((row) => {
        if (row.id !== id) return row;
        const next = { ...row, ...changes };
        return next.isNew && !next.isKeyEdited && changes.name !== undefined ? { ...next, key: keyFromName(next.name) } : next;
      }),
    );
  const move = (index: number, by: -1 | 1) =>
    setRows((current) => {
      const next = [...current];
      const [row] = next.splice(index, 1);
      if (row) next.splice(index + by, 0, row);
      return next;
    });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setIsChecked(true);
    if (!parsed.success) return;
    save.mutate({ version: scale.version, input: parsed.data });
  }

  return (
    <form className="card stack" aria-labelledby="rating-scale-heading" onSubmit={onSubmit} noValidate>
      <h2 id="rating-scale-heading">Rating scale</h2>
      <p className="hint">
        The verdicts editors give claims, in order. A value places a rating on the truth scale (higher is truer; ClaimReview exports it with the
        scale&rsquo;s best and worst); leave it empty for ratings such as Unproven. A rating that claims use cannot be removed: retire it, and
        those claims keep it while no new claim can be given it.
      </p>
      {rows.map((row, index) => {
        const prefix = `rating-${row.id}`;
        const described = (field: RowField, hint?: string) => [hint, errorOf(index, field) ? `${prefix}-${field}-error` : null].filter(Boolean).join(" ") || undefined;
        const fieldError = (field: RowField) =>
          errorOf(index, field) && (
            <p id={`${prefix}-${field}-error`} className="field-error">
              {errorOf(index, field)}
            </p>
          );
        const title = row.name.trim() || "New rating";
        return (
          <fieldset key={row.id} className={`rating-row${row.retired ? " is-retired" : ""}`}>
            <legend>
              {index + 1}. {title}
              {row.retired ? " (retired)" : ""}
            </legend>
            <div className="rating-fields">
              <div>
                <label htmlFor={`${prefix}-name`}>Name</label>
                <input id={`${prefix}-name`} value={row.name} maxLength={RATING_NAME_MAX_LENGTH} aria-invalid={errorOf(index, "name") ? true : undefined}
                  aria-describedby={described("name")} onChange={(event) => update(row.id, { name: event.target.value })} />
                {fieldError("name")}
              </div>
              <div>
                <label htmlFor={`${prefix}-key`}>Key</label>
                <input id={`${prefix}-key`} value={row.key} readOnly={!row.isNew} maxLength={RATING_KEY_MAX_LENGTH}
                  aria-invalid={errorOf(index, "key") ? true : undefined} aria-describedby={described("key", `${prefix}-key-hint`)}
                  onChange={(event) => update(row.id, { key: event.target.value, isKeyEdited: true })} />
                <p id={`${prefix}-key-hint`} className="hint">{row.isNew ? "Lowercase words joined by hyphens; fixed once saved." : "Fixed: claims and exports use it."}</p>
                {fieldError("key")}
              </div>
              <div>
                <label htmlFor={`${prefix}-value`}>Value</label>
                <input id={`${prefix}-value`} type="number" inputMode="numeric" min={1} max={RATING_VALUE_MAX} step={1} value={row.value}
                  aria-invalid={errorOf(index, "value") ? true : undefined} aria-describedby={described("value", `${prefix}-value-hint`)}
                  onChange={(event) => update(row.id, { value: event.target.value })} />
                <p id={`${prefix}-value-hint`} className="hint">Empty: not on the truth scale.</p>
                {fieldError("value")}
              </div>
              <div className="rating-description">
                <label htmlFor={`${prefix}-description`}>Description</label>
                <input id={`${prefix}-description`} value={row.description} maxLength={RATING_DESCRIPTION_MAX_LENGTH}
                  aria-invalid={errorOf(index, "description") ? true : undefined} aria-describedby={described("description")}
                  onChange={(event) => update(row.id, { description: event.target.value })} />
                {fieldError("description")}
              </div>
            </div>
            <div className="row">
              <div className="checkbox-row">
                <input id={`${prefix}-retired`} type="checkbox" checked={row.retired} aria-describedby={described("retired")}
                  onChange={(event) => update(row.id, { retired: event.target.checked })} />
                <label htmlFor={`${prefix}-retired`}>Retired</label>
              </div>
              <button type="button" className="button-secondary" disabled={index === 0} aria-label={`Move ${title} up`} onClick={() => move(index, -1)}>
                Move up
              </button>
              <button type="button" className="button-secondary" disabled={index === rows.length - 1} aria-label={`Move ${title} down`} onClick={() => move(index, 1)}>
                Move down
              </button>
              <button type="button" className="button-secondary danger" aria-label={`Remove ${title}`} onClick={() => setRows((current) => current.filter((other) => other.id !== row.id))}>
                Remove
              </button>
            </div>
            {fieldError("retired")}
          </fieldset>
        );
      })}
      {conflict ? (
        <div className="alert alert-error" role="alert">
          Someone else changed the rating scale while you were editing it.{" "}
          <button type="button" onClick={() => {
              save.reset();
              refresh();
            }}>
            Load their version
          </button>
        </div>
      ) : (
        alert && (
          <p className="alert alert-error" role="alert">
            {alert}
          </p>
        )
      )}
      {save.isSuccess && <p role="status">Rating scale saved. Claims show the new names.</p>}
      <div className="row">
        <button
          type="button"
          className="button-secondary"
          onClick={() => setRows((current) => [...current, { id: nextRowId++, key: "", name: "", description: "", value: "", retired: false, isNew: true, isKeyEdited: false }])}
        >
          Add a rating
        </button>
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save rating scale"}
        </button>
      </div>
    </form>
  );
}
