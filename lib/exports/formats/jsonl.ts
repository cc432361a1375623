import { archivedUrl, claimAppUrl, type ExportClaim, type ExportContext, type ExportFormatter, type ExportPassageWithText } from "@/lib/exports/export-record";

/** Format name and version in the first line, so an import knows what it reads. */
export const JSONL_FORMAT = "claimdesk.claims";
export const JSONL_VERSION = 1;

export function jsonlHeaderLine(context: ExportContext) {
  return { type: "export", format: JSONL_FORMAT, version: JSONL_VERSION, workspace: context.workspace, filter: context.filterLabel };
}

export function jsonlPassageLine(passage: ExportPassageWithText) {
  return {
    type: "passage",
    id: passage.id,
    title: passage.title,
    sourceUrl: passage.sourceUrl,
    publisher: passage.publisher,
    author: passage.author,
    publishedAt: passage.publishedAt,
    language: passage.language,
    textHash: passage.textHash,
    text: passage.text,
  };
}

export function jsonlClaimLine(claim: ExportClaim, context: ExportContext) {
  const { passage } = claim;
  return {
    type: "claim",
    id: claim.id,
    passage: {
      id: passage.id,
      title: passage.title,
      sourceUrl: passage.sourceUrl,
      publisher: passage.publisher,
      author: passage.author,
      publishedAt: passage.publishedAt,
    },
    target: {
      selector: [
        { type: "TextQuoteSelector", exact: claim.exact, prefix: claim.prefix, suffix: claim.suffix },
        { type: "TextPositionSelector", start: claim.start, end: claim.end },
      ],
    },
    anchor: { status: claim.anchor.status, revision: claim.anchor.revision, previousQuote: claim.anchor.previousQuote },
    statement: claim.statement,
    label: claim.label,
    state: claim.state,
    verdict: claim.verdict && { key: claim.verdict.key, name: claim.verdict.name, value: claim.verdict.value },
    verdictNote: claim.verdictNote,
    evidence: claim.evidence.map(({ snapshotId, ...evidence }) => ({ ...evidence, archivedUrl: snapshotId ? archivedUrl(context, snapshotId) : null })),
    reviewers: { createdBy: claim.createdBy, assignee: claim.assignee, verifiedBy: claim.verifiedBy },
    url: claimAppUrl(context, claim),
    createdAt: claim.createdAt,
    updatedAt: claim.updatedAt,
  };
}

// Passages are written once, before the first claim that points into them: each line is JSON.
export const jsonlFormatter: ExportFormatter = {
  contentType: "application/x-ndjson; charset=utf-8",
  extension: "jsonl",
  includesPassageText: true,
  begin: (context) => `${JSON.stringify(jsonlHeaderLine(context))}\n`,
  batch: ({ claims, newPassages }, context) => {
    const lines: string[] = [];
    for (const passage of newPassages) lines.push(JSON.stringify(jsonlPassageLine(passage)));
    for (const claim of claims) lines.push(JSON.stringify(jsonlClaimLine(claim, context)));
    return lines.length ? `${lines.join("\n")}\n` : "";
  },
  end: () => "",
};
