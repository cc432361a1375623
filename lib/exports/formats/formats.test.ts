import { parse as parseCsv } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createClaimCounter } from "@/lib/exports/export-progress";
import { exportFileName, slugify } from "@/lib/exports/export-filename";
import { ExportQuerySchema } from "@/lib/exports/export.schemas";
import { exportApiUrl, type ExportClaim, type ExportContext } from "@/lib/exports/export-record";
import { claimReviewFormatter, claimReviewNode, reviewRating } from "@/lib/exports/formats/claimreview";
import { jsonlClaimLine, jsonlFormatter } from "@/lib/exports/formats/jsonl";
import { CSV_COLUMNS, csvFormatter, csvRow, neutralizeCell } from "@/lib/exports/formats/csv";
import { EXPORT_FORMATTERS } from "@/lib/exports/formats";
import { annotationNode, webAnnotationFormatter } from "@/lib/exports/formats/web-annotation";
import { parseImport } from "@/lib/imports/parse-import";
import { offsetConverterOf, type OffsetConverter } from "@/lib/claims/code-point-offsets";

const context: ExportContext = {
  appUrl: "https://desk.example",
  workspace: { id: "ws1", name: "Harbour Desk" },
  filterLabel: "verified",
  exportUrl: "https://desk.example/api/v1/workspaces/ws1/export?format=webannotation&state=verified",
};

function claim(overrides: Partial<ExportClaim> = {}): ExportClaim {
  return {
    id: "c1",
    passage: { id: "p1", title: "Title", sourceUrl: null, publisher: null, author: null, publishedAt: null, language: "en" },
    exact: "quote",
    prefix: "",
    suffix: "",
    start: 0,
    end: 5,
    anchor: { status: "exact", revision: 1, previousQuote: null },
    statement: "A statement",
    label: "factual",
    state: "verified",
    verdict: null,
    verdictNote: null,
    evidence: [],
    createdBy: { id: "u1", name: "Ada" },
    assignee: null,
    verifiedBy: null,
    createdAt: "2026-11-25T10:00:00.000Z",
    updatedAt: "2026-11-25T10:00:00.000Z",
    ...overrides,
  };
}

const noConverters = new Map<string, OffsetConverter>();

const web = (stance: "supports" | "refutes" | "context") => ({
  stance,
  note: null,
  kind: "web" as const,
  url: "https://e.example",
  title: null,
  publisher: null,
  quote: null,
  accessedAt: null,
  passageId: null,
  start: null,
  end: null,
  snapshotId: null,
});

describe("archived copies", () => {
  it("puts the stored copy's URL beside the original: schema.org archivedAt in ClaimReview, archivedUrl in JSONL", () => {
    const evidence = [{ ...web("supports"), snapshotId: "snap1" }, web("context")];
    const archived = "https://desk.example/api/v1/snapshots/snap1";
    const formats = { claimreview: claimReviewFormatter, jsonl: jsonlFormatter };
    const texts = Object.fromEntries(
      Object.entries(formats).map(([name, formatter]) => [
        name,
        formatter.begin(context, { claimCount: 1 }) + formatter.batch({ claims: [claim({ evidence })], newPassages: [], offsetConverters: noConverters }, context, { isFirst: true }) + formatter.end(context, { claimCount: 1 }),
      ]),
    );
    expect(texts.claimreview).toContain(`"archivedAt":"${archived}"`);
    expect(texts.claimreview?.match(/archivedAt/g)).toHaveLength(1);
    const record = (texts.jsonl ?? "").split("\n").map((line) => (line ? (JSON.parse(line) as { evidence?: { url: string; archivedUrl: string | null }[] }) : {})).find((line) => line.evidence);
    expect(record?.evidence?.map(({ url, archivedUrl }) => ({ url, archivedUrl }))).toEqual([
      { url: "https://e.example", archivedUrl: archived },
      { url: "https://e.example", archivedUrl: null },
    ]);
  });
});

describe("claims orphaned by a revision", () => {
  it("say where their target stands in JSONL and CSV, and carry no offsets into the newer text in Web Annotation", () => {
    const orphan = claim({ anchor: { status: "orphaned", revision: 2, previousQuote: null }, start: 40, end: 52 });
    expect(annotationNode(orphan, context, noConverters).target.selector).toEqual([{ type: "TextQuoteSelector", exact: "quote", prefix: "", suffix: "" }]);
    expect(annotationNode(claim(), context, noConverters).target.selector).toContainEqual({ type: "TextPositionSelector", start: 0, end: 5 });
    expect(jsonlClaimLine(orphan, context).anchor).toEqual({ status: "orphaned", revision: 2, previousQuote: null });
    const row = csvRow(orphan, context);
    expect(row[CSV_COLUMNS.indexOf("anchor_status")]).toBe("orphaned");
    expect(row[CSV_COLUMNS.indexOf("anchor_revision")]).toBe("2");
  });
});

