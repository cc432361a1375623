"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from "react";
import { ClaimDetail, type ClaimConflict } from "@/components/claims/claim-detail";
import { ClaimList } from "@/components/claims/claim-list";
import { ShortcutsDialog } from "@/components/claims/shortcuts-dialog";
import { SuggestionsPanel } from "@/components/suggestions/suggestions-panel";
import { useSuggestions } from "@/components/suggestions/use-suggestions";
import { can } from "@/lib/auth/permissions";
import type { ClaimSummary, UpdateClaimInput } from "@/lib/claims/claim.schemas";
import { STATE_DISPLAY } from "@/lib/claims/label-display";
import { conflictingClaim, useCreateClaim, useDeleteClaim, usePassageClaims, useUpdateClaim } from "@/lib/claims/client/claim-queries";
import type { ClaimLabel, Role } from "@/lib/generated/prisma/enums";
import { CLAIMS_SHARE_MAX, CLAIMS_SHARE_MIN } from "@/lib/passages/claims-share";
import { useCastBlindVote } from "@/lib/review/client/blind-review-queries";
import { nextReviewState } from "@/lib/review/review-state";
import { DeskTabs } from "./desk-tabs";
import { PanelSplitter } from "./panel-splitter";
import { useClaimsShare } from "./use-claims-share";
import { PassageText } from "./passage-text";
import { isPageShortcutBlocked } from "@/lib/keyboard/is-typing-target";
import type { Passage } from "@/lib/passages/passage.schemas";
import { orphanPlaceText } from "@/lib/revisions/anchor-review";
import { useCurrentPassage } from "@/lib/revisions/client/revision-queries";
import { AnchorBadge } from "@/components/revisions/anchor-badge";

type PassageReaderProps = { passage: Passage; role: Role; isBlindReview: boolean; currentUserId: string };
type LowerTab = "claim" | "suggestions";

const LABEL_KEYS: Record<string, ClaimLabel> = { "1": "factual", "2": "opinion", "3": "disputed" };

/**
 * The passage page's working desk: the text on the left, scrolling on its own under a sticky
 * "Mark claim" toolbar; on the right the claims list, always given room, above the open claim or
 * the suggestions, with a splitter between them.
 */
