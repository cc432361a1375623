"use client";

import { useState } from "react";
import { CharacterCount, isOverLimit } from "@/components/forms/character-count";

export type FormFieldProps = { id: string; label: string; type?: string; autoComplete?: string; hint?: string; error?: string; maxLength?: number };

/**
 * A labelled, required input with its hint and its error announced through aria-describedby; with
 * `maxLength`, also its character count (the form reads `isOverLimit` before it submits).
 */
export function FormField({ id, label, type = "text", autoComplete, hint, error, maxLength }: FormFieldProps) {
  const [value, setValue] = useState("");
  const isTooLong = maxLength !== undefined && isOverLimit(value.trim(), maxLength);
  const describedBy =
    [hint ? `${id}-hint` : null, maxLength !== undefined ? `${id}-count` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={id}
        type={type}
        autoComplete={autoComplete}
        required
        aria-invalid={error || isTooLong ? true : undefined}
        aria-describedby={describedBy}
        onChange={maxLength === undefined ? undefined : (event) => setValue(event.target.value)}
      />
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {maxLength !== undefined && <CharacterCount id={`${id}-count`} value={value.trim()} max={maxLength} />}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
