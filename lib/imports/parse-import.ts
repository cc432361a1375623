import type { z } from "zod";
import { CLAIM_LABELS } from "@/lib/review/review-state";
import type { ClaimLabel, EvidenceStance, ReviewState } from "@/lib/generated/prisma/enums";
import { JSONL_FORMAT, JSONL_VERSION } from "@/lib/exports/formats/jsonl";
import { CLAIMDESK_VOCABULARY, stancePurpose } from "@/lib/exports/formats/web-annotation";
import { EvidenceStanceSchema } from "@/lib/evidence/evidence.schemas";
import { AppError } from "@/lib/http/errors";
import { findUnsafeText } from "@/lib/http/text.schemas";
import { isHttpUrl } from "@/lib/http/http-url";
import { tryParseJson } from "@/lib/try-parse-json";
import {
  JsonlClaimLineSchema,
  JsonlPassageLineSchema,
  WebAnnotationSchema,
  type ImportItemResult,
  type JsonlClaimLine,
  type Selector,
  type WebAnnotation,
} from "@/lib/imports/import.schemas";

// Turns an uploaded file into passages to find or create and claims to anchor. Pure: the use case
// decides against the database.

export type PassageSource = {
  key: string;
  /** Our own app's passage page, when an annotation targets it. */
  appPassageId: string | null;
  sourceUrl: string | null;
  title: string | null;
  text: string | null;
  publisher: string | null;
  author: string | null;
  publishedAt: string | null;
  language: string | null;
};

export type EvidenceDraft = {
  stance: EvidenceStance;
  note: string | null;
  url: string | null;
  title: string | null;
  publisher: string | null;
  quote: string | null;
  accessedAt: string | null;
  /** A span of a passage: which one, and where. */
  passageKey: string | null;
  start: number | null;
  end: number | null;
};

export type ClaimDraft = {
  position: number;
  item: string;
  passageKey: string;
  quote: { exact: string; prefix?: string; suffix?: string } | null;
  range: { start: number; end: number } | null;
  /**
   * What the source said of the target after its revisions (ClaimDesk JSONL only): `changed` waits for
   * a person to confirm its new words, `orphaned` has words the file's text no longer holds.
   */
  sourceAnchor: { status: "changed"; previousQuote: string | null } | { status: "orphaned" } | null;
  statement: string | null;
  label: ClaimLabel | null;
  state: ReviewState;
  verdictNote: string | null;
  /** The rating key the file gives (ClaimDesk JSONL only); the importer keeps it only where this workspace's scale has it. */
  verdict: string | null;
  evidence: EvidenceDraft[];
  createdAt: string | null;
  original: { id: string | null; createdBy: string | null; verifiedBy: string | null };
  notes: string[];
};

export type ParsedImport = {
  format: "jsonl" | "webannotation";
  passages: Map<string, PassageSource>;
  claims: ClaimDraft[];
  invalid: (ImportItemResult & { position: number })[];
};

const invalidFile = (message: string) => new AppError("validation_failed", message, { details: [{ path: ["body"], message }] });

export function parseImport(raw: string, appOrigin: string): ParsedImport {
  const text = raw.replace(/^\uFEFF/, "").trim();
  if (text === "") throw invalidFile("The file is empty. Choose a ClaimDesk JSONL export or a Web Annotation JSON file.");
  const whole = tryParseJson(text);
  const isJsonl = whole === undefined || (isRecord(whole) && ["export", "passage", "claim"].includes(String(whole.type)));
  const parsed = isJsonl ? parseJsonl(text) : parseWebAnnotations(whole, appOrigin);
  if (parsed.claims.length + parsed.invalid.length === 0) throw invalidFile("The file holds no claims or annotations to import.");
  return parsed;
}

