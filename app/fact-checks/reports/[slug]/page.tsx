import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { publicDate } from "@/components/publishing/public-dates";
import { publicOriginOfHeaders } from "@/lib/http/client-address";
import { readPassageReport } from "@/lib/publishing/server/read-public-pages";
import { factCheckPath, passageIdOfReportSlug, passageReportSlug, workspaceFeedPath } from "@/lib/publishing/slug";

type Props = { params: Promise<{ slug: string }> };

async function loadReport(slug: string) {
  const passageId = passageIdOfReportSlug(slug);
  return passageId ? readPassageReport(passageId) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const report = await loadReport((await params).slug);
  if (!report) return { title: "Not found" };
  return {
    title: `Fact-checked: ${report.passage.title}`,
    description: `${report.claims.length} published fact-check${report.claims.length === 1 ? "" : "s"} by ${report.workspace.name}.`,
    // Absolute, as Next.js would otherwise resolve them against localhost (no metadataBase is set).
    alternates: {
      types: { "application/atom+xml": [{ url: `${publicOriginOfHeaders(await headers())}${workspaceFeedPath(report.workspace.id, "atom")}`, title: `${report.workspace.name} fact-checks` }] },
    },
  };
}

/** A published passage with its published claims highlighted (plain text spans) and their verdicts beside them. */
export default async function PassageReportPage({ params }: Props) {
  const { slug } = await params;
  const report = await loadReport(slug);
  if (!report) notFound();
  // The id decides; a renamed passage's old words redirect to its current address.
  const canonical = passageReportSlug(report.passage);
  if (decodeURIComponent(slug) !== canonical) permanentRedirect(`/fact-checks/reports/${encodeURIComponent(canonical)}`);
  const { passage } = report;
  const saidBy = [passage.author, passage.publisher].filter(Boolean).join(", ");
  return (
    <article className="stack fact-check">
      <p className="muted">Fact-checked by {report.workspace.name}</p>
      <h1>{passage.title}</h1>
      <p>
        {saidBy || "Unknown source"}
        {passage.publishedAt ? `, ${publicDate(passage.publishedAt)}` : ""}
        {passage.sourceUrl ? (
          <>
            {" · "}
            <a href={passage.sourceUrl} rel="nofollow noopener noreferrer">
              Original source
            </a>
          </>
        ) : null}
      </p>
      <section aria-labelledby="verdicts-heading">
        <h2 id="verdicts-heading">Published fact-checks</h2>
        <ol className="stack">
          {report.claims.map((claim, index) => (
            <li key={claim.slug} id={`claim-${index + 1}`}>
              <strong>{claim.verdict?.name ?? "Not rated"}</strong>: <Link href={factCheckPath(claim.slug)}>{claim.statement}</Link>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="text-heading">
        <h2 id="text-heading">The text</h2>
        <p className="passage-report-text" lang={passage.language ?? undefined}>
          {report.segments.map((segment, index) => {
            const claim = segment.claimIndex === null ? undefined : report.claims[segment.claimIndex];
            if (!claim) return <span key={index}>{segment.text}</span>;
            return (
              <mark key={index}>
                <Link href={factCheckPath(claim.slug)} title={`${claim.verdict?.name ?? "Not rated"}: ${claim.statement}`}>
                  {segment.text}
                </Link>
              </mark>
            );
          })}
        </p>
      </section>
    </article>
  );
}
