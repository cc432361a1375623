"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { ReleaseDownloads } from "@/components/releases/release-files";
import type { ClaimsFilter } from "@/lib/claims/claim.schemas";
import { ApiError, formErrorMessage } from "@/lib/http/api-client";
import { useCreateRelease, useReleases, useUpdateReleaseSettings } from "@/lib/releases/client/release-queries";
import {
  RELEASE_LICENCE_IDS,
  RELEASE_LICENCES,
  RELEASE_NAME_MAX_LENGTH,
  type Release,
  type ReleaseLicence,
  type ReleaseList,
} from "@/lib/releases/release.schemas";
import { releaseFilterWords } from "@/lib/releases/release-filter-words";
import { releasePagePath } from "@/lib/releases/release-urls";
import { formatDateTime } from "@/lib/format-date";

export type ReleaseSource = { key: string; name: string; filter: ClaimsFilter | null; isReleasable: boolean };

type Props = {
  workspaceId: string;
  canCut: boolean;
  initialReleases: ReleaseList;
  /** Where a release can be cut from: the claims filter the person came with, all verified claims, saved views. */
  sources: ReleaseSource[];
  /** The workspace's release licence, and whether the viewer (an owner) may choose licences. */
  licence: ReleaseLicence | null;
  canChooseLicence: boolean;
};

const licenceWords = (licence: ReleaseLicence | null) => (licence ? `${RELEASE_LICENCES[licence].title} (${licence})` : "No licence stated");

export function ReleasesPanel({ workspaceId, canCut, initialReleases, sources, licence: initialLicence, canChooseLicence }: Props) {
  const { data, hasNextPage, fetchNextPage, isFetchingNextPage } = useReleases(workspaceId, initialReleases);
  const releases = data.pages.flatMap((page) => page.items);
  const [licence, setLicence] = useState(initialLicence);
  return (
    <div className="stack">
      {canChooseLicence && <LicenceForm workspaceId={workspaceId} licence={licence} onSaved={setLicence} />}
      {canCut && <CutReleaseForm workspaceId={workspaceId} sources={sources} licence={licence} canChooseLicence={canChooseLicence} />}
      <section className="stack" aria-labelledby="releases-heading">
        <h2 id="releases-heading">Releases</h2>
        {releases.length === 0 ? (
          <div className="empty-state">
            <h3>No releases yet</h3>
            <p>
              A release is a numbered, citable snapshot of verified claims. Its files never change, even when the claims do, so a
              study or a partner can always say exactly which data it used.{" "}
              {canCut ? "Cut the first one above." : "Editors and owners cut them."}
            </p>
          </div>
        ) : (
          <>
            <ReleasesTable workspaceId={workspaceId} releases={releases} />
            {hasNextPage && (
              <button type="button" className="button-secondary" onClick={() => void fetchNextPage()} disabled={isFetchingNextPage}>
                {isFetchingNextPage ? "Loading older releases…" : "Show older releases"}
              </button>
            )}
            {releases.length > 1 && <CompareForm workspaceId={workspaceId} releases={releases} />}
          </>
        )}
      </section>
    </div>
  );
}