export function PassageReader({ passage: initialPassage, role, isBlindReview, currentUserId }: PassageReaderProps) {
  const searchParams = useSearchParams();
  // The newest revision's text: a revision saved anywhere replaces it live (lib/live), while open editors keep their drafts.
  const passage = useCurrentPassage(initialPassage).data;
  // Held in state so keys pressed in quick succession act on the claim just opened; mirrored to the URL.
  const [selectedClaimId, setSelectedClaimId] = useState<string | null>(searchParams.get("claim"));
  const claimsQuery = usePassageClaims(passage.id);
  const claims = useMemo(() => claimsQuery.data ?? [], [claimsQuery.data]);
  const suggestions = useSuggestions(passage.id, claims);
  const createClaim = useCreateClaim(passage.id);
  const updateClaim = useUpdateClaim();
  const castVote = useCastBlindVote();
  // In blind double review a reviewer's 1/2/3 is their own vote, as the buttons are.
  const isBlindVoter = isBlindReview && !can(role, "claim.decide");
  const [conflict, setConflict] = useState<ClaimConflict | null>(null);
  const [isShortcutsOpen, setIsShortcutsOpen] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const { remove: deleteClaim, restore: restoreClaim } = useDeleteClaim(passage.id);
  const [lastDeletedId, setLastDeletedId] = useState<string | null>(null);
  const evidenceUrlRef = useRef<HTMLInputElement>(null);
  const verdictSelectRef = useRef<HTMLSelectElement>(null);
  const selected = claims.find((claim) => claim.id === selectedClaimId) ?? null;
  const panelRef = useRef<HTMLElement>(null);
  const [claimsShare, setClaimsShare] = useClaimsShare();
  const [lowerTab, setLowerTab] = useState<LowerTab>(selectedClaimId ? "claim" : "suggestions");

  const { reset: resetUpdate, mutate: mutateClaim } = updateClaim;
  const { reset: resetVote } = castVote;
  const openClaim = useCallback(
    (claimId: string | null) => {
      setSelectedClaimId(claimId);
      setLowerTab(claimId ? "claim" : "suggestions");
      setConflict(null);
      resetUpdate();
      resetVote();
      const url = new URL(window.location.href);
      if (claimId) url.searchParams.set("claim", claimId);
      else url.searchParams.delete("claim");
      window.history.replaceState(null, "", url);
    },
    [resetUpdate, resetVote],
  );

  const change = useCallback(
    (claim: ClaimSummary, changes: UpdateClaimInput) => {
      setConflict(null);
      mutateClaim(
        { claim, changes },
        {
          onSuccess: (updated) =>
            setAnnouncement(
              `Saved. Claim is ${updated.label ?? "unlabelled"}, ${updated.state.replace("_", " ")}${updated.verdictName ? `, verdict ${updated.verdictName}` : ""}.`,
            ),
          onError: (error) => {
            const theirs = conflictingClaim(error);
            if (theirs) setConflict({ mine: changes, theirs });
          },
        },
      );
    },
    [mutateClaim],
  );

  const { mutate: mutateVote } = castVote;
  const vote = useCallback(
    (claim: ClaimSummary, label: ClaimLabel) => {
      if (claim.state === "verified" || claim.state === "rejected") {
        setAnnouncement(`This claim is ${STATE_DISPLAY[claim.state].toLowerCase()}, so it takes no more votes.`);
        return;
      }
      mutateVote({ claimId: claim.id, label }, { onSuccess: () => setAnnouncement(`Your vote: ${label}.`) });
    },
    [mutateVote],
  );

  function resolveConflict(choice: "reapply" | "discard") {
    if (!conflict || !selected) return;
    const { mine, theirs } = conflict;
    setConflict(null);
    if (choice === "reapply") change({ ...selected, version: theirs.version }, mine);
    else void claimsQuery.refetch();
  }

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (isPageShortcutBlocked(event)) return;
      const index = claims.findIndex((claim) => claim.id === selectedClaimId);
      const keyLabel = LABEL_KEYS[event.key];
      if (event.key === "j" || event.key === "k") {
        const next = claims[event.key === "j" ? Math.min(claims.length - 1, index + 1) : Math.max(0, index - 1)];
        if (next) openClaim(next.id);
      } else if (event.key === "?") {
        setIsShortcutsOpen(true);
      } else if (event.key === "Escape" && selected) {
        openClaim(null);
      } else if (selected && keyLabel && can(role, "claim.label")) {
        if (isBlindVoter) vote(selected, keyLabel);
        else change(selected, { label: keyLabel });
      } else if (selected && event.key === "s") {
        change(selected, { state: nextReviewState(selected.state) });
      } else if (selected && event.key === "e" && evidenceUrlRef.current) {
        evidenceUrlRef.current.focus();
      } else if (selected && event.key === "v" && verdictSelectRef.current && !verdictSelectRef.current.disabled) {
        verdictSelectRef.current.focus();
      } else {
        return;
      }
      event.preventDefault();
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [claims, selectedClaimId, selected, role, openClaim, change, isBlindVoter, vote]);

  // Orphans have no words in the newest text, and claims not yet refetched after a revision point into the old one.
  const placedClaims = useMemo(
    () => claims.filter((claim) => claim.anchor.status !== "orphaned" && claim.anchor.revision === passage.revision && claim.target.position.end <= passage.text.length),
    [claims, passage.revision, passage.text.length],
  );
  const orphanedClaims = useMemo(() => claims.filter((claim) => claim.anchor.status === "orphaned"), [claims]);
  const highlighted = useMemo(
    () =>
      placedClaims.map((claim) => ({
        id: claim.id,
        start: claim.target.position.start,
        end: claim.target.position.end,
        label: claim.label,
        state: claim.state,
        isAnchorChanged: claim.anchor.needsReview,
      })),
    [placedClaims],
  );

  const detailRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Each claim opens at its top, whatever the previous one was scrolled to.
    detailRef.current?.scrollTo({ top: 0 });
  }, [selectedClaimId]);

  const suggestionCount = suggestions.isShown && suggestions.query.data ? suggestions.items.length : null;

  return (
    <div className="passage-layout">
      <div className="desk-text">
        {createClaim.error && (
          <p className="alert alert-error" role="alert">
            {createClaim.error.message}
          </p>
        )}
        <PassageText
          text={passage.text}
          claims={highlighted}
          selectedClaimId={selectedClaimId}
          canMark={can(role, "claim.create")}
          isMarking={createClaim.isPending}
          onMark={(span) =>
            createClaim.mutate(span, {
              onSuccess: (claim) => {
                window.getSelection()?.removeAllRanges();
                setAnnouncement("Claim marked.");
                openClaim(claim.id);
              },
            })
          }
          onOpenClaim={openClaim}
          suggestions={suggestions.painted}
          focusedSuggestion={suggestions.focused}
        />
      </div>
      <aside ref={panelRef} className="desk-panel" aria-label="Claims panel" style={{ "--claims-share": `${claimsShare}%` } as CSSProperties}>
        <section id="desk-claims" className="desk-claims" aria-labelledby="desk-claims-heading">
          <div className="row spread">
            <h2 id="desk-claims-heading">Claims {claimsQuery.data ? `(${claims.length})` : ""}</h2>
            <button type="button" className="button-secondary" onClick={() => setIsShortcutsOpen(true)} aria-keyshortcuts="?">
              Shortcuts
            </button>
          </div>
          {claimsQuery.isPending && <p className="muted">Loading claims…</p>}
          {claimsQuery.error && (
            <p className="alert alert-error" role="alert">
              {claimsQuery.error.message} <button type="button" onClick={() => void claimsQuery.refetch()}>Retry</button>
            </p>
          )}
          {claimsQuery.data && (placedClaims.length > 0 || orphanedClaims.length === 0) && (
            <ClaimList claims={placedClaims} selectedClaimId={selectedClaimId} onOpen={openClaim} />
          )}
          {orphanedClaims.length > 0 && (
            <section className="orphaned-claims" aria-labelledby="orphaned-claims-heading">
              <h3 id="orphaned-claims-heading">Orphaned claims ({orphanedClaims.length})</h3>
              <p className="hint">Their words are gone from the newest revision.</p>
              <ul className="list">
                {orphanedClaims.map((claim) => (
                  <li key={claim.id}>
                    <button type="button" className="claim-list-item" aria-current={claim.id === selectedClaimId ? "true" : undefined} onClick={() => openClaim(claim.id)}>
                      <span className="claim-list-statement">{claim.statement}</span>
                      <span className="claim-list-meta">
                        <span className={`state-chip state-${claim.state}`}>{STATE_DISPLAY[claim.state]}</span>
                        <AnchorBadge claim={claim} />
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {lastDeletedId && (
            <p className="alert alert-info row spread">
              Claim deleted.
              <button
                type="button"
                className="button-secondary"
                onClick={() => restoreClaim.mutate(lastDeletedId, { onSuccess: () => setLastDeletedId(null) })}
              >
                Undo
              </button>
            </p>
          )}
          {(deleteClaim.error ?? restoreClaim.error) && (
            <p className="alert alert-error" role="alert">
              {(deleteClaim.error ?? restoreClaim.error)?.message}
            </p>
          )}
        </section>
        <PanelSplitter
          value={claimsShare}
          min={CLAIMS_SHARE_MIN}
          max={CLAIMS_SHARE_MAX}
          label="Resize the claims list"
          controls="desk-claims"
          containerRef={panelRef}
          onChange={setClaimsShare}
        />
        <div className="desk-lower">
          <DeskTabs
            tab={lowerTab}
            onSelect={setLowerTab}
            tabs={[
              { id: "claim", label: selected ? "Open claim" : "Claim" },
              { id: "suggestions", label: "Suggestions", count: suggestionCount },
            ]}
          />
          <div ref={detailRef} role="tabpanel" id="desk-panel-claim" aria-labelledby="desk-tab-claim" className="desk-tabpanel" hidden={lowerTab !== "claim"}>
            {selected?.anchor.needsReview && (
              <p className="alert alert-info" role="note">
                {selected.anchor.status === "orphaned"
                  ? `Its words are gone from the newest revision; it last stood ${orphanPlaceText(selected.anchor.revision)} on “${selected.target.quote.exact}”.`
                  : `Its words changed in the newest revision: it was on “${selected.anchor.previousQuote ?? ""}”.`}
                {selected.state === "verified" ? " It was verified, so it needs re-review. " : " "}
                <Link href={`/w/${passage.workspaceId}/anchors`}>Check it in Anchors to check</Link>
              </p>
            )}
            {selected ? (
              <ClaimDetail
                key={selected.id}
                summary={selected}
                role={role}
                currentUserId={currentUserId}
                conflict={conflict}
                error={(castVote.error?.message ?? (updateClaim.error && !conflict ? updateClaim.error.message : null)) || null}
                isSaving={updateClaim.isPending}
                evidenceUrlRef={evidenceUrlRef}
                verdictSelectRef={verdictSelectRef}
                onChange={(changes) => change(selected, changes)}
                onResolveConflict={resolveConflict}
                onClose={() => openClaim(null)}
                onDelete={() =>
                  deleteClaim.mutate(selected.id, {
                    onSuccess: () => {
                      setLastDeletedId(selected.id);
                      setAnnouncement("Claim deleted.");
                      openClaim(null);
                    },
                  })
                }
              />
            ) : selectedClaimId !== null && claimsQuery.isSuccess && !claimsQuery.isFetching ? (
              // The open claim left the list: deleted meanwhile (live updates), or a link to a claim of another passage.
              <div className="alert alert-info" role="status">
                <p>
                  This claim is not in this passage any more: someone deleted it, or the link names a claim of another passage. An editor can restore a
                  deleted claim from Recently deleted; unsaved edits to its statement and verdict note are kept as drafts and come back with it.
                </p>
                <button type="button" className="button-secondary" onClick={() => openClaim(null)}>
                  Close
                </button>
              </div>
            ) : (
              <p className="muted">No claim is open. Choose one in the list above, press j, or select text and mark a claim.</p>
            )}
          </div>
          <div role="tabpanel" id="desk-panel-suggestions" aria-labelledby="desk-tab-suggestions" className="desk-tabpanel" hidden={lowerTab !== "suggestions"}>
            <SuggestionsPanel passageId={passage.id} role={role} suggestions={suggestions} onAnnounce={setAnnouncement} />
          </div>
        </div>
        <p className="visually-hidden" role="status" aria-live="polite">
          {announcement}
        </p>
      </aside>
      <ShortcutsDialog isOpen={isShortcutsOpen} onClose={() => setIsShortcutsOpen(false)} />
    </div>
  );
}
