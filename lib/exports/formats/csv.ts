import { stringify } from "csv-stringify/sync";
import { claimAppUrl, type ExportClaim, type ExportContext, type ExportEvidence, type ExportFormatter } from "@/lib/exports/export-record";

export const CSV_COLUMNS = [
  "claim_id",
  "claim_url",
  "statement",
  "label",
  "state",
  "verdict",
  "verdict_name",
  "verdict_note",
  "exact",
  "prefix",
  "suffix",
  "start",
  "end",
  "anchor_status",
  "anchor_revision",
  "passage_id",
  "passage_title",
  "passage_source_url",
  "passage_publisher",
  "passage_author",
  "passage_published_at",
  "evidence_count",
  "evidence",
  "created_by",
  "assignee",
  "verified_by",
  "verified_at",
  "created_at",
  "updated_at",
] as const;

// OWASP "CSV injection": a spreadsheet runs a cell that starts with one of these as a formula.
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/** Makes a cell inert in spreadsheets by prefixing a single quote when it could start a formula. */
export function neutralizeCell(value: string): string {
  return FORMULA_TRIGGER.test(value) ? `'${value}` : value;
}

/** One evidence link as a line of the evidence cell: `supports: Title (publisher) <url> “quote” — note`. */
export function describeEvidence(evidence: ExportEvidence): string {
  const source =
    evidence.kind === "web"
      ? `${evidence.title ?? evidence.url ?? ""}${evidence.publisher ? ` (${evidence.publisher})` : ""}${evidence.url ? ` <${evidence.url}>` : ""}`
      : `${evidence.title ?? "Passage"} [passage ${evidence.passageId ?? "?"} ${evidence.start ?? "?"}–${evidence.end ?? "?"}]`;
  const quote = evidence.quote ? ` “${evidence.quote}”` : "";
  const note = evidence.note ? ` — ${evidence.note}` : "";
  return `${evidence.stance}: ${source}${quote}${note}`;
}

export function csvRow(claim: ExportClaim, context: ExportContext): string[] {
  const { passage } = claim;
  const cells: (string | number | null)[] = [
    claim.id,
    claimAppUrl(context, claim),
    claim.statement,
    claim.label,
    claim.state,
    claim.verdict?.key ?? null,
    claim.verdict?.name ?? null,
    claim.verdictNote,
    claim.exact,
    claim.prefix,
    claim.suffix,
    claim.start,
    claim.end,
    claim.anchor.status,
    claim.anchor.revision,
    passage.id,
    passage.title,
    passage.sourceUrl,
    passage.publisher,
    passage.author,
    passage.publishedAt,
    claim.evidence.length,
    claim.evidence.map(describeEvidence).join("\n"),
    claim.createdBy.name,
    claim.assignee?.name ?? null,
    claim.verifiedBy?.name ?? null,
    claim.verifiedBy?.at ?? null,
    claim.createdAt,
    claim.updatedAt,
  ];
  return cells.map((cell) => (cell === null ? "" : typeof cell === "number" ? String(cell) : neutralizeCell(cell)));
}

// RFC 4180: CRLF between records; a field with a comma, quote or any line break is quoted.
const CSV_OPTIONS = { record_delimiter: "windows", quoted_match: /[\r\n]/ } as const;

export const csvFormatter: ExportFormatter = {
  contentType: "text/csv; charset=utf-8; header=present",
  extension: "csv",
  includesPassageText: false,
  begin: () => stringify([[...CSV_COLUMNS]], { ...CSV_OPTIONS, bom: true }),
  batch: ({ claims }, context) => (claims.length ? stringify(claims.map((claim) => csvRow(claim, context)), CSV_OPTIONS) : ""),
  end: () => "",
};
