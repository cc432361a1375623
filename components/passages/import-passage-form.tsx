"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState, type FormEvent } from "react";
import { CharacterCount, isOverLimit } from "@/components/forms/character-count";
import { useJob } from "@/lib/jobs/client/job-queries";
import type { Job } from "@/lib/jobs/job.schemas";
import { useImportPassage, type PassageImportRequest, type PastedPassage } from "@/lib/passages/client/passage-queries";
import {
  LANGUAGE_TAG_MAX_LENGTH,
  PASSAGE_FILE_ACCEPT,
  PASSAGE_METADATA_MAX_LENGTH,
  PASSAGE_TITLE_MAX_LENGTH,
  SOURCE_URL_MAX_LENGTH,
} from "@/lib/passages/passage.schemas";
import type { PassageSummary } from "@/lib/passages/passage.schemas";
import { ApiError } from "@/lib/http/api-client";
import { useCreateRevision, useFindPassageBySource, useReviseFromUrl, type RevisionRequest } from "@/lib/revisions/client/revision-queries";

type Duplicate = { id: string; title: string; url: string };

// The fields with a length limit, counted as the API counts them (trimmed).
const LIMITS = { title: PASSAGE_TITLE_MAX_LENGTH, sourceUrl: SOURCE_URL_MAX_LENGTH, publisher: PASSAGE_METADATA_MAX_LENGTH, author: PASSAGE_METADATA_MAX_LENGTH };
type LimitedField = keyof typeof LIMITS;

/** The pasted fields as the API takes them (it reads pasted HTML source like an uploaded page); empty text is the API's to refuse, by field. */
function pastedPassage(form: FormData): PastedPassage {
  return { ...(Object.fromEntries(form.entries()) as Omit<PastedPassage, "text">), text: String(form.get("text") ?? "") };
}

/** What the import job says while it runs, in words. */
function jobProgress(job: Job): string {
  if (job.state === "queued") return "Waiting for a worker to fetch the page…";
  if (job.state === "retry") return `The page could not be fetched (${job.lastError ?? "unknown reason"}). Trying again, attempt ${job.attempts + 1} of ${job.maxAttempts}…`;
  return `Fetching the page and reading its article (attempt ${job.attempts} of ${job.maxAttempts})…`;
}

/** A failed import job as the error the request would have given. */
function jobFailure(job: Job): ApiError {
  const recorded = (job.result?.error ?? null) as { code?: string; details?: unknown } | null;
  const code = recorded?.code === "conflict" ? "conflict" : "internal";
  return new ApiError(code === "conflict" ? 409 : 502, code, job.lastError ?? "The import failed.", recorded?.details ?? undefined);
}