function parseJsonl(text: string): ParsedImport {
  const result: ParsedImport = { format: "jsonl", passages: new Map(), claims: [], invalid: [] };
  const lines = text.split("\n");
  lines.forEach((line, index) => {
    const item = `line ${index + 1}`;
    if (line.trim() === "") return;
    const value = tryParseJson(line);
    const type = isRecord(value) ? value.type : undefined;
    if (isRecord(value) && type === "export") {
      if (value.format !== JSONL_FORMAT || typeof value.version !== "number" || value.version > JSONL_VERSION) {
        throw invalidFile(`Line 1 says this is ${String(value.format)} version ${String(value.version)}; this ClaimDesk reads ${JSONL_FORMAT} up to version ${JSONL_VERSION}.`);
      }
      return;
    }
    const unsafe = unsafeTextReason(value);
    if (unsafe) return result.invalid.push(invalidItem(index, item, unsafe));
    if (type === "passage") {
      const passage = JsonlPassageLineSchema.safeParse(value);
      if (!passage.success) return result.invalid.push(invalidItem(index, item, `Not a valid passage line: ${issues(passage.error)}`));
      const { id, title, text: passageText, sourceUrl, publisher, author, publishedAt, language } = passage.data;
      result.passages.set(`jsonl:${id}`, {
        key: `jsonl:${id}`,
        appPassageId: null,
        sourceUrl: sourceUrl ?? null,
        title,
        text: passageText ?? null,
        publisher: publisher ?? null,
        author: author ?? null,
        publishedAt: publishedAt ?? null,
        language: language ?? null,
      });
      return;
    }
    const claim = JsonlClaimLineSchema.safeParse(value);
    if (!claim.success) {
      return result.invalid.push(invalidItem(index, item, value === undefined ? "Not valid JSON." : `Not a valid claim line: ${issues(claim.error)}`));
    }
    result.claims.push(jsonlClaimDraft(claim.data, index, item, result.passages));
  });
  return result;
}

function jsonlClaimDraft(line: JsonlClaimLine, position: number, item: string, passages: Map<string, PassageSource>): ClaimDraft {
  const passageKey = `jsonl:${line.passage.id}`;
  if (!passages.has(passageKey)) {
    // No passage line (an older or hand-made file): the claim's metadata can still match one.
    passages.set(passageKey, {
      key: passageKey,
      appPassageId: null,
      sourceUrl: line.passage.sourceUrl ?? null,
      title: line.passage.title ?? null,
      text: null,
      publisher: line.passage.publisher ?? null,
      author: line.passage.author ?? null,
      publishedAt: line.passage.publishedAt ?? null,
      language: null,
    });
  }
  return {
    position,
    item,
    passageKey,
    ...selectorsOf(line.target.selector),
    sourceAnchor:
      line.anchor?.status === "changed"
        ? { status: "changed", previousQuote: line.anchor.previousQuote ?? null }
        : line.anchor?.status === "orphaned"
          ? { status: "orphaned" }
          : null,
    statement: line.statement,
    label: line.label ?? null,
    state: line.state ?? "draft",
    verdictNote: line.verdictNote ?? null,
    verdict: line.verdict?.key ?? null,
    evidence: line.evidence.map((evidence) => ({
      stance: evidence.stance,
      note: evidence.note ?? null,
      url: evidence.kind === "web" ? (evidence.url ?? null) : null,
      title: evidence.title ?? null,
      publisher: evidence.publisher ?? null,
      quote: evidence.quote ?? null,
      accessedAt: evidence.accessedAt ?? null,
      passageKey: evidence.kind === "passage" && evidence.passageId ? `jsonl:${evidence.passageId}` : null,
      start: evidence.start ?? null,
      end: evidence.end ?? null,
    })),
    createdAt: line.createdAt ?? null,
    original: { id: line.id ?? null, createdBy: line.reviewers?.createdBy?.name ?? null, verifiedBy: line.reviewers?.verifiedBy?.name ?? null },
    notes: [],
  };
}

