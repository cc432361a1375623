import { spanInCodePoints, type OffsetConverter } from "@/lib/claims/code-point-offsets";
import type { EvidenceStance } from "@/lib/generated/prisma/enums";
import { claimAppUrl, passageAppUrl, type ExportClaim, type ExportContext, type ExportEvidence, type ExportFormatter } from "@/lib/exports/export-record";

export const ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

/**
 * ClaimDesk's extension of the W3C vocabulary: each evidence stance is a motivation (an instance
 * of oa:Motivation, skos:broader oa:linking), given as a purpose of the evidence body next to
 * `linking`. Fixed, not the deployment's URL, so a file from one desk reads the same in another.
 */
export const CLAIMDESK_VOCABULARY = "urn:claimdesk:";
const WEB_ANNOTATION_CONTEXT = [ANNOTATION_CONTEXT, { claimdesk: CLAIMDESK_VOCABULARY }] as const;

/** A verdict body's id: the rating key under ClaimDesk's vocabulary (parse-import.ts reads it back). */
export const ratingIri = (key: string) => `claimdesk:rating:${key}`;

/** The purpose that carries an evidence link's stance, as written in the file (a compact IRI). */
export const stancePurpose = (stance: EvidenceStance) => `claimdesk:${stance}`;

/**
 * The W3C TextPositionSelector of a span of a passage: the model counts Unicode code points, where
 * ClaimDesk counts UTF-16 code units (they differ after a character beyond U+FFFF, such as an emoji).
 */
function positionSelector(passageId: string, span: { start: number; end: number }, offsetConverters: ReadonlyMap<string, OffsetConverter>) {
  const converter = offsetConverters.get(passageId);
  return { type: "TextPositionSelector", ...(converter ? spanInCodePoints(converter, span) : { start: span.start, end: span.end }) };
}

function evidenceBody(evidence: ExportEvidence, context: ExportContext, offsetConverters: ReadonlyMap<string, OffsetConverter>) {
  const purpose = ["linking", stancePurpose(evidence.stance)];
  if (evidence.kind === "passage" && evidence.passageId) {
    const { start, end } = evidence;
    return {
      type: "SpecificResource",
      purpose,
      source: passageAppUrl(context, evidence.passageId),
      ...(start !== null &&
        end !== null && {
          selector: [
            ...(evidence.quote ? [{ type: "TextQuoteSelector", exact: evidence.quote }] : []),
            positionSelector(evidence.passageId, { start, end }, offsetConverters),
          ],
        }),
    };
  }
  return { type: "SpecificResource", purpose, source: evidence.url };
}

/** One claim as a W3C annotation; `offsetConverters` are the batch's (ExportBatch). */
export function annotationNode(claim: ExportClaim, context: ExportContext, offsetConverters: ReadonlyMap<string, OffsetConverter>) {
  const { passage } = claim;
  const bodies: object[] = [{ type: "TextualBody", purpose: "describing", value: claim.statement, format: "text/plain" }];
  if (claim.label) bodies.push({ type: "TextualBody", purpose: "tagging", value: claim.label });
  // The verdict classifies the claim: its rating's name, identified by its key (imports read the key back).
  if (claim.verdict) bodies.push({ id: ratingIri(claim.verdict.key), type: "TextualBody", purpose: "classifying", value: claim.verdict.name });
  if (claim.verdictNote) bodies.push({ type: "TextualBody", purpose: "assessing", value: claim.verdictNote, format: "text/plain" });
  for (const evidence of claim.evidence) {
    if (evidence.url || evidence.passageId) bodies.push(evidenceBody(evidence, context, offsetConverters));
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
        // An orphan's offsets point into an older revision of the source: leave them out, so no reader places it on other words.
        ...(claim.anchor.status === "orphaned" ? [] : [positionSelector(passage.id, claim, offsetConverters)]),
      ],
    },
  };
}

/** The one page's IRI: the collection's, with a fragment, since the page only exists inside the file. */
const annotationPageId = (context: ExportContext) => `${context.exportUrl}#page-1`;

// An AnnotationCollection named by the export's URL, with its one page inline (none when there are
// no claims); each annotation on its own line.
export const webAnnotationFormatter: ExportFormatter = {
  contentType: `application/ld+json; profile="${ANNOTATION_CONTEXT}"; charset=utf-8`,
  extension: "annotations.jsonld",
  includesPassageText: false,
  begin: (context, { claimCount }) => {
    const collection = JSON.stringify({
      "@context": WEB_ANNOTATION_CONTEXT,
      id: context.exportUrl,
      type: "AnnotationCollection",
      label: `ClaimDesk claims of ${context.workspace.name} (${context.filterLabel})`,
      total: claimCount,
      ...(claimCount > 0 && { last: annotationPageId(context) }),
    });
    if (claimCount === 0) return `${collection}\n`;
    const page = JSON.stringify({ id: annotationPageId(context), type: "AnnotationPage", partOf: context.exportUrl, startIndex: 0 });
    return `${collection.slice(0, -1)},"first":${page.slice(0, -1)},"items":[\n`;
  },
  batch: ({ claims, offsetConverters }, context, { isFirst }) =>
    claims.map((claim, index) => `${isFirst && index === 0 ? "" : ",\n"}${JSON.stringify(annotationNode(claim, context, offsetConverters))}`).join(""),
  end: (_context, { claimCount }) => (claimCount === 0 ? "" : `\n]}}\n`),
};
