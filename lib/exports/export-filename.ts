import type { ExportQuery } from "@/lib/exports/export.schemas";

/** A workspace name as a file-name-safe slug: "Harbour Désk!" → "harbour-desk". */
export function slugify(name: string, maxLength = 40): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, maxLength)
    .replace(/^-+|-+$/g, "");
  return slug || "workspace";
}

/** The filters as words for file names and labels: state first, then label, passage, assignee, since. */
export function filterParts(query: Omit<ExportQuery, "format">): string[] {
  return [
    query.state === "all" ? "all-states" : query.state,
    ...(query.label ? [query.label === "none" ? "unlabelled" : query.label] : []),
    ...(query.passageId ? [`passage-${query.passageId.slice(0, 8)}`] : []),
    ...(query.assigneeId ? [`assignee-${query.assigneeId.slice(0, 8)}`] : []),
    ...(query.since ? [`since-${query.since.slice(0, 10)}`] : []),
  ].map((part) => slugify(part, 40));
}

/** e.g. `claimdesk-harbour-desk-verified-2026-11-25.csv`; the date is the day of the download (UTC). */
export function exportFileName(input: { workspaceName: string; query: ExportQuery; extension: string; on: Date }): string {
  const { format: _format, ...filters } = input.query;
  return ["claimdesk", slugify(input.workspaceName), ...filterParts(filters), input.on.toISOString().slice(0, 10)].join("-") + `.${input.extension}`;
}
