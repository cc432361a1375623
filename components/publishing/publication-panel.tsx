"use client";

import { useId } from "react";
import { can } from "@/lib/auth/permissions";
import type { Claim } from "@/lib/claims/claim.schemas";
import type { Role } from "@/lib/generated/prisma/enums";
import { CORRECTION_NOTE_MAX_LENGTH } from "@/lib/publishing/publishing.schemas";
import { usePublishClaim, useWithdrawPublication } from "@/lib/publishing/client/publication-queries";
import { formatDateTime } from "@/lib/format-date";

type PublicationPanelProps = {
  claim: Pick<Claim, "id" | "state" | "publication">;
  role: Role;
  correctionNote: string;
  onCorrectionNoteChange: (note: string) => void;
};

/** Publish / withdraw a claim's public fact-check, its public link, and the note a correction of it needs. */
export function PublicationPanel({ claim, role, correctionNote, onCorrectionNoteChange }: PublicationPanelProps) {
  const publish = usePublishClaim(claim);
  const withdraw = useWithdrawPublication(claim);
  const noteId = useId();
  const { publication } = claim;
  const isLive = publication !== null && publication.withdrawnAt === null;
  const canPublish = can(role, "claim.publish");
  const error = publish.error ?? withdraw.error;
  if (!isLive && (!canPublish || claim.state !== "verified") && !publication) return null;
  return (
    <section aria-labelledby={`${noteId}-heading`} className="stack">
      <h3 id={`${noteId}-heading`}>Public fact-check</h3>
      {isLive ? (
        <p>
          Published: <a href={publication.url}>public page</a>
        </p>
      ) : publication?.withdrawnAt ? (
        <p>Withdrawn on {formatDateTime(publication.withdrawnAt)}.</p>
      ) : (
        <p className="hint">Not published.</p>
      )}
      {error && (
        <p className="alert alert-error" role="alert">
          {error.message}
        </p>
      )}
      {canPublish && (
        <div className="row">
          {!isLive && claim.state === "verified" && (
            <button type="button" disabled={publish.isPending} onClick={() => publish.mutate()}>
              {publication ? "Publish again" : "Publish"}
            </button>
          )}
          {isLive && (
            <button
              type="button"
              className="button-secondary danger"
              disabled={withdraw.isPending}
              onClick={() => window.confirm("Withdraw this fact-check? Its public page will say it was withdrawn, and when.") && withdraw.mutate()}
            >
              Withdraw
            </button>
          )}
        </div>
      )}
      {isLive && (
        <div className="stack-tight">
          <label htmlFor={noteId}>Public correction note</label>
          <textarea
            id={noteId}
            value={correctionNote}
            maxLength={CORRECTION_NOTE_MAX_LENGTH}
            aria-describedby={`${noteId}-hint`}
            onChange={(event) => onCorrectionNoteChange(event.target.value)}
          />
          <p id={`${noteId}-hint`} className="hint">
            Required to change the statement, verdict note or evidence of a published fact-check; shown on its public page.
          </p>
        </div>
      )}
    </section>
  );
}
