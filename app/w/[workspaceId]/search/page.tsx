import type { Metadata } from "next";
import Link from "next/link";
import { HighlightedSnippet } from "@/components/search/highlighted-snippet";
import { WorkspaceSearchBox } from "@/components/search/workspace-search-box";
import { requirePageActor } from "@/lib/auth/server/session";
import { orNotFound } from "@/lib/http/page-errors";
import { SEARCH_KIND_DISPLAY, SEARCH_KIND_PLURAL, SEARCH_KINDS, SearchQuerySchema, searchHitHref, type SearchKind } from "@/lib/search/search.schemas";
import { searchWorkspace } from "@/lib/search/server/search-workspace";
import { getWorkspace } from "@/lib/workspaces/server/get-workspace";
import { WorkspaceBreadcrumb } from "@/components/layout/workspace-breadcrumb";

export const metadata: Metadata = { title: "Search" };

const RESULTS_PER_PAGE = 50;

type SearchPageProps = {
  params: Promise<{ workspaceId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function SearchPage({ params, searchParams }: SearchPageProps) {
  const { workspaceId } = await params;
  const raw = await searchParams;
  const q = typeof raw.q === "string" ? raw.q : "";
  const kind = typeof raw.kind === "string" && raw.kind !== "" ? raw.kind : undefined;
  const pageQuery = new URLSearchParams({ ...(q ? { q } : {}), ...(kind ? { kind } : {}) }).toString();
  const actor = await requirePageActor(`/w/${workspaceId}/search${pageQuery ? `?${pageQuery}` : ""}`);
  const workspace = await orNotFound(getWorkspace({ actor, workspaceId }));
  const parsed = q.trim() === "" ? null : SearchQuerySchema.safeParse({ q, kind, limit: RESULTS_PER_PAGE });
  const hits = parsed?.success ? (await searchWorkspace({ actor, workspaceId, query: parsed.data })).items : [];
  const kindHref = (next: SearchKind | undefined) =>
    `/w/${workspaceId}/search?${new URLSearchParams({ q, ...(next ? { kind: next } : {}) }).toString()}`;

  return (
    <div className="stack">
      <WorkspaceBreadcrumb workspaceId={workspaceId} workspaceName={workspace.name} />
      <h1>Search</h1>
      <WorkspaceSearchBox key={q} workspaceId={workspaceId} initialQuery={q} />
      {q.trim() !== "" && (
        <nav aria-label="Result kinds" className="row">
          {[undefined, ...SEARCH_KINDS].map((option) => (
            <Link key={option ?? "all"} href={kindHref(option)} aria-current={option === kind ? "page" : undefined} className="search-kind-link">
              {option ? SEARCH_KIND_PLURAL[option] : "Everything"}
            </Link>
          ))}
        </nav>
      )}
      {parsed && !parsed.success && (
        <p className="alert alert-error" role="alert">
          {parsed.error.issues.map((issue) => issue.message).join(" ")}
        </p>
      )}
      {parsed?.success && hits.length === 0 && (
        <div className="empty-state small">
          <h2>Nothing found</h2>
          <p>
            Found no {kind && kind in SEARCH_KIND_PLURAL ? SEARCH_KIND_PLURAL[kind as SearchKind].toLowerCase() : "passages, claims, evidence or comments"} matching “{q.trim()}”.
            Try fewer or other words; put a phrase in quotes, or exclude a word with a minus sign.
          </p>
        </div>
      )}
      {hits.length > 0 && (
        <section aria-labelledby="search-results-heading" className="stack">
          <h2 id="search-results-heading">
            {hits.length === RESULTS_PER_PAGE ? `The best ${RESULTS_PER_PAGE} results` : `${hits.length} ${hits.length === 1 ? "result" : "results"}`}
          </h2>
          <ol className="search-results">
            {hits.map((hit) => (
              <li key={`${hit.kind}-${hit.id}`}>
                <a href={searchHitHref(workspaceId, hit)} className="search-hit-heading">
                  <span className="badge">{SEARCH_KIND_DISPLAY[hit.kind]}</span> <span className="search-hit-title">{hit.title}</span>
                </a>
                <p>
                  <HighlightedSnippet snippet={hit.snippet} highlights={hit.highlights} />
                </p>
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