function parseWebAnnotations(document: unknown, appOrigin: string): ParsedImport {
  const result: ParsedImport = { format: "webannotation", passages: new Map(), claims: [], invalid: [] };
  annotationList(document).forEach((value, index) => {
    const item = `annotation ${index + 1}`;
    const unsafe = unsafeTextReason(value);
    if (unsafe) return result.invalid.push(invalidItem(index, item, unsafe));
    const annotation = WebAnnotationSchema.safeParse(value);
    if (!annotation.success) return result.invalid.push(invalidItem(index, item, `Not a Web Annotation: ${issues(annotation.error)}`));
    const draft = annotationDraft(annotation.data, index, item, result.passages, appOrigin);
    if (typeof draft === "string") return result.invalid.push(invalidItem(index, item, draft));
    result.claims.push(draft);
  });
  return result;
}

/** An AnnotationCollection with its page inline, an array, a Hypothesis search result, or one annotation. */
function annotationList(document: unknown): unknown[] {
  if (Array.isArray(document)) return document;
  if (!isRecord(document)) throw invalidFile("The file is JSON but not an annotation, a list of annotations or an AnnotationCollection.");
  if (Array.isArray(document.rows)) return document.rows;
  const types = [document.type].flat();
  if (types.includes("AnnotationCollection") || types.includes("AnnotationPage")) {
    const page = isRecord(document.first) ? document.first : document;
    if (!Array.isArray(page.items)) {
      throw invalidFile("The AnnotationCollection does not hold its annotations inline (first.items); download the pages and import them as an array.");
    }
    return page.items;
  }
  return [document];
}

/** The rating key of a verdict body ClaimDesk wrote (`claimdesk:rating:<key>`, web-annotation.ts), else null. */
function ratingKeyOf(id: unknown): string | null {
  if (typeof id !== "string") return null;
  const match = /^(?:claimdesk:|urn:claimdesk:)rating:(.{1,200})$/.exec(id);
  return match?.[1] ?? null;
}

function annotationDraft(annotation: WebAnnotation, position: number, item: string, passages: Map<string, PassageSource>, appOrigin: string): ClaimDraft | string {
  const [target] = annotation.target;
  const source = sourceIri(target?.source) ?? annotation.uri;
  if (!target || !source) return "The annotation has no target source (the document it annotates).";
  const { quote, range } = selectorsOf(target.selector ?? []);
  const title = [annotation.document?.title ?? []].flat()[0] ?? null;
  const passageKey = registerSource(passages, source, appOrigin, title);

  const notes: string[] = [];
  let statement: string | null = null;
  const labelHints: string[] = [...(annotation.tags ?? [])];
  const verdicts: string[] = [];
  let verdict: string | null = null;
  const evidence: EvidenceDraft[] = [];
  for (const body of annotation.body ?? []) {
    const purpose = [body.purpose].flat()[0];
    const value = typeof body.value === "string" ? body.value : null;
    if (value !== null && (body.type === "TextualBody" || body.type === undefined)) {
      const ratingKey = purpose === "classifying" ? ratingKeyOf(body.id) : null;
      if (ratingKey !== null) verdict ??= ratingKey;
      else if (purpose === "tagging") labelHints.push(value);
      else if (purpose === "describing") statement = value;
      else verdicts.push(value);
      continue;
    }
    const linked = sourceIri(body.source) ?? sourceIri(body.id);
    if (!linked) continue;
    const selectors = selectorsOf(Array.isArray(body.selector) ? (body.selector as Selector[]) : body.selector ? [body.selector as Selector] : []);
    const isSpan = appPassageIdOf(linked, appOrigin) !== null && (selectors.range || selectors.quote);
    evidence.push({
      stance: stanceOf(body.purpose),
      note: null,
      url: isSpan ? null : linked,
      title: null,
      publisher: null,
      quote: selectors.quote?.exact ?? null,
      accessedAt: null,
      passageKey: isSpan ? registerSource(passages, linked, appOrigin, null) : null,
      start: selectors.range?.start ?? null,
      end: selectors.range?.end ?? null,
    });
  }
  if (annotation.text?.trim()) verdicts.push(annotation.text.trim());
  if (annotation.bodyValue?.trim()) verdicts.push(annotation.bodyValue.trim());

  const labels = labelHints.map((hint) => hint.trim().toLowerCase()).filter((hint): hint is ClaimLabel => (CLAIM_LABELS as readonly string[]).includes(hint));
  const otherTags = labelHints.filter((hint) => !(CLAIM_LABELS as readonly string[]).includes(hint.trim().toLowerCase()));
  if (otherTags.length) notes.push(`Tags that are not a label were left out: ${otherTags.join(", ")}.`);
  if (new Set(labels).size > 1) notes.push(`Several labels were given (${[...new Set(labels)].join(", ")}); the first was kept.`);

  return {
    position,
    item,
    passageKey,
    quote,
    range,
    sourceAnchor: null,
    statement,
    label: labels[0] ?? null,
    state: "draft",
    verdictNote: verdicts.length ? verdicts.join("\n\n").slice(0, 10_000) : null,
    verdict,
    evidence,
    createdAt: null,
    original: { id: annotation.id ?? null, createdBy: null, verifiedBy: null },
    notes,
  };
}

