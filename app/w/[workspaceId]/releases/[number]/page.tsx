import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { WorkspaceBreadcrumb } from "@/components/layout/workspace-breadcrumb";
import { RELEASE_FORMAT_NAMES } from "@/components/releases/release-files";
import { requirePageActor } from "@/lib/auth/server/session";
import { formatBytes } from "@/lib/http/format-bytes";
import { orNotFound } from "@/lib/http/page-errors";
import { scriptSafeJson } from "@/lib/publishing/json-ld";
import { releaseDatasetJsonLd } from "@/lib/releases/datapackage";
import { RELEASE_LICENCES } from "@/lib/releases/release.schemas";
import { releaseFilterWords } from "@/lib/releases/release-filter-words";
import { releaseApiPath, releasePagePath } from "@/lib/releases/release-urls";
import { getRelease } from "@/lib/releases/server/get-release";
import { listReleases } from "@/lib/releases/server/list-releases";
import { pageOrigin } from "@/lib/releases/server/page-origin";
import { formatDateTime } from "@/lib/format-date";

export const metadata: Metadata = { title: "Release" };

type ReleasePageProps = { params: Promise<{ workspaceId: string; number: string }> };

export default async function ReleasePage({ params }: ReleasePageProps) {
  const { workspaceId, number: numberText } = await params;
  const number = Number(numberText);
  if (!Number.isSafeInteger(number) || number < 1) notFound();
  const actor = await requirePageActor(releasePagePath(workspaceId, number));
  const { release, workspace } = await orNotFound(getRelease({ actor, workspaceId, number }));
  const { items: others } = await listReleases({ actor, workspaceId, query: { limit: 50 } });
  const origin = await pageOrigin();
  const jsonLd = releaseDatasetJsonLd({ release, workspace, pageUrl: `${origin}${releasePagePath(workspaceId, number)}`, origin });
  const licence = release.licence ? RELEASE_LICENCES[release.licence] : null;
  const older = others.filter((other) => other.number !== number);
  return (
    <div className="stack">
      {/* Citable metadata for search engines and reference managers; escaped so no name can end the script. */}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: scriptSafeJson(jsonLd) }} />
      <WorkspaceBreadcrumb workspaceId={workspaceId} workspaceName={workspace.name} />
      <p>
        <Link href={`/w/${workspaceId}/releases`}>All releases</Link>
      </p>
      <h1>
        Release {release.number}: {release.name}
      </h1>
      <dl className="stack-tight">
        <div>
          <dt>Claims</dt>
          <dd>{release.claimCount.toLocaleString()} ({releaseFilterWords(release.filter)})</dd>
        </div>
        <div>
          <dt>Cut</dt>
          <dd>
            <time dateTime={release.createdAt}>{formatDateTime(release.createdAt)}</time>
            {release.createdBy && ` by ${release.createdBy.name}`}
          </dd>
        </div>
        <div>
          <dt>Publisher</dt>
          <dd>{workspace.name}</dd>
        </div>
        <div>
          <dt>Licence</dt>
          <dd>{licence ? <a href={licence.url}>{`${licence.title} (${release.licence})`}</a> : "No licence stated"}</dd>
        </div>
        <div>
          <dt>SHA-256 of the canonical JSONL</dt>
          <dd>
            <code>{release.sha256}</code>
          </dd>
        </div>
      </dl>
      <section className="stack" aria-labelledby="files-heading">
        <h2 id="files-heading">Files</h2>
        <p className="hint">Every download of a file gives the same bytes; check them against the SHA-256 below.</p>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Format</th>
              <th scope="col">Size</th>
              <th scope="col">SHA-256</th>
            </tr>
          </thead>
          <tbody>
            {release.files.map((file) => (
              <tr key={file.format}>
                <th scope="row">
                  <a href={file.url} download={file.fileName}>
                    {RELEASE_FORMAT_NAMES[file.format]}
                  </a>
                </th>
                <td>{formatBytes(file.size)}</td>
                <td>
                  <code>{file.sha256}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          <a href={`${releaseApiPath(workspaceId, number)}/datapackage.json`}>Data package (datapackage.json)</a>
          <span className="muted"> — Frictionless metadata listing each file with its size and checksum</span>
        </p>
      </section>
      {older.length > 0 && (
        <section className="stack" aria-labelledby="compare-heading">
          <h2 id="compare-heading">Compare</h2>
          <ul className="list">
            {older.map((other) => (
              <li key={other.number}>
                <Link href={`${releasePagePath(workspaceId, number)}/diff?against=${other.number}`}>
                  Changes from release {other.number} ({other.name}) to this one
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