export function ImportPassageForm({ workspaceId }: { workspaceId: string }) {
  const router = useRouter();
  const [mode, setMode] = useState<"paste" | "upload" | "url">("paste");
  const [progress, setProgress] = useState<number | null>(null);
  const [requestError, setError] = useState<ApiError | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [limited, setLimited] = useState<Record<LimitedField, string>>({ title: "", sourceUrl: "", publisher: "", author: "" });
  const isTooLong = (field: LimitedField) => isOverLimit(limited[field].trim(), LIMITS[field]);
  const isAnyTooLong = (Object.keys(LIMITS) as LimitedField[]).some(isTooLong);
  /** Props of a limited field: its count below it, and invalid past the limit or when the API refused it. */
  const limitedProps = (field: LimitedField, error?: string) => ({
    id: `passage-${field}`,
    name: field,
    "aria-invalid": error || isTooLong(field) ? true : undefined,
    // The API's refusal, when there is one, is read with the field, before its count.
    "aria-describedby": error ? `passage-${field}-error passage-${field}-count` : `passage-${field}-count`,
    onChange: (event: { target: { value: string } }) => {
      setLimited((current) => ({ ...current, [field]: event.target.value }));
      // Another address is another question: the offer to add a revision no longer applies.
      if (field === "sourceUrl") setExisting(null);
    },
  });
  const count = (field: LimitedField) => <CharacterCount id={`passage-${field}-count`} value={limited[field].trim()} max={LIMITS[field]} />;
  const [jobId, setJobId] = useState<string | null>(null);
  const importPassage = useImportPassage(workspaceId);
  const job = useJob(workspaceId, jobId).data;
  const followed = job && job.id === jobId ? job : undefined;
  const jobError =
    followed?.state === "failed" ? jobFailure(followed) : followed?.state === "cancelled" ? new ApiError(409, "conflict", "The import was cancelled.") : null;
  const error = requestError ?? jobError;
  const isBusy = isSubmitting && jobError === null;
  const findBySource = useFindPassageBySource(workspaceId);
  const createRevision = useCreateRevision(workspaceId);
  // A passage of this workspace imported from the same address: offered a new revision instead of a duplicate.
  const [existing, setExisting] = useState<{ passage: PassageSummary; form: FormData } | null>(null);
  const duplicate = error?.code === "conflict" ? (error.details as { existingPassage?: Duplicate } | undefined)?.existingPassage : undefined;
  const fieldErrors = error?.fieldErrors() ?? {};
  const reviseFromUrl = useReviseFromUrl(workspaceId);
  // The address last sent in URL mode, and the passage a revision from it was asked for.
  const [sentUrl, setSentUrl] = useState<string | null>(null);
  const [revisedPassage, setRevisedPassage] = useState<Duplicate | null>(null);
  const urlDuplicate = mode === "url" && sentUrl !== null ? duplicate : undefined;
  const passageToOpen = duplicate ?? revisedPassage;

  const finishedPassageId = followed?.state === "completed" && typeof followed.result?.passageId === "string" ? followed.result.passageId : null;
  useEffect(() => {
    if (finishedPassageId) router.push(`/w/${workspaceId}/passages/${finishedPassageId}`);
  }, [finishedPassageId, router, workspaceId]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isAnyTooLong) return;
    const form = new FormData(event.currentTarget);
    form.delete("mode-choice");
    for (const [key, value] of [...form.entries()]) if (value === "") form.delete(key);
    const sourceUrl = form.get("sourceUrl");
    const isNewAnyway = existing !== null && event.nativeEvent instanceof SubmitEvent && (event.nativeEvent.submitter as HTMLButtonElement | null)?.value === "new";
    setError(null);
    setJobId(null);
    setRevisedPassage(null);
    setIsSubmitting(true);
    const url = form.get("url");
    setSentUrl(mode === "url" && typeof url === "string" ? url.trim() : null);
    if (typeof sourceUrl === "string" && !isNewAnyway) {
      const found = await findBySource(sourceUrl.trim()).catch(() => null);
      if (found) {
        setExisting({ passage: found, form });
        setIsSubmitting(false);
        return;
      }
    }
    await importNew(form);
  }

  async function addAsRevision() {
    if (!existing) return;
    const { passage, form } = existing;
    let request: RevisionRequest;
    const file = form.get("file");
    if (mode === "upload" && file instanceof File) {
      const upload = new FormData();
      upload.set("file", file);
      request = { kind: "file", form: upload };
    } else request = { kind: "text", text: String(form.get("text") ?? "") };
    setError(null);
    setIsSubmitting(true);
    try {
      await createRevision.mutateAsync({ passageId: passage.id, request, baseRevision: passage.revision });
      router.push(`/w/${workspaceId}/passages/${passage.id}`);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, "internal", "Saving the revision failed. Try again."));
      setIsSubmitting(false);
    }
  }

  /** Fetches the page again and saves it as the next revision of the passage imported from it. */
  async function addUrlAsRevision(target: Duplicate, url: string) {
    setError(null);
    setJobId(null);
    setRevisedPassage(target);
    setIsSubmitting(true);
    try {
      const answer = await reviseFromUrl.mutateAsync({ passageId: target.id, url });
      // A page that takes longer than a few seconds is fetched by a job the form follows.
      if ("job" in answer) setJobId(answer.job.id);
      else router.push(`/w/${workspaceId}/passages/${target.id}`);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, "internal", "Saving the revision failed. Try again."));
      setIsSubmitting(false);
    }
  }

  async function importNew(form: FormData) {
    try {
      const request: PassageImportRequest =
        mode === "upload"
          ? { kind: "file", form, onProgress: setProgress }
          : mode === "url"
            ? { kind: "url", input: Object.fromEntries(form.entries()) as { url: string; title?: string } }
            : // Pasting renders no file input, so every field is text; the server validates them.
              { kind: "text", input: pastedPassage(form) };
      const answer = await importPassage.mutateAsync(request);
      // A page that takes longer than a few seconds is imported by a job the form follows.
      if ("job" in answer) setJobId(answer.job.id);
      else router.push(`/w/${workspaceId}/passages/${answer.id}`);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, "internal", "The import failed. Try again."));
      setIsSubmitting(false);
      setProgress(null);
    }
  }

  return (
    <form className="card stack" onSubmit={(event) => void onSubmit(event)} noValidate aria-label="Import a passage">
      <fieldset className="row">
        <legend>Source</legend>
        <label className="inline">
          <input type="radio" name="mode-choice" checked={mode === "paste"} onChange={() => setMode("paste")} /> Paste text
        </label>
        <label className="inline">
          <input type="radio" name="mode-choice" checked={mode === "upload"} onChange={() => setMode("upload")} /> Upload a file (.txt, .md, .html)
        </label>
        <label className="inline">
          <input type="radio" name="mode-choice" checked={mode === "url"} onChange={() => setMode("url")} /> Import from a web address
        </label>
      </fieldset>
      {error && (
        <div className="alert alert-error" role="alert">
          {error.formMessage(mode === "paste" ? ["text", "title", "sourceUrl", "publisher", "author"] : mode === "url" ? ["url", "title"] : ["title", "sourceUrl", "publisher", "author"])}
          {passageToOpen && (
            <>
              {" "}
              <Link href={passageToOpen.url}>Open “{passageToOpen.title}”</Link>
            </>
          )}
          {urlDuplicate && sentUrl && (
            <div className="row">
              <button type="button" onClick={() => void addUrlAsRevision(urlDuplicate, sentUrl)} disabled={isBusy}>
                Add as a new revision of “{urlDuplicate.title}”
              </button>
            </div>
          )}
        </div>
      )}
      {existing && (
        <div className="alert alert-info stack" role="alert">
          <p>
            “{existing.passage.title}” was imported from this address already and is at revision {existing.passage.revision}. Add this text as its next revision, so its claims follow their words, instead of a duplicate?
          </p>
          <div className="row">
            <button type="button" onClick={() => void addAsRevision()} disabled={isSubmitting}>
              Add as revision {existing.passage.revision + 1} of “{existing.passage.title}”
            </button>
            <button type="submit" name="intent" value="new" className="button-secondary" disabled={isSubmitting}>
              Import as a new passage anyway
            </button>
          </div>
        </div>
      )}
      {mode === "url" ? (
        <div>
          <label htmlFor="passage-url">Web address</label>
          <input
            id="passage-url"
            name="url"
            type="url"
            required
            placeholder="https://"
            aria-describedby="passage-url-hint"
            aria-invalid={fieldErrors.url ? true : undefined}
          />
          {fieldErrors.url && <p className="field-error">{fieldErrors.url}</p>}
          <p className="hint" id="passage-url-hint">
            ClaimDesk fetches the page, keeps a copy of it as captured, and takes the article&apos;s text, title, author and date. Public web pages only.
          </p>
        </div>
      ) : mode === "paste" ? (
        <div>
          <label htmlFor="passage-text">Text</label>
          <textarea id="passage-text" name="text" rows={12} required aria-invalid={fieldErrors.text ? true : undefined} />
          {fieldErrors.text && <p className="field-error">{fieldErrors.text}</p>}
        </div>
      ) : (
        <div>
          <label htmlFor="passage-file">File</label>
          <input id="passage-file" name="file" type="file" accept={PASSAGE_FILE_ACCEPT} required />
          <p className="hint">Up to 5 MB of text. HTML pages, uploaded or pasted as source, are reduced to their readable text; scripts and styles are dropped.</p>
        </div>
      )}
      <div>
        <label htmlFor="passage-title">
          Title{mode === "upload" ? " (optional: taken from the file)" : mode === "url" ? " (optional: taken from the page)" : ""}
        </label>
        <input {...limitedProps("title", fieldErrors.title)} required={mode === "paste"} />
        {count("title")}
        {fieldErrors.title && (
          <p className="field-error" id="passage-title-error">
            {fieldErrors.title}
          </p>
        )}
      </div>
      {mode !== "url" && (
        <div className="form-grid">
          <div>
            <label htmlFor="passage-sourceUrl">Source URL</label>
            <input {...limitedProps("sourceUrl", fieldErrors.sourceUrl)} type="url" placeholder="https://" />
            {count("sourceUrl")}
            {fieldErrors.sourceUrl && <p className="field-error" id="passage-sourceUrl-error">{fieldErrors.sourceUrl}</p>}
          </div>
          <div>
            <label htmlFor="passage-publisher">Publisher</label>
            <input {...limitedProps("publisher", fieldErrors.publisher)} />
            {count("publisher")}
            {fieldErrors.publisher && <p className="field-error" id="passage-publisher-error">{fieldErrors.publisher}</p>}
          </div>
          <div>
            <label htmlFor="passage-author">Author</label>
            <input {...limitedProps("author", fieldErrors.author)} />
            {count("author")}
            {fieldErrors.author && <p className="field-error" id="passage-author-error">{fieldErrors.author}</p>}
          </div>
          <div>
            <label htmlFor="passage-published">Published on</label>
            <input id="passage-published" name="publishedAt" type="date" />
          </div>
          <div>
            <label htmlFor="passage-language">Language</label>
            <input id="passage-language" name="language" placeholder="en" maxLength={LANGUAGE_TAG_MAX_LENGTH} />
          </div>
        </div>
      )}
      {jobId !== null && jobError === null && (
        <div role="status">
          <label htmlFor="import-job-progress">{job ? jobProgress(job) : "Fetching the page…"}</label>
          <progress id="import-job-progress" />
        </div>
      )}
      {progress !== null && (
        <div>
          <label htmlFor="import-progress">Uploading</label>
          <progress id="import-progress" max={1} value={progress}>
            {Math.round(progress * 100)}%
          </progress>
        </div>
      )}
      <div>
        <button type="submit" disabled={isBusy || isAnyTooLong}>
          {isBusy ? "Importing…" : "Import passage"}
        </button>
      </div>
    </form>
  );
}