/** The stance a linking body's purposes give (our export's `claimdesk:<stance>`, compact or full); else context. */
function stanceOf(purposes: unknown): EvidenceStance {
  for (const purpose of [purposes].flat()) {
    const stance = EvidenceStanceSchema.options.find((option) => purpose === stancePurpose(option) || purpose === `${CLAIMDESK_VOCABULARY}${option}`);
    if (stance) return stance;
  }
  return "context";
}

function registerSource(passages: Map<string, PassageSource>, source: string, appOrigin: string, title: string | null): string {
  const key = `source:${source}`;
  const existing = passages.get(key);
  if (existing) {
    existing.title ??= title;
    return key;
  }
  const appPassageId = appPassageIdOf(source, appOrigin);
  passages.set(key, {
    key,
    appPassageId,
    sourceUrl: appPassageId === null && isHttpUrl(source) ? source : null,
    title,
    text: null,
    publisher: null,
    author: null,
    publishedAt: null,
    language: null,
  });
  return key;
}

/** The passage id in a link to a passage page of this ClaimDesk, e.g. https://desk/w/ws/passages/p1. */
export function appPassageIdOf(url: string, appOrigin: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.origin !== appOrigin) return null;
    const match = /^\/w\/[^/]+\/passages\/([^/]+)$/.exec(parsed.pathname);
    return match?.[1] ? decodeURIComponent(match[1]) : null;
  } catch {
    return null;
  }
}

function selectorsOf(selectors: Selector[]): Pick<ClaimDraft, "quote" | "range"> {
  let quote: ClaimDraft["quote"] = null;
  let range: ClaimDraft["range"] = null;
  for (const selector of selectors) {
    if (selector.type === "TextQuoteSelector" && typeof selector.exact === "string" && !quote) {
      quote = { exact: selector.exact, prefix: optionalString(selector.prefix), suffix: optionalString(selector.suffix) };
    }
    if (selector.type === "TextPositionSelector" && typeof selector.start === "number" && typeof selector.end === "number" && !range) {
      range = { start: selector.start, end: selector.end };
    }
  }
  return { quote, range };
}

const optionalString = (value: unknown) => (typeof value === "string" ? value : undefined);

function sourceIri(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (isRecord(value) && typeof value.id === "string") return value.id;
  return null;
}

// Checked on the whole item, other tools' extra keys included: a file that holds NUL or unpaired
// surrogates is damaged, and no part of such an item should reach the database.
function unsafeTextReason(value: unknown): string | null {
  const unsafe = findUnsafeText(value);
  return unsafe ? `${unsafe.path.join(".") || "The item"}: ${unsafe.message}` : null;
}

function invalidItem(position: number, item: string, reason: string): ImportItemResult & { position: number } {
  return { position, item, status: "invalid", claimId: null, passageId: null, exact: null, reason, notes: [] };
}

const issues = (error: z.ZodError) =>
  error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join(".") || "line"}: ${issue.message}`)
    .join("; ");


const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

