"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ApiError } from "@/lib/http/api-client";
import { useImportPassage, type PassageImportRequest, type PastedPassage } from "@/lib/passages/client/passage-queries";
import { LANGUAGE_TAG_MAX_LENGTH, PASSAGE_FILE_ACCEPT, PASSAGE_TITLE_MAX_LENGTH } from "@/lib/passages/passage.schemas";
import { looksLikeHtml } from "@/lib/passages/looks-like-html";
import type { PassageSummary } from "@/lib/passages/passage.schemas";
import { useCreateRevision, useFindPassageBySource, type RevisionRequest } from "@/lib/revisions/client/revision-queries";

type Duplicate = { id: string; title: string; url: string };

/** The pasted fields as the API takes them; pasted HTML source is read like an uploaded page. */
function pastedPassage(form: FormData): PastedPassage {
  const input = Object.fromEntries(form.entries()) as PastedPassage;
  return looksLikeHtml(input.text) ? { ...input, textFormat: "html" } : input;
}

export function ImportPassageForm({ workspaceId }: { workspaceId: string }) {
  const router = useRouter();
  const [mode, setMode] = useState<"paste" | "upload">("paste");
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const importPassage = useImportPassage(workspaceId);
  const findBySource = useFindPassageBySource(workspaceId);
  const createRevision = useCreateRevision(workspaceId);
  // A passage of this workspace imported from the same address: offered a new revision instead of a duplicate.
  const [existing, setExisting] = useState<{ passage: PassageSummary; form: FormData } | null>(null);
  const duplicate = error?.code === "conflict" ? (error.details as { existingPassage?: Duplicate } | undefined)?.existingPassage : undefined;
  const fieldErrors = error?.fieldErrors() ?? {};

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    form.delete("mode-choice");
    for (const [key, value] of [...form.entries()]) if (value === "") form.delete(key);
    const sourceUrl = form.get("sourceUrl");
    const isNewAnyway = existing !== null && event.nativeEvent instanceof SubmitEvent && (event.nativeEvent.submitter as HTMLButtonElement | null)?.value === "new";
    setError(null);
    setIsSubmitting(true);
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

  async function importNew(form: FormData) {
    try {
      const request: PassageImportRequest =
        mode === "upload"
          ? { kind: "file", form, onProgress: setProgress }
          : // Pasting renders no file input, so every field is text; the server validates them.
            { kind: "text", input: pastedPassage(form) };
      const passage = await importPassage.mutateAsync(request);
      router.push(`/w/${workspaceId}/passages/${passage.id}`);
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
      </fieldset>
      {error && (
        <div className="alert alert-error" role="alert">
          {error.formMessage(mode === "paste" ? ["text", "title", "sourceUrl"] : ["title", "sourceUrl"])}
          {duplicate && (
            <>
              {" "}
              <Link href={duplicate.url}>Open “{duplicate.title}”</Link>
            </>
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
      {mode === "paste" ? (
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
        <label htmlFor="passage-title">Title{mode === "upload" ? " (optional: taken from the file)" : ""}</label>
        <input id="passage-title" name="title" maxLength={PASSAGE_TITLE_MAX_LENGTH} aria-invalid={fieldErrors.title ? true : undefined} />
        {fieldErrors.title && <p className="field-error">{fieldErrors.title}</p>}
      </div>
      <div className="form-grid">
        <div>
          <label htmlFor="passage-source">Source URL</label>
          <input id="passage-source" name="sourceUrl" type="url" placeholder="https://" onChange={() => setExisting(null)} aria-invalid={fieldErrors.sourceUrl ? true : undefined} />
          {fieldErrors.sourceUrl && <p className="field-error">{fieldErrors.sourceUrl}</p>}
        </div>
        <div>
          <label htmlFor="passage-publisher">Publisher</label>
          <input id="passage-publisher" name="publisher" />
        </div>
        <div>
          <label htmlFor="passage-author">Author</label>
          <input id="passage-author" name="author" />
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
      {progress !== null && (
        <div>
          <label htmlFor="import-progress">Uploading</label>
          <progress id="import-progress" max={1} value={progress}>
            {Math.round(progress * 100)}%
          </progress>
        </div>
      )}
      <div>
        <button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Importing…" : "Import passage"}
        </button>
      </div>
    </form>
  );
}