describe("Web Annotation positions", () => {
  it("count Unicode code points, as the W3C model requires, for claims and span evidence after an emoji", () => {
    const text = "Alert 🚨 the port 𝕏 grew 5% in 2024.";
    const quoteStart = text.indexOf("grew");
    const spanStart = text.indexOf("port");
    const span = { ...web("supports"), kind: "passage" as const, url: null, passageId: "p1", quote: "port", start: spanStart, end: spanStart + 4 };
    const node = annotationNode(
      claim({ exact: "grew 5%", start: quoteStart, end: quoteStart + 7, evidence: [span] }),
      context,
      new Map([["p1", offsetConverterOf(text)]]),
    );
    const codePoints = [...text];
    const position = node.target.selector.find((selector) => selector.type === "TextPositionSelector") as { start: number; end: number };
    expect(codePoints.slice(position.start, position.end).join("")).toBe("grew 5%");
    expect(position).toEqual({ type: "TextPositionSelector", start: quoteStart - 2, end: quoteStart + 5 });
    const evidenceSelector = JSON.stringify(node.body).match(/"TextPositionSelector","start":(\d+),"end":(\d+)/);
    expect(codePoints.slice(Number(evidenceSelector?.[1]), Number(evidenceSelector?.[2])).join("")).toBe("port");
  });
});

describe("CSV cells", () => {
  it("neutralizes every formula trigger and nothing else", () => {
    for (const trigger of ["=", "+", "-", "@", "\t", "\r"]) expect(neutralizeCell(`${trigger}1+1`)).toBe(`'${trigger}1+1`);
    expect(neutralizeCell("1+1")).toBe("1+1");
    expect(neutralizeCell("")).toBe("");
  });

  it("round-trips any statement through csv-parse, neutralized", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), (statement) => {
        const text = csvFormatter.begin(context, { claimCount: 1 }) + csvFormatter.batch({ claims: [claim({ statement })], newPassages: [], offsetConverters: noConverters }, context, { isFirst: true });
        const [row] = parseCsv(text, { bom: true, columns: true }) as Record<string, string>[];
        expect(row?.statement).toBe(neutralizeCell(statement));
      }),
    );
  });
});

const verdict = (key: string, name: string, value: number | null) => ({ key, name, value, bestRating: 5, worstRating: 1 });

describe("ClaimReview rating", () => {
  it("comes from the verdict: its name always, its value and the scale's bounds only where it has a value", () => {
    expect(reviewRating(verdict("mostly-true", "Mostly true", 4), null)).toEqual({
      "@type": "Rating",
      alternateName: "Mostly true",
      ratingValue: 4,
      bestRating: 5,
      worstRating: 1,
    });
    expect(reviewRating(verdict("unproven", "Unproven", null), "No record either way.")).toEqual({
      "@type": "Rating",
      alternateName: "Unproven",
      ratingExplanation: "No record either way.",
    });
    expect(reviewRating({ key: "satire", name: "Satire", value: 2, bestRating: null, worstRating: null }, null)).toEqual({ "@type": "Rating", alternateName: "Satire" });
    expect(reviewRating(null, "A note")).toBeNull();
  });

  it("never reads the evidence: the same verdict rates the same whatever the stances", () => {
    const rated = (evidence: ExportClaim["evidence"]) => claimReviewNode(claim({ verdict: verdict("false", "False", 1), evidence }), context).reviewRating;
    expect(rated([web("supports")])).toEqual(rated([web("refutes"), web("context")]));
    expect(rated([])).toMatchObject({ alternateName: "False", ratingValue: 1 });
    expect(claimReviewNode(claim({ evidence: [web("supports")] }), context)).not.toHaveProperty("reviewRating");
  });

  it("travels in JSONL, CSV and Web Annotation with its key and name", () => {
    const rated = claim({ verdict: verdict("half-true", "Half true", 3) });
    expect(jsonlClaimLine(rated, context).verdict).toEqual({ key: "half-true", name: "Half true", value: 3 });
    const csv = csvFormatter.begin(context, { claimCount: 1 }) + csvFormatter.batch({ claims: [rated], newPassages: [], offsetConverters: noConverters }, context, { isFirst: true });
    expect(parseCsv(csv, { bom: true, columns: true })).toEqual([expect.objectContaining({ verdict: "half-true", verdict_name: "Half true" })]);
    const annotation = JSON.parse(
      webAnnotationFormatter.begin(context, { claimCount: 1 }) + webAnnotationFormatter.batch({ claims: [rated], newPassages: [], offsetConverters: noConverters }, context, { isFirst: true }) + webAnnotationFormatter.end(context, { claimCount: 1 }),
    ) as { first: { items: { body: unknown[] }[] } };
    expect(annotation.first.items[0]?.body).toContainEqual({ id: "claimdesk:rating:half-true", type: "TextualBody", purpose: "classifying", value: "Half true" });
    const reimported = parseImport(JSON.stringify(annotation), "https://desk.example");
    expect(reimported.claims[0]).toMatchObject({ verdict: "half-true", verdictNote: null });
  });
});

