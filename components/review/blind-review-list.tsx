"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useUpdateClaim } from "@/lib/claims/client/claim-queries";
import { LABEL_DISPLAY, STATE_DISPLAY } from "@/lib/claims/label-display";
import type { BlindReviewItem } from "@/lib/review/blind-review.schemas";
import { CLAIM_LABELS } from "@/lib/review/review-state";

const STATUS_TEXT: Record<BlindReviewItem["status"], string> = {
  disagreement: "Reviewers disagree",
  agreement: "Reviewers agree",
  waiting: "Waiting for a second reviewer",
};

/** Each claim's blind votes side by side, with the final label an editor sets from them. */
export function BlindReviewList({ workspaceId, items }: { workspaceId: string; items: BlindReviewItem[] }) {
  const router = useRouter();
  // The final label is the claim's own label, set like any other change to a claim.
  const decide = useUpdateClaim();

  return (
    <div className="stack">
      {decide.isError && <p role="alert">{decide.error.message}</p>}
      <ul className="list stack">
        {items.map((item) => (
          <li key={item.claim.id} className="card review-item">
            <p className="row spread">
              <Link href={`/w/${workspaceId}/passages/${item.claim.passageId}?claim=${item.claim.id}`}>{item.claim.statement}</Link>
              <span className="badge">
                {item.claim.label
                  ? `Resolved: final label ${LABEL_DISPLAY[item.claim.label].name}${item.decidedBy ? `, set by ${item.decidedBy.name}` : ""}`
                  : STATUS_TEXT[item.status]}
              </span>
            </p>
            <p className="muted">
              {item.claim.passageTitle} · {STATE_DISPLAY[item.claim.state]}
            </p>
            <ul className="review-votes list" aria-label="Independent labels">
              {item.labels.map((vote) => (
                <li key={vote.reviewer.id} className="review-vote">
                  <span className="muted">{vote.reviewer.name}</span>
                  <br />
                  <strong className={`label-chip label-${vote.label}`}>{LABEL_DISPLAY[vote.label].name}</strong>
                </li>
              ))}
            </ul>
            <fieldset className="label-picker">
              <legend>Final label</legend>
              <div className="row">
                {CLAIM_LABELS.map((label) => (
                  <button
                    key={label}
                    type="button"
                    className={`label-button label-${label}`}
                    aria-pressed={item.claim.label === label}
                    disabled={decide.isPending}
                    onClick={() => decide.mutate({ claim: item.claim, changes: { label } }, { onSuccess: () => router.refresh() })}
                  >
                    <span aria-hidden="true">{LABEL_DISPLAY[label].symbol}</span> {LABEL_DISPLAY[label].name}
                  </button>
                ))}
              </div>
            </fieldset>
          </li>
        ))}
      </ul>
    </div>
  );
}
