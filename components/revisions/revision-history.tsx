"use client";

import { useMemo, useState } from "react";
import { usePassageClaims } from "@/lib/claims/client/claim-queries";
import type { ClaimSummary } from "@/lib/claims/claim.schemas";
import type { Passage } from "@/lib/passages/passage.schemas";
import { usePassageRevisions, useRevision } from "@/lib/revisions/client/revision-queries";
import { locateQuote, revisionDiff, type DiffSegment, type DrawnClaim } from "@/lib/revisions/revision-diff";
import { formatDateTime } from "@/lib/format-date";

/** The passage's revisions (newest first), one of them read in full, and a word diff of any two with the claims drawn on both sides. */
export function RevisionHistory({ passage, onClose }: { passage: Passage; onClose: () => void }) {
  const revisions = usePassageRevisions(passage.id);
  const claims = usePassageClaims(passage.id);
  const newest = passage.revision;
  const [reading, setReading] = useState<number | null>(null);
  const [from, setFrom] = useState(Math.max(1, newest - 1));
  const [to, setTo] = useState(newest);

  return (
    <div className="stack">
      <div className="row spread">
        <h2 id="history-heading">Revision history</h2>
        <button type="button" className="button-secondary" onClick={onClose}>
          Close
        </button>
      </div>
      {revisions.isPending && <p className="muted">Loading revisions…</p>}
      {revisions.error && (
        <p className="alert alert-error" role="alert">
          {revisions.error.message}
        </p>
      )}
      {revisions.data && (
        <table className="revision-table">
          <caption className="visually-hidden">Revisions of “{passage.title}”, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Revision</th>
              <th scope="col">Saved</th>
              <th scope="col">By</th>
              <th scope="col">Note</th>
              <th scope="col">Text hash</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {revisions.data.map((revision) => (
              <tr key={revision.number} aria-current={revision.number === reading ? "true" : undefined}>
                <th scope="row">
                  {revision.number}
                  {revision.number === newest ? " (current)" : ""}
                </th>
                <td>
                  <time dateTime={revision.createdAt}>{formatDateTime(revision.createdAt)}</time>
                </td>
                <td>{revision.createdBy?.name ?? "A removed account"}</td>
                <td>
                  {revision.note ?? <span className="muted">No note</span>}
                  {revision.snapshot && (
                    <>
                      {" · "}
                      {/* The stored copy of the page this revision was fetched from, served sandboxed (docs/security.md). */}
                      <a href={revision.snapshot.url} target="_blank" rel="noopener noreferrer">
                        as captured on <time dateTime={revision.snapshot.fetchedAt}>{revision.snapshot.fetchedAt.slice(0, 10)}</time>
                      </a>
                    </>
                  )}
                </td>
                <td>
                  <code title={revision.textHash}>{revision.textHash.slice(0, 8)}</code>
                </td>
                <td>
                  <button type="button" className="button-secondary" onClick={() => setReading(revision.number === reading ? null : revision.number)} aria-pressed={revision.number === reading}>
                    Read revision {revision.number}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {reading !== null && <RevisionReader passageId={passage.id} number={reading} newest={newest} />}
      {revisions.data && revisions.data.length > 1 && (
        <section className="stack" aria-labelledby="diff-heading">
          <h3 id="diff-heading">Compare revisions</h3>
          <div className="row">
            <div>
              <label htmlFor="diff-from">From</label>
              <select id="diff-from" value={from} onChange={(event) => setFrom(Number(event.target.value))}>
                {revisions.data.map((revision) => (
                  <option key={revision.number} value={revision.number}>
                    Revision {revision.number}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="diff-to">To</label>
              <select id="diff-to" value={to} onChange={(event) => setTo(Number(event.target.value))}>
                {revisions.data.map((revision) => (
                  <option key={revision.number} value={revision.number}>
                    Revision {revision.number}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <RevisionDiffView passageId={passage.id} from={from} to={to} newest={newest} claims={claims.data ?? []} />
        </section>
      )}
    </div>
  );
}

function RevisionReader({ passageId, number, newest }: { passageId: string; number: number; newest: number }) {
  const revision = useRevision(passageId, number);
  return (
    <section className="stack" aria-labelledby="reading-heading">
      <h3 id="reading-heading">
        Reading revision {number} of {newest}
        {number === newest ? "" : " (read-only)"}
      </h3>
      {revision.isPending && <p className="muted">Loading the text…</p>}
      {revision.error && (
        <p className="alert alert-error" role="alert">
          {revision.error.message}
        </p>
      )}
      {revision.data && (
        <div className="revision-text" tabIndex={0} role="region" aria-label={`Text of revision ${number}`}>
          {revision.data.text}
        </div>
      )}
    </section>
  );
}

/** Where each claim stands in one side's text: the newest revision by its target, older ones by its (previous) quote. */
function claimsIn(text: string, claims: ClaimSummary[], side: "old" | "new", isNewest: boolean): DrawnClaim[] {
  const drawn: DrawnClaim[] = [];
  for (const claim of claims) {
    const isOrphan = claim.anchor.status === "orphaned";
    if (side === "new" && isNewest) {
      if (!isOrphan) drawn.push({ id: claim.id, ...claim.target.position });
      continue;
    }
    const quote = side === "old" ? (claim.anchor.previousQuote ?? claim.target.quote.exact) : isOrphan ? null : claim.target.quote.exact;
    const span = quote ? locateQuote(text, quote, claim.target.quote.prefix) : null;
    if (span) drawn.push({ id: claim.id, ...span });
  }
  return drawn;
}

function RevisionDiffView({ passageId, from, to, newest, claims }: { passageId: string; from: number; to: number; newest: number; claims: ClaimSummary[] }) {
  const oldRevision = useRevision(passageId, from);
  const newRevision = useRevision(passageId, to);
  const oldText = oldRevision.data?.text;
  const newText = newRevision.data?.text;
  const diff = useMemo(() => {
    if (oldText === undefined || newText === undefined) return null;
    return revisionDiff(oldText, newText, { old: claimsIn(oldText, claims, "old", from === newest), new: claimsIn(newText, claims, "new", to === newest) });
  }, [oldText, newText, claims, from, to, newest]);
  const statements = useMemo(() => new Map(claims.map((claim) => [claim.id, claim.statement])), [claims]);
  if (oldRevision.error ?? newRevision.error) {
    return (
      <p className="alert alert-error" role="alert">
        {(oldRevision.error ?? newRevision.error)?.message}
      </p>
    );
  }
  if (!diff) return <p className="muted">Loading the diff…</p>;
  return (
    <div className="stack">
      <p className="hint" role="status">
        {diff.removed} passages removed, {diff.added} added. Removed words are struck through on the left, added words underlined on the right; claims are highlighted on both sides.
      </p>
      <div className="diff-sides">
        <DiffSide heading={`Revision ${from}`} className="diff-old" segments={diff.old} statements={statements} />
        <DiffSide heading={`Revision ${to}`} className="diff-new" segments={diff.new} statements={statements} />
      </div>
    </div>
  );
}

function DiffSide({ heading, className, segments, statements }: { heading: string; className: string; segments: DiffSegment[]; statements: Map<string, string> }) {
  const headingId = `${className}-heading`;
  return (
    <section className={`diff-side ${className}`} aria-labelledby={headingId}>
      <h4 id={headingId}>{heading}</h4>
      {/* Named apart from its section: two landmarks of one name cannot be told apart (axe landmark-unique). */}
      <div className="diff-text" tabIndex={0} role="region" aria-label={`Words of ${heading.toLowerCase()}`}>
        {segments.map((segment, index) => {
          // User text only ever as text nodes.
          const words = segment.change === "removed" ? <del>{segment.text}</del> : segment.change === "added" ? <ins>{segment.text}</ins> : segment.text;
          if (segment.claimIds.length === 0) return <span key={index}>{words}</span>;
          const title = segment.claimIds.map((id) => statements.get(id) ?? "").join(" · ");
          return (
            <mark key={index} className="diff-claim" data-claim-ids={segment.claimIds.join(" ")} title={`Claim: ${title}`}>
              {words}
            </mark>
          );
        })}
      </div>
    </section>
  );
}
