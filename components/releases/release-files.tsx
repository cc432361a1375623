import { formatBytes } from "@/lib/http/format-bytes";
import type { Release } from "@/lib/releases/release.schemas";

export const RELEASE_FORMAT_NAMES: Record<Release["files"][number]["format"], string> = {
  jsonl: "JSONL",
  csv: "CSV",
  claimreview: "ClaimReview",
  webannotation: "Web Annotations",
};

/** A release's files as download links, each with its size (plain links: the server names the file). */
export function ReleaseDownloads({ release }: { release: Release }) {
  return (
    <ul className="row" aria-label={`Downloads of release ${release.number}`}>
      {release.files.map((file) => (
        <li key={file.format}>
          <a href={file.url} download={file.fileName}>
            {RELEASE_FORMAT_NAMES[file.format]}
            <span className="visually-hidden"> of release {release.number}</span>
          </a>{" "}
          <span className="muted">({formatBytes(file.size)})</span>
        </li>
      ))}
    </ul>
  );
}
