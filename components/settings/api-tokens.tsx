"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { CharacterCount, isOverLimit } from "@/components/forms/character-count";
import { OneTimeSecretPanel } from "@/components/secrets/one-time-secret-panel";
import { ApiError, formErrorMessage } from "@/lib/http/api-client";
import { useCreateApiToken, useRevokeApiToken } from "@/lib/tokens/client/token-queries";
import { API_TOKEN_NAME_MAX_LENGTH, type ApiToken, type NewApiToken } from "@/lib/tokens/token.schemas";

const EXPIRY_OPTIONS = [
  { value: "", label: "Never" },
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "365 days" },
] as const;

/** The caller's API tokens: create one (its secret shown once), see when each was used, revoke. */
export function ApiTokens({ tokens }: { tokens: ApiToken[] }) {
  const router = useRouter();
  const nameRef = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState("");
  const [newToken, setNewToken] = useState<NewApiToken | null>(null);
  const createToken = useCreateApiToken();
  const error = createToken.error;
  const fieldErrors = error instanceof ApiError ? error.fieldErrors() : {};
  const [name, setName] = useState("");
  const isNameTooLong = isOverLimit(name.trim(), API_TOKEN_NAME_MAX_LENGTH);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isNameTooLong) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    const expiresInDays = String(data.get("expiresInDays") ?? "");
    createToken.mutate(
      { name, ...(expiresInDays ? { expiresInDays: Number(expiresInDays) } : {}) },
      {
        onSuccess: (token) => {
          setNewToken(token);
          setStatus(`Token “${token.name}” created. Copy it now: it will not be shown again.`);
          router.refresh();
          form.reset();
          setName("");
        },
      },
    );
  }

  function dismissNewToken() {
    setNewToken(null);
    setStatus("");
    nameRef.current?.focus();
  }

  return (
    <>
      <p role="status" className="muted">
        {status}
      </p>
      {newToken && <NewTokenPanel token={newToken} onDone={dismissNewToken} />}

      <form className="card stack" onSubmit={onSubmit} noValidate aria-labelledby="create-token-heading">
        <h2 id="create-token-heading">Create a token</h2>
        <div className="form-grid">
          <div>
            <label htmlFor="token-name">Name</label>
            <input
              ref={nameRef}
              id="token-name"
              name="name"
              required
              value={name}
              onChange={(event) => setName(event.target.value)}
              placeholder="e.g. Nightly export script"
              aria-invalid={fieldErrors.name || isNameTooLong ? true : undefined}
              aria-describedby={`${fieldErrors.name ? "token-name-error" : "token-name-hint"} token-name-count`}
            />
            <CharacterCount id="token-name-count" value={name.trim()} max={API_TOKEN_NAME_MAX_LENGTH} />
            {fieldErrors.name ? (
              <p id="token-name-error" className="field-error" role="alert">
                {fieldErrors.name}
              </p>
            ) : (
              <p id="token-name-hint" className="hint">
                Say where it will be used, so you know which one to revoke.
              </p>
            )}
          </div>
          <div>
            <label htmlFor="token-expiry">Expires after</label>
            <select
              id="token-expiry"
              name="expiresInDays"
              defaultValue="90"
              aria-invalid={fieldErrors.expiresInDays ? true : undefined}
              aria-describedby={fieldErrors.expiresInDays ? "token-expiry-error" : undefined}
            >
              {EXPIRY_OPTIONS.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
            {fieldErrors.expiresInDays && (
              <p id="token-expiry-error" className="field-error" role="alert">
                {fieldErrors.expiresInDays}
              </p>
            )}
          </div>
        </div>
        {error && (
          <p className="field-error" role="alert">
            {formErrorMessage(error, ["name", "expiresInDays"])}
          </p>
        )}
        <div>
          <button type="submit" disabled={createToken.isPending || isNameTooLong}>
            {createToken.isPending ? "Creating…" : "Create token"}
          </button>
        </div>
      </form>

      <section className="stack" aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">Your tokens</h2>
        {tokens.length === 0 ? (
          <div className="empty-state small">
            <p>No API tokens yet. Scripts and other tools use a token to call the ClaimDesk API as you.</p>
          </div>
        ) : (
          <table className="data-table">
            <caption className="visually-hidden">Your API tokens</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Expires</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id}>
                  <th scope="row">{token.name}</th>
                  <td>
                    <UtcTime at={token.createdAt} />
                  </td>
                  <td>{token.lastUsedAt ? <UtcTime at={token.lastUsedAt} withTime /> : <span className="muted">Never</span>}</td>
                  <td>{token.expiresAt ? <UtcTime at={token.expiresAt} /> : <span className="muted">Never</span>}</td>
                  <td>
                    <TokenStatus token={token} />
                  </td>
                  <td>
                    {token.isActive && (
                      <RevokeTokenButton
                        token={token}
                        onRevoked={() => {
                          setStatus(`Token “${token.name}” revoked. Anything still using it is refused from now on.`);
                          router.refresh();
                        }}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

function NewTokenPanel({ token, onDone }: { token: NewApiToken; onDone: () => void }) {
  return (
    <OneTimeSecretPanel
      heading={`Your new token “${token.name}”`}
      warning="Copy this token now. ClaimDesk stores only a fingerprint of it and will not show it again; if you lose it, revoke it and create a new one. Keep it as secret as a password."
      label="Token"
      secret={token.token}
      noun="token"
      doneLabel="I have copied it"
      onDone={onDone}
    />
  );
}

function RevokeTokenButton({ token, onRevoked }: { token: ApiToken; onRevoked: () => void }) {
  const revoke = useRevokeApiToken(token.id);
  return (
    <>
      <button
        type="button"
        className="button-secondary danger"
        disabled={revoke.isPending}
        aria-label={`Revoke token: ${token.name}`}
        onClick={() =>
          window.confirm(`Revoke the token “${token.name}”? Anything using it is refused from then on. This cannot be undone.`) &&
          revoke.mutate(undefined, { onSuccess: onRevoked })
        }
      >
        {revoke.isPending ? "Revoking…" : "Revoke"}
      </button>
      {revoke.error && (
        <p className="field-error" role="alert">
          {revoke.error.message}
        </p>
      )}
    </>
  );
}

function TokenStatus({ token }: { token: ApiToken }) {
  const [label, variant] = token.revokedAt ? ["Revoked", "revoked"] : token.isActive ? ["Active", "active"] : ["Expired", "expired"];
  return <span className={`token-status token-status-${variant}`}>{label}</span>;
}

// UTC and fixed formats, so the server's render and the browser's agree.
function UtcTime({ at, withTime = false }: { at: string; withTime?: boolean }) {
  return (
    <time dateTime={at} title={at}>
      {withTime ? `${at.slice(0, 10)} ${at.slice(11, 16)} UTC` : at.slice(0, 10)}
    </time>
  );
}
