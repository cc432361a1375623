"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";

type OneTimeSecretPanelProps = {
  heading: ReactNode;
  warning: ReactNode;
  /** The field's label, e.g. "Token" or "Invitation link". */
  label: string;
  secret: string;
  /** What the copy fallback calls the secret: "the token is selected…". */
  noun: string;
  doneLabel: string;
  onDone: () => void;
};

/** A secret shown once (a token, an invitation link): focused, selectable, with a copy button. */
export function OneTimeSecretPanel({ heading, warning, label, secret, noun, doneLabel, onDone }: OneTimeSecretPanelProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [copyMessage, setCopyMessage] = useState("");
  const id = useId();

  // Take the keyboard and screen reader straight to the secret.
  useEffect(() => inputRef.current?.focus(), [secret]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopyMessage("Copied to the clipboard.");
    } catch {
      inputRef.current?.select();
      setCopyMessage(`Could not copy automatically: the ${noun} is selected, copy it with your keyboard.`);
    }
  }

  return (
    <section className="card stack token-secret" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <p id={`${id}-warning`} className="alert alert-warning">
        {warning}
      </p>
      <div>
        <label htmlFor={`${id}-secret`}>{label}</label>
        <div className="row">
          <input
            ref={inputRef}
            id={`${id}-secret`}
            className="grow"
            readOnly
            value={secret}
            spellCheck={false}
            autoComplete="off"
            onFocus={(event) => event.currentTarget.select()}
            aria-describedby={`${id}-warning`}
          />
          <button type="button" onClick={() => void copy()}>
            Copy
          </button>
        </div>
        <p className="hint" role="status">
          {copyMessage}
        </p>
      </div>
      <div>
        <button type="button" className="button-secondary" onClick={onDone}>
          {doneLabel}
        </button>
      </div>
    </section>
  );
}
