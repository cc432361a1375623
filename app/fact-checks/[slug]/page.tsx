import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { FactCheckView } from "@/components/publishing/fact-check-view";
import { WithdrawnNotice } from "@/components/publishing/withdrawn-notice";
import { publicOriginOfHeaders } from "@/lib/http/client-address";
import { scriptSafeJson } from "@/lib/publishing/json-ld";
import { factCheckClaimReview } from "@/lib/publishing/server/fact-check-claim-review";
import { readFactCheck } from "@/lib/publishing/server/read-public-pages";
import { factCheckPath, workspaceFeedPath } from "@/lib/publishing/slug";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const factCheck = await readFactCheck(slug);
  if (!factCheck) return { title: "Not found" };
  if (factCheck.status === "withdrawn") return { title: "Fact-check withdrawn", robots: { index: false } };
  const origin = publicOriginOfHeaders(await headers());
  const verdict = factCheck.verdict?.name ?? "Not rated";
  const title = `${verdict}: ${factCheck.statement}`;
  const description = factCheck.verdictNote ?? `${factCheck.workspace.name} rates this claim ${verdict}.`;
  const url = `${origin}${factCheckPath(factCheck.slug)}`;
  return {
    title,
    description,
    alternates: {
      canonical: url,
      types: {
        "application/atom+xml": [{ url: `${origin}${workspaceFeedPath(factCheck.workspace.id, "atom")}`, title: `${factCheck.workspace.name} fact-checks (Atom)` }],
        "application/feed+json": [{ url: `${origin}${workspaceFeedPath(factCheck.workspace.id, "json")}`, title: `${factCheck.workspace.name} fact-checks (JSON Feed)` }],
      },
    },
    openGraph: {
      type: "article",
      url,
      title,
      description,
      siteName: factCheck.workspace.name,
      publishedTime: factCheck.publishedAt,
      modifiedTime: factCheck.modifiedAt,
    },
    twitter: { card: "summary", title, description },
  };
}

export default async function FactCheckPage({ params }: Props) {
  const { slug } = await params;
  const factCheck = await readFactCheck(slug);
  if (!factCheck) notFound();
  // proxy.ts answers a withdrawn fact-check with 410; this is the page it shows.
  if (factCheck.status === "withdrawn") return <WithdrawnNotice withdrawn={factCheck} />;
  const claimReview = factCheckClaimReview(factCheck, publicOriginOfHeaders(await headers()));
  return (
    <>
      {/* Escaped JSON (scriptSafeJson): no user text can close the element. */}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: scriptSafeJson(claimReview) }} />
      <FactCheckView factCheck={factCheck} />
    </>
  );
}
