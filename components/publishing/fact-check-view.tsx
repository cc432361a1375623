import Link from "next/link";
import type { CorrectionChange } from "@/lib/publishing/publishing.schemas";
import { STANCE_WORDS, type PublicFactCheck, type PublicRating } from "@/lib/publishing/public-fact-check";
import { passageReportPath, workspaceFeedPath } from "@/lib/publishing/slug";
import { publicDate, publicDateTime } from "./public-dates";

const FIELD_WORDS: Record<CorrectionChange["field"], string> = {
  verdict: "Verdict",
  verdictNote: "Explanation of the verdict",
  statement: "Claim as checked",
  evidence: "Evidence",
};

/** The public fact-check page. Every piece of user text is a React text node, never markup. */
export function FactCheckView({ factCheck }: { factCheck: PublicFactCheck }) {
  const { passage, verdict } = factCheck;
  const saidBy = [passage.author, passage.publisher].filter(Boolean).join(", ");
  return (
    <article className="stack narrow fact-check">
      <p className="muted">Fact-check by {factCheck.workspace.name}</p>
      <h1>{factCheck.statement}</h1>
      <section aria-labelledby="verdict-heading" className="fact-check-verdict">
        <h2 id="verdict-heading">Verdict: {verdict?.name ?? "Not rated"}</h2>
        {verdict?.description ? <p className="muted">{verdict.description}</p> : null}
        {factCheck.verdictNote ? <p className="preserve-lines">{factCheck.verdictNote}</p> : null}
      </section>
      <section aria-labelledby="claim-heading">
        <h2 id="claim-heading">The claim</h2>
        <blockquote lang={passage.language ?? undefined}>{factCheck.quote}</blockquote>
        <p>
          {saidBy ? `Said by ${saidBy}` : "Source"}
          {passage.publishedAt ? ` on ${publicDate(passage.publishedAt)}` : ""}
          {" in "}
          {passage.sourceUrl ? (
            <a href={passage.sourceUrl} rel="nofollow noopener noreferrer">
              {passage.title}
            </a>
          ) : (
            <cite>{passage.title}</cite>
          )}
          .
        </p>
        <p>
          <Link href={passageReportPath(passage)}>Every published claim of this source</Link>
        </p>
      </section>
      <section aria-labelledby="evidence-heading">
        <h2 id="evidence-heading">Evidence</h2>
        {factCheck.evidence.length === 0 ? (
          <p className="muted">No public sources are linked.</p>
        ) : (
          <ul className="stack">
            {factCheck.evidence.map((link) => (
              <li key={link.url}>
                <strong>{STANCE_WORDS[link.stance]}:</strong>{" "}
                <a href={link.url} rel="nofollow noopener noreferrer">
                  {link.title ?? link.url}
                </a>
                {link.publisher ? ` (${link.publisher})` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="corrections-heading">
        <h2 id="corrections-heading">Corrections</h2>
        {factCheck.corrections.length === 0 ? (
          <p className="muted">No corrections.</p>
        ) : (
          <ol className="stack" reversed>
            {factCheck.corrections.map((correction) => (
              <li key={correction.createdAt}>
                <p>
                  <strong>
                    <time dateTime={correction.createdAt}>{publicDateTime(correction.createdAt)}</time>
                  </strong>
                  : <span className="preserve-lines">{correction.note}</span>
                </p>
                <ul>
                  {correction.changes.map((change, index) => (
                    <li key={index}>{describeChange(change, factCheck.ratings)}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        )}
      </section>
      <footer className="muted">
        <p>
          Published by {factCheck.workspace.name} on <time dateTime={factCheck.publishedAt}>{publicDate(factCheck.publishedAt)}</time>
          {factCheck.modifiedAt !== factCheck.publishedAt ? (
            <>
              , updated <time dateTime={factCheck.modifiedAt}>{publicDateTime(factCheck.modifiedAt)}</time>
            </>
          ) : null}
          .
        </p>
        <p>
          Follow {factCheck.workspace.name}&apos;s fact-checks: <a href={workspaceFeedPath(factCheck.workspace.id, "atom")}>Atom feed</a>,{" "}
          <a href={workspaceFeedPath(factCheck.workspace.id, "json")}>JSON Feed</a>
        </p>
      </footer>
    </article>
  );
}

function describeChange(change: CorrectionChange, ratings: PublicRating[]): string {
  const field = FIELD_WORDS[change.field];
  if (change.field === "verdict") {
    const nameOf = (key: unknown) => ratings.find((rating) => rating.key === key)?.name ?? (typeof key === "string" ? key : "none");
    return `${field}: ${nameOf(change.before)} → ${nameOf(change.after)}`;
  }
  if (change.field === "evidence") {
    const link = (change.after ?? change.before) as { url?: string | null; title?: string | null } | null;
    const what = link?.title ?? link?.url ?? "a source";
    return `${field}: ${change.after ? "added" : "removed"} ${what}`;
  }
  return `${field}: changed from “${String(change.before ?? "")}” to “${String(change.after ?? "")}”`;
}
