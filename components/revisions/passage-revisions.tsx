"use client";

import Link from "next/link";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { can } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";
import { ApiError } from "@/lib/http/api-client";
import type { Passage } from "@/lib/passages/passage.schemas";
import { PASSAGE_FILE_ACCEPT } from "@/lib/passages/passage.schemas";
import { useCreateRevision, useCurrentPassage, usePassageRevisions, type RevisionRequest } from "@/lib/revisions/client/revision-queries";
import { REVISION_NOTE_MAX_LENGTH, type ReanchorCounts } from "@/lib/revisions/revision.schemas";
import { ModalDialog } from "./modal-dialog";
import { RevisionHistory } from "./revision-history";
import { formatDateTime } from "@/lib/format-date";

type Saved = { number: number; reanchor: ReanchorCounts };

/** "1 exact, 1 moved, 1 changed, 1 orphaned": how a revision's claims were re-anchored. */
function reanchorSummary(counts: ReanchorCounts): string {
  return `${counts.exact} exact, ${counts.moved} moved, ${counts.changed} changed, ${counts.orphaned} orphaned`;
}

/**
 * Which revision of the passage the page shows, and for editors a "Revise text" dialog; the
 * history of revisions and their diffs open in a dialog of their own.
 */
export function PassageRevisions({ passage: initialPassage, role }: { passage: Passage; role: Role }) {
  const passage = useCurrentPassage(initialPassage).data;
  const revisions = usePassageRevisions(passage.id);
  const newest = revisions.data?.find((revision) => revision.number === passage.revision);
  const [isRevising, setIsRevising] = useState(false);
  const [isHistoryOpen, setIsHistoryOpen] = useState(false);
  const [saved, setSaved] = useState<Saved | null>(null);
  const savedRef = useRef<HTMLParagraphElement>(null);
  const needsPerson = saved ? saved.reanchor.changed + saved.reanchor.orphaned : 0;

  useEffect(() => {
    // After the dialog has closed (and given focus back to its button), the outcome takes focus.
    if (saved && !isRevising) savedRef.current?.focus();
  }, [saved, isRevising]);

  return (
    <div className="passage-revisions">
      <p className="passage-revision-line">
        <span>
          Revision {passage.revision} of {passage.revision}
        </span>
        {" · updated "}
        <time dateTime={newest?.createdAt ?? passage.updatedAt}>{formatDateTime(newest?.createdAt ?? passage.updatedAt)}</time>
      </p>
      <div className="row">
        {can(role, "passage.manage") && (
          <button type="button" className="button-secondary" onClick={() => setIsRevising(true)}>
            Revise text
          </button>
        )}
        <button type="button" className="button-secondary" onClick={() => setIsHistoryOpen(true)}>
          Revision history
        </button>
      </div>
      {saved && (
        <p ref={savedRef} tabIndex={-1} className="alert alert-info" role="status">
          Revision {saved.number} saved. Claims: {reanchorSummary(saved.reanchor)}.{" "}
          {needsPerson > 0 && <Link href={`/w/${passage.workspaceId}/anchors`}>Check the {needsPerson} that need a person</Link>}
        </p>
      )}
      <ModalDialog isOpen={isRevising} onClose={() => setIsRevising(false)} labelledBy="revise-heading" className="revision-dialog">
        <ReviseTextForm
          passage={passage}
          onCancel={() => setIsRevising(false)}
          onSaved={(answer) => {
            setSaved(answer);
            setIsRevising(false);
          }}
        />
      </ModalDialog>
      <ModalDialog isOpen={isHistoryOpen} onClose={() => setIsHistoryOpen(false)} labelledBy="history-heading" className="revision-dialog wide">
        <RevisionHistory passage={passage} onClose={() => setIsHistoryOpen(false)} />
      </ModalDialog>
    </div>
  );
}

function ReviseTextForm({ passage, onCancel, onSaved }: { passage: Passage; onCancel: () => void; onSaved: (saved: Saved) => void }) {
  const createRevision = useCreateRevision(passage.workspaceId);
  const [mode, setMode] = useState<"paste" | "upload">("paste");
  // The revision this form started from: a revision saved by someone else meanwhile makes the save a 412.
  const [baseRevision] = useState(passage.revision);
  const error = createRevision.error instanceof ApiError ? createRevision.error : createRevision.error ? new ApiError(0, "internal", createRevision.error.message) : null;
  const isStale = error?.status === 412 || passage.revision !== baseRevision;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    form.delete("revise-mode");
    const note = String(form.get("note") ?? "").trim();
    let request: RevisionRequest;
    if (mode === "paste") request = { kind: "text", text: String(form.get("text") ?? ""), ...(note ? { note } : {}) };
    else {
      if (!note) form.delete("note");
      request = { kind: "file", form };
    }
    createRevision.mutate({ passageId: passage.id, request, baseRevision }, { onSuccess: (answer) => onSaved({ number: answer.revision.number, reanchor: answer.reanchor }) });
  }

  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-labelledby="revise-heading">
      <h2 id="revise-heading">Revise the text</h2>
      <p className="hint">
        The new text becomes revision {baseRevision + 1}; revision {baseRevision} stays readable in the history. Claims follow their words, and those whose words changed or are gone wait for a person.
      </p>
      {isStale ? (
        <div className="alert alert-error" role="alert">
          Someone saved another revision of this passage meanwhile. Reload the page to see it, then make your change again.{" "}
          <button type="button" onClick={() => window.location.reload()}>
            Reload
          </button>
        </div>
      ) : (
        error && (
          <p className="alert alert-error" role="alert">
            {error.message}
          </p>
        )
      )}
      <fieldset className="row">
        <legend>New text</legend>
        <label className="inline">
          <input type="radio" name="revise-mode" checked={mode === "paste"} onChange={() => setMode("paste")} /> Paste or edit the text
        </label>
        <label className="inline">
          <input type="radio" name="revise-mode" checked={mode === "upload"} onChange={() => setMode("upload")} /> Upload a file (.txt, .md, .html)
        </label>
      </fieldset>
      {mode === "paste" ? (
        <div>
          <label htmlFor="revision-text">Text of revision {baseRevision + 1}</label>
          <textarea id="revision-text" name="text" rows={14} defaultValue={passage.text} required data-autofocus />
        </div>
      ) : (
        <div>
          <label htmlFor="revision-file">File</label>
          <input id="revision-file" name="file" type="file" accept={PASSAGE_FILE_ACCEPT} required />
        </div>
      )}
      <div>
        <label htmlFor="revision-note">Note (optional)</label>
        <input id="revision-note" name="note" maxLength={REVISION_NOTE_MAX_LENGTH} placeholder="What changed and why" />
      </div>
      <div className="row">
        <button type="submit" disabled={createRevision.isPending || isStale}>
          {createRevision.isPending ? "Saving…" : `Save revision ${baseRevision + 1}`}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