function ReleasesTable({ workspaceId, releases }: { workspaceId: string; releases: Release[] }) {
  return (
    <table className="data-table">
      <caption className="visually-hidden">Releases, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Release</th>
          <th scope="col">Cut</th>
          <th scope="col">Claims</th>
          <th scope="col">SHA-256 of the JSONL</th>
          <th scope="col">Download</th>
        </tr>
      </thead>
      <tbody>
        {releases.map((release) => (
          <tr key={release.number}>
            <th scope="row">
              <Link href={releasePagePath(workspaceId, release.number)}>
                {release.number}. {release.name}
              </Link>
            </th>
            <td>
              <time dateTime={release.createdAt}>{formatDateTime(release.createdAt)}</time>
              {release.createdBy && <span className="muted"> by {release.createdBy.name}</span>}
            </td>
            <td>{release.claimCount.toLocaleString()}</td>
            <td>
              <code title={release.sha256}>{release.sha256.slice(0, 12)}…</code>
            </td>
            <td>
              <ReleaseDownloads release={release} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function LicenceSelect({ id, defaultValue }: { id: string; defaultValue: ReleaseLicence | null }) {
  return (
    <select id={id} name="licence" defaultValue={defaultValue ?? ""}>
      <option value="">No licence stated</option>
      {RELEASE_LICENCE_IDS.map((choice) => (
        <option key={choice} value={choice}>
          {licenceWords(choice)}
        </option>
      ))}
    </select>
  );
}

const licenceFrom = (form: FormData) => RELEASE_LICENCE_IDS.find((candidate) => candidate === form.get("licence")) ?? null;

/** Owners choose the licence every new release carries. */
function LicenceForm({ workspaceId, licence, onSaved }: { workspaceId: string; licence: ReleaseLicence | null; onSaved: (licence: ReleaseLicence | null) => void }) {
  const id = useId();
  const update = useUpdateReleaseSettings(workspaceId);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update.mutate({ licence: licenceFrom(new FormData(event.currentTarget)) }, { onSuccess: (settings) => onSaved(settings.licence) });
  }
  return (
    <section className="card stack" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Licence for releases</h2>
      <form className="row" onSubmit={onSubmit}>
        <label htmlFor={`${id}-licence`}>Releases are published under</label>
        <LicenceSelect id={`${id}-licence`} defaultValue={licence} />
        <button type="submit" disabled={update.isPending}>
          {update.isPending ? "Saving…" : "Save licence"}
        </button>
      </form>
      <p className="hint">Owners choose it; editors&apos; releases carry it. Releases already cut keep their licence.</p>
      {update.isSuccess && (
        <p role="status" className="alert alert-info">
          New releases carry: {licenceWords(update.data.licence)}.
        </p>
      )}
      {update.isError && (
        <p role="alert" className="alert alert-error">
          {formErrorMessage(update.error)}
        </p>
      )}
    </section>
  );
}

type CutReleaseFormProps = { workspaceId: string; sources: ReleaseSource[]; licence: ReleaseLicence | null; canChooseLicence: boolean };

function CutReleaseForm({ workspaceId, sources, licence, canChooseLicence }: CutReleaseFormProps) {
  const id = useId();
  const create = useCreateRelease(workspaceId);
  const firstReleasable = sources.find((source) => source.isReleasable)?.key ?? "";
  const [sourceKey, setSourceKey] = useState(firstReleasable);
  const [cut, setCut] = useState<Release | null>(null);
  const source = sources.find((candidate) => candidate.key === sourceKey);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setCut(null);
    create.mutate(
      { name: String(form.get("name") ?? ""), filter: { ...(source?.filter ?? {}), state: "verified" }, ...(canChooseLicence ? { licence: licenceFrom(form) } : {}) },
      { onSuccess: (release) => setCut(release) },
    );
  }

  const fieldErrors = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  return (
    <section className="card stack" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Cut a release</h2>
      <p className="hint">
        Snapshots the verified claims the filter keeps, in every export format, with a SHA-256 checksum. Only verified claims go into a
        release.
      </p>
      <form className="stack" onSubmit={onSubmit} aria-busy={create.isPending}>
        <div className="form-grid">
          <div>
            <label htmlFor={`${id}-name`}>Name</label>
            <input
              id={`${id}-name`}
              name="name"
              required
              maxLength={RELEASE_NAME_MAX_LENGTH}
              aria-invalid={fieldErrors.name ? true : undefined}
              aria-describedby={fieldErrors.name ? `${id}-name-error` : undefined}
            />
            {fieldErrors.name && (
              <p id={`${id}-name-error`} className="field-error">
                {fieldErrors.name}
              </p>
            )}
          </div>
          <div>
            <label htmlFor={`${id}-source`}>Claims</label>
            <select id={`${id}-source`} value={sourceKey} onChange={(event) => setSourceKey(event.target.value)} aria-describedby={`${id}-source-hint`}>
              {sources.map((candidate) => (
                <option key={candidate.key} value={candidate.key} disabled={!candidate.isReleasable}>
                  {candidate.name}
                  {candidate.isReleasable ? "" : " (not verified claims)"}
                </option>
              ))}
            </select>
            <p id={`${id}-source-hint`} className="hint">
              {source ? releaseFilterWords(source.filter ?? {}) : "Choose the claims to release."}
            </p>
          </div>
          <div>
            {canChooseLicence ? (
              <>
                <label htmlFor={`${id}-licence`}>Licence</label>
                <LicenceSelect key={licence ?? ""} id={`${id}-licence`} defaultValue={licence} />
              </>
            ) : (
              <p>
                <strong>Licence:</strong> {licenceWords(licence)}
                <span className="hint"> (the owners&apos; choice)</span>
              </p>
            )}
          </div>
        </div>
        <div className="row">
          <button type="submit" disabled={create.isPending || !source}>
            {create.isPending ? "Cutting the release…" : "Cut release"}
          </button>
        </div>
      </form>
      {create.isPending && (
        <p role="status" className="hint">
          Reading the claims and writing every format. This takes a few seconds for large sets.
        </p>
      )}
      {create.isError && (
        <p role="alert" className="alert alert-error">
          {formErrorMessage(create.error, ["name"])}
        </p>
      )}
      {cut && (
        <p role="status" className="alert alert-info">
          <Link href={releasePagePath(workspaceId, cut.number)}>
            Release {cut.number}, “{cut.name}”
          </Link>{" "}
          holds {cut.claimCount.toLocaleString()} verified claim{cut.claimCount === 1 ? "" : "s"}. SHA-256: <code>{cut.sha256}</code>
        </p>
      )}
    </section>
  );
}

function CompareForm({ workspaceId, releases }: { workspaceId: string; releases: Release[] }) {
  const id = useId();
  const router = useRouter();
  const [newer, older] = releases;
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    router.push(`${releasePagePath(workspaceId, Number(form.get("release")))}/diff?against=${Number(form.get("against"))}`);
  }
  return (
    <form className="row" onSubmit={onSubmit} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Compare two releases</h3>
      <label htmlFor={`${id}-release`}>Release</label>
      <select id={`${id}-release`} name="release" defaultValue={newer?.number}>
        {releases.map((release) => (
          <option key={release.number} value={release.number}>
            {release.number}. {release.name}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-against`}>with</label>
      <select id={`${id}-against`} name="against" defaultValue={older?.number}>
        {releases.map((release) => (
          <option key={release.number} value={release.number}>
            {release.number}. {release.name}
          </option>
        ))}
      </select>
      <button type="submit">Compare</button>
    </form>
  );
}