describe("file names", () => {
  it("say workspace, filters and day", () => {
    expect(slugify("Harbour Désk! / 2026")).toBe("harbour-desk-2026");
    expect(slugify("!!!")).toBe("workspace");
    const on = new Date("2026-11-25T23:30:00Z");
    expect(exportFileName({ workspaceName: "Harbour Desk", query: { format: "csv", state: "verified" }, extension: "csv", on })).toBe(
      "claimdesk-harbour-desk-verified-2026-11-25.csv",
    );
    expect(
      exportFileName({ workspaceName: "Harbour Desk", query: { format: "jsonl", state: "all", label: "none", since: "2026-01-01" }, extension: "jsonl", on }),
    ).toBe("claimdesk-harbour-desk-all-states-unlabelled-since-2026-01-01-2026-11-25.jsonl");
  });
});

describe("the progress counter", () => {
  it("counts each format's claims however the text is cut into chunks", () => {
    const claims = [
      claim({ id: "a", statement: "line one\nline two, with \"quotes\"" }),
      claim({ id: "b", verdictNote: "{not a claim line}\n{still not}" }),
      claim({ id: "c" }),
    ];
    for (const [format, formatter] of Object.entries(EXPORT_FORMATTERS)) {
      const text =
        formatter.begin(context, { claimCount: claims.length }) +
        formatter.batch({ claims: claims.slice(0, 2), newPassages: [{ ...claims[0]!.passage, text: "x\n{", textHash: "h" }], offsetConverters: noConverters }, context, { isFirst: true }) +
        formatter.batch({ claims: claims.slice(2), newPassages: [], offsetConverters: noConverters }, context, { isFirst: false }) +
        formatter.end(context, { claimCount: claims.length });
      for (const size of [1, 7, 1000]) {
        const count = createClaimCounter(format as keyof typeof EXPORT_FORMATTERS);
        let last = 0;
        for (let at = 0; at < text.length; at += size) last = count(text.slice(at, at + size));
        expect(last, `${format} in chunks of ${size}`).toBe(3);
      }
    }
  });
});

describe("the Web Annotation collection", () => {
  const collectionText = (claims: ExportClaim[]) =>
    webAnnotationFormatter.begin(context, { claimCount: claims.length }) +
    webAnnotationFormatter.batch({ claims, newPassages: [], offsetConverters: noConverters }, context, { isFirst: true }) +
    webAnnotationFormatter.end(context, { claimCount: claims.length });

  it("is named by the export's URL: the same filters, however written, give the same IRI", () => {
    const url = (query: Record<string, string>) => exportApiUrl("https://desk.example", "ws 1", ExportQuerySchema.parse(query));
    expect(url({ format: "webannotation" })).toBe("https://desk.example/api/v1/workspaces/ws%201/export?format=webannotation&state=verified");
    expect(url({ state: "verified", format: "webannotation" })).toBe(url({ format: "webannotation" }));
    expect(url({ format: "webannotation", since: "2026-01-01", label: "none" })).toBe(
      "https://desk.example/api/v1/workspaces/ws%201/export?format=webannotation&label=none&since=2026-01-01&state=verified",
    );
    expect(url({ format: "webannotation", label: "factual" })).not.toBe(url({ format: "webannotation" }));
  });

  it("gives the collection and its page ids, and leaves the page out when there is nothing to page", () => {
    const collection = JSON.parse(collectionText([claim()])) as Record<string, unknown>;
    expect(collection).toMatchObject({
      id: context.exportUrl,
      type: "AnnotationCollection",
      total: 1,
      last: `${context.exportUrl}#page-1`,
      first: { id: `${context.exportUrl}#page-1`, type: "AnnotationPage", partOf: context.exportUrl, startIndex: 0 },
    });
    expect(JSON.parse(collectionText([]))).toEqual({
      "@context": ["http://www.w3.org/ns/anno.jsonld", { claimdesk: "urn:claimdesk:" }],
      id: context.exportUrl,
      type: "AnnotationCollection",
      label: "ClaimDesk claims of Harbour Desk (verified)",
      total: 0,
    });
  });

  it("carries each evidence link's stance to the import and back", () => {
    const span = { ...web("refutes"), kind: "passage" as const, url: null, passageId: "p2", start: 3, end: 9, quote: "harbor" };
    const evidence = [web("supports"), web("refutes"), web("context"), span];
    const [draft] = parseImport(collectionText([claim({ evidence })]), context.appUrl).claims;
    expect(draft?.evidence.map(({ stance, url, start }) => ({ stance, url, start }))).toEqual(evidence.map(({ stance, url, start }) => ({ stance, url, start })));
  });

  it("reads a linking body without a stance, as other tools write it, as context", () => {
    const annotation = { type: "Annotation", body: { type: "SpecificResource", purpose: "linking", source: "https://e.example" }, target: "https://news.example" };
    expect(parseImport(JSON.stringify(annotation), context.appUrl).claims[0]?.evidence[0]?.stance).toBe("context");
  });
});
