import { claimAppUrl, passageAppUrl, type ExportClaim, type ExportContext, type ExportEvidence, type ExportFormatter } from "@/lib/exports/export-record";

export const ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

function evidenceBody(evidence: ExportEvidence, context: ExportContext) {
  if (evidence.kind === "passage" && evidence.passageId && evidence.start !== null && evidence.end !== null) {
    return {
      type: "SpecificResource",
      purpose: "linking",
      source: passageAppUrl(context, evidence.passageId),
      selector: [
        ...(evidence.quote ? [{ type: "TextQuoteSelector", exact: evidence.quote }] : []),
        { type: "TextPositionSelector", start: evidence.start, end: evidence.end },
      ],
    };
  }
  return { type: "SpecificResource", purpose: "linking", source: evidence.url ?? "" };
}

export function annotationNode(claim: ExportClaim, context: ExportContext) {
  const { passage } = claim;
  const bodies: object[] = [{ type: "TextualBody", purpose: "describing", value: claim.statement, format: "text/plain" }];
  if (claim.label) bodies.push({ type: "TextualBody", purpose: "tagging", value: claim.label });
  if (claim.verdictNote) bodies.push({ type: "TextualBody", purpose: "assessing", value: claim.verdictNote, format: "text/plain" });
  for (const evidence of claim.evidence) {
    if (evidence.url || evidence.passageId) bodies.push(evidenceBody(evidence, context));
  }
  return {
    id: claimAppUrl(context, claim),
    type: "Annotation",
    motivation: "assessing",
    created: claim.createdAt,
    modified: claim.updatedAt,
    creator: { type: "Person", name: claim.createdBy.name },
    body: bodies,
    target: {
      source: passage.sourceUrl ?? passageAppUrl(context, passage.id),
      selector: [
        { type: "TextQuoteSelector", exact: claim.exact, prefix: claim.prefix, suffix: claim.suffix },
        { type: "TextPositionSelector", start: claim.start, end: claim.end },
      ],
    },
  };
}

// An AnnotationCollection with its one page inline; each annotation on its own line.
export const webAnnotationFormatter: ExportFormatter = {
  contentType: `application/ld+json; profile="${ANNOTATION_CONTEXT}"; charset=utf-8`,
  extension: "annotations.jsonld",
  includesPassageText: false,
  begin: (context) =>
    `${JSON.stringify({
      "@context": ANNOTATION_CONTEXT,
      type: "AnnotationCollection",
      label: `ClaimDesk claims of ${context.workspace.name} (${context.filterLabel})`,
    }).slice(0, -1)},"first":{"type":"AnnotationPage","startIndex":0,"items":[\n`,
  batch: ({ claims }, context, { isFirst }) =>
    claims.map((claim, index) => `${isFirst && index === 0 ? "" : ",\n"}${JSON.stringify(annotationNode(claim, context))}`).join(""),
  end: () => `\n]}}\n`,
};
