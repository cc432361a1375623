"use client";

import { useCallback, useState, type ChangeEvent, type FormEvent, type RefObject } from "react";
import type { Claim } from "@/lib/claims/claim.schemas";
import { useAddEvidence } from "@/lib/claims/client/claim-queries";
import { ApiError } from "@/lib/http/api-client";
import { CharacterCount, isOverLimit } from "@/components/forms/character-count";
import {
  EVIDENCE_NOTE_MAX_LENGTH,
  EVIDENCE_PUBLISHER_MAX_LENGTH,
  EVIDENCE_QUOTE_MAX_LENGTH,
  EVIDENCE_TITLE_MAX_LENGTH,
  WEB_URL_MAX_LENGTH,
} from "@/lib/evidence/evidence.schemas";
import { PassageSpanPicker, type PassageSpan } from "./passage-span-picker";

const LIMITS = {
  url: WEB_URL_MAX_LENGTH,
  title: EVIDENCE_TITLE_MAX_LENGTH,
  publisher: EVIDENCE_PUBLISHER_MAX_LENGTH,
  quote: EVIDENCE_QUOTE_MAX_LENGTH,
  note: EVIDENCE_NOTE_MAX_LENGTH,
} as const;
type LimitedField = keyof typeof LIMITS;
const NO_VALUES: Partial<Record<LimitedField, string>> = {};

type EvidenceFormProps = {
  claim: Pick<Claim, "id" | "passageId" | "workspaceId">;
  urlInputRef: RefObject<HTMLInputElement | null>;
  /** The public note a published claim's evidence change carries (its fact-check page lists it). */
  correctionNote?: string;
};

export function EvidenceForm({ claim, urlInputRef, correctionNote }: EvidenceFormProps) {
  const addEvidence = useAddEvidence(claim);
  const [formKey, setFormKey] = useState(0);
  const [source, setSource] = useState<"web" | "passage">("web");
  const [span, setSpan] = useState<PassageSpan | null>(null);
  const pickSpan = useCallback((picked: PassageSpan | null) => setSpan(picked), []);
  const error = addEvidence.error;
  const fieldErrors = error instanceof ApiError ? error.fieldErrors() : {};
  const [values, setValues] = useState(NO_VALUES);
  const shownFields: LimitedField[] = source === "web" ? ["url", "title", "publisher", "quote", "note"] : ["note"];
  const isTooLong = shownFields.some((field) => isOverLimit((values[field] ?? "").trim(), LIMITS[field]));
  // Each limited field: controlled, invalid past its limit, and described by its counter.
  const limited = (field: LimitedField, describedBy?: string) => ({
    name: field,
    value: values[field] ?? "",
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setValues((current) => ({ ...current, [field]: event.target.value })),
    "aria-invalid": fieldErrors[field] || isOverLimit((values[field] ?? "").trim(), LIMITS[field]) ? true : undefined,
    "aria-describedby": [describedBy, `evidence-${field}-count`].filter(Boolean).join(" "),
  });
  const counter = (field: LimitedField) => <CharacterCount id={`evidence-${field}-count`} value={(values[field] ?? "").trim()} max={LIMITS[field]} />;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isTooLong) return;
    const form = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = String(form.get(name) ?? "").trim();
      return value === "" ? undefined : value;
    };
    const stance = (text("stance") ?? "supports") as "supports" | "refutes" | "context";
    const fromPassage = span ? { passageId: span.passageId, start: span.start, end: span.end } : { passageId: "", start: 0, end: 0 };
    const correction = correctionNote ? { correctionNote } : {};
    addEvidence.mutate(
      source === "web"
        ? { stance, url: text("url"), title: text("title"), publisher: text("publisher"), quote: text("quote"), accessedAt: text("accessedAt"), note: text("note"), ...correction }
        : { stance, ...fromPassage, note: text("note"), ...correction },
      {
        onSuccess: () => {
          setFormKey((key) => key + 1);
          setValues(NO_VALUES);
        },
      },
    );
  }

  return (
    <form key={formKey} className="stack evidence-form" onSubmit={onSubmit} aria-label="Add evidence" noValidate>
      <fieldset className="row">
        <legend>Evidence from</legend>
        <label className="inline">
          <input type="radio" name="evidence-source" checked={source === "web"} onChange={() => setSource("web")} /> A web page
        </label>
        <label className="inline">
          <input type="radio" name="evidence-source" checked={source === "passage"} onChange={() => setSource("passage")} /> Another passage
        </label>
      </fieldset>
      {source === "passage" ? (
        <PassageSpanPicker workspaceId={claim.workspaceId} onPick={pickSpan} />
      ) : (
      <>
      <div>
        <label htmlFor="evidence-url">Source URL</label>
        <input id="evidence-url" type="url" ref={urlInputRef} placeholder="https://" required {...limited("url", fieldErrors.url ? "evidence-url-error" : undefined)} />
        {counter("url")}
        {fieldErrors.url && (
          <p id="evidence-url-error" className="field-error">
            {fieldErrors.url}
          </p>
        )}
      </div>
      <div className="row">
        <div className="grow">
          <label htmlFor="evidence-title">Title</label>
          <input id="evidence-title" {...limited("title")} />
          {counter("title")}
        </div>
        <div className="grow">
          <label htmlFor="evidence-publisher">Publisher</label>
          <input id="evidence-publisher" {...limited("publisher")} />
          {counter("publisher")}
        </div>
        <div className="grow">
          <label htmlFor="evidence-accessed">Accessed on</label>
          <input id="evidence-accessed" name="accessedAt" type="date" />
        </div>
      </div>
      <div>
        <label htmlFor="evidence-quote">Quote from the source</label>
        <textarea id="evidence-quote" rows={2} {...limited("quote")} />
        {counter("quote")}
      </div>
      </>
      )}
      <div className="row">
        <div>
          <label htmlFor="evidence-stance">Stance</label>
          <select id="evidence-stance" name="stance" defaultValue="supports">
            <option value="supports">Supports</option>
            <option value="refutes">Refutes</option>
            <option value="context">Context</option>
          </select>
        </div>
        <div className="grow">
          <label htmlFor="evidence-note">Note</label>
          <input id="evidence-note" {...limited("note")} />
          {counter("note")}
        </div>
      </div>
      {error && !fieldErrors.url && (
        <p className="field-error" role="alert">
          {error instanceof ApiError ? error.formMessage(source === "web" ? ["url"] : []) : error.message}
        </p>
      )}
      <div>
        <button type="submit" disabled={addEvidence.isPending || isTooLong}>
          {addEvidence.isPending ? "Adding…" : "Add evidence"}
        </button>
      </div>
    </form>
  );
}
