import type { ExportFormat } from "@/lib/exports/export.schemas";
import { slugify } from "@/lib/exports/export-filename";
import { EXPORT_FORMATTERS } from "@/lib/exports/formats";
import { RELEASE_LICENCES, type DataPackage, type Release } from "@/lib/releases/release.schemas";

/** Media type without parameters, as Frictionless and schema.org want it. */
export const mediaTypeOf = (format: ExportFormat) => EXPORT_FORMATTERS[format].contentType.split(";")[0]?.trim() ?? "application/octet-stream";

/** The file extension Frictionless calls `format`: jsonl, csv, jsonld. */
const formatNameOf = (format: ExportFormat) => EXPORT_FORMATTERS[format].extension.split(".").at(-1) ?? format;

export function releaseTitle(workspaceName: string, release: Pick<Release, "number" | "name">): string {
  return `${workspaceName}: ${release.name} (release ${release.number})`;
}

export function releaseDescription(workspaceName: string, release: Pick<Release, "claimCount" | "sha256">): string {
  return `${release.claimCount} verified claim${release.claimCount === 1 ? "" : "s"} of ${workspaceName}, fact-checked in ClaimDesk. SHA-256 of the canonical JSONL: ${release.sha256}.`;
}

/**
 * A Frictionless Data Package (v2) for a release, served beside its files: `path`s are relative to
 * the datapackage.json address (…/releases/{n}/datapackage.json → …/releases/{n}/files/{format}).
 */
export function releaseDataPackage(input: { release: Release; workspace: { id: string; name: string }; pageUrl: string }): DataPackage {
  const { release, workspace } = input;
  const licence = release.licence ? RELEASE_LICENCES[release.licence] : null;
  return {
    $schema: "https://datapackage.org/profiles/2.0/datapackage.json",
    name: `claimdesk-${slugify(workspace.name)}-release-${release.number}`,
    id: input.pageUrl,
    title: releaseTitle(workspace.name, release),
    description: releaseDescription(workspace.name, release),
    version: String(release.number),
    created: release.createdAt,
    ...(release.licence && licence ? { licenses: [{ name: release.licence, path: licence.url, title: licence.title }] } : {}),
    contributors: [
      { title: workspace.name, roles: ["publisher"] },
      ...(release.createdBy ? [{ title: release.createdBy.name, roles: ["creator"] }] : []),
    ],
    keywords: ["fact-checking", "claims", "ClaimReview"],
    resources: release.files.map((file) => ({
      name: `claims-${file.format}`,
      path: `files/${file.format}`,
      format: formatNameOf(file.format),
      mediatype: mediaTypeOf(file.format),
      encoding: "utf-8",
      bytes: file.size,
      hash: `sha256:${file.sha256}`,
    })),
  };
}

/**
 * schema.org `Dataset` JSON-LD for the release page, citable by search engines and reference managers.
 * `origin` makes the links absolute.
 */
export function releaseDatasetJsonLd(input: { release: Release; workspace: { id: string; name: string }; pageUrl: string; origin: string }) {
  const { release, workspace } = input;
  const licence = release.licence ? RELEASE_LICENCES[release.licence] : null;
  return {
    "@context": "https://schema.org",
    "@type": "Dataset",
    name: releaseTitle(workspace.name, release),
    description: releaseDescription(workspace.name, release),
    url: input.pageUrl,
    version: String(release.number),
    datePublished: release.createdAt,
    identifier: `sha256:${release.sha256}`,
    ...(licence ? { license: licence.url } : {}),
    publisher: { "@type": "Organization", name: workspace.name },
    ...(release.createdBy ? { creator: { "@type": "Person", name: release.createdBy.name } } : {}),
    keywords: ["fact-checking", "claims", "ClaimReview"],
    distribution: release.files.map((file) => ({
      "@type": "DataDownload",
      name: file.fileName,
      encodingFormat: mediaTypeOf(file.format),
      contentUrl: `${input.origin}${file.url}`,
      contentSize: `${file.size} B`,
      sha256: file.sha256,
    })),
  };
}
