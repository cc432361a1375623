"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { ROLES } from "@/lib/auth/permissions";
import { ApiError, apiFetch } from "@/lib/http/api-fetch";
import { INVITATION_VALID_DAYS, type CreateInvitationInput, type NewInvitation } from "@/lib/invitations/invitation.schemas";

/** Owners invite by link: no email is sent, so the link is shown to copy and pass on. */
export function InviteForm({ workspaceId }: { workspaceId: string }) {
  const router = useRouter();
  const [invitation, setInvitation] = useState<NewInvitation | null>(null);
  // No Idempotency-Key: a replayable response would keep the link's secret in the idempotency table.
  const invite = useMutation({
    mutationFn: (input: CreateInvitationInput) =>
      apiFetch<NewInvitation>(`/api/v1/workspaces/${encodeURIComponent(workspaceId)}/invitations`, { body: input }),
    onSuccess: (created) => {
      setInvitation(created);
      router.refresh();
    },
  });
  const error = invite.error;
  const fieldErrors = error instanceof ApiError ? error.fieldErrors() : {};

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    invite.mutate(
      { email: String(data.get("email") ?? ""), role: String(data.get("role") ?? "viewer") as CreateInvitationInput["role"] },
      { onSuccess: () => form.reset() },
    );
  }

  return (
    <>
      <form className="card stack" onSubmit={onSubmit} noValidate aria-labelledby="invite-heading">
        <h2 id="invite-heading">Invite someone</h2>
        <div className="form-grid">
          <div>
            <label htmlFor="invite-email">Email</label>
            <input
              id="invite-email"
              name="email"
              type="email"
              autoComplete="off"
              required
              aria-invalid={fieldErrors.email ? true : undefined}
              aria-describedby={fieldErrors.email ? "invite-email-error" : "invite-email-hint"}
            />
            {fieldErrors.email ? (
              <p id="invite-email-error" className="field-error" role="alert">
                {fieldErrors.email}
              </p>
            ) : (
              <p id="invite-email-hint" className="hint">
                ClaimDesk sends no email: you get a link to pass on.
              </p>
            )}
          </div>
          <div>
            <label htmlFor="invite-role">Role</label>
            <select
              id="invite-role"
              name="role"
              defaultValue="reviewer"
              aria-invalid={fieldErrors.role ? true : undefined}
              aria-describedby={fieldErrors.role ? "invite-role-error" : undefined}
            >
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {role}
                </option>
              ))}
            </select>
            {fieldErrors.role && (
              <p id="invite-role-error" className="field-error" role="alert">
                {fieldErrors.role}
              </p>
            )}
          </div>
        </div>
        {error && Object.keys(fieldErrors).length === 0 && (
          <p className="field-error" role="alert">
            {error.message}
          </p>
        )}
        <div>
          <button type="submit" disabled={invite.isPending}>
            {invite.isPending ? "Creating link…" : "Create invitation link"}
          </button>
        </div>
      </form>
      {invitation && <InvitationLinkPanel invitation={invitation} onDone={() => setInvitation(null)} />}
    </>
  );
}

function InvitationLinkPanel({ invitation, onDone }: { invitation: NewInvitation; onDone: () => void }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [copyMessage, setCopyMessage] = useState("");
  useEffect(() => inputRef.current?.focus(), [invitation.id]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(invitation.url);
      setCopyMessage("Copied to the clipboard.");
    } catch {
      inputRef.current?.select();
      setCopyMessage("Could not copy automatically: the link is selected, copy it with your keyboard.");
    }
  }

  return (
    <section className="card stack token-secret" aria-labelledby="invitation-link-heading">
      <h2 id="invitation-link-heading">Invitation link for {invitation.email}</h2>
      <p id="invitation-link-warning" className="alert alert-warning">
        Send this link to {invitation.email}. It makes whoever opens it first a {invitation.role} of this workspace, works
        once, and expires in {INVITATION_VALID_DAYS} days. ClaimDesk will not show it again; if it is lost, invite the same
        address again.
      </p>
      <div>
        <label htmlFor="invitation-link">Invitation link</label>
        <div className="row">
          <input
            ref={inputRef}
            id="invitation-link"
            className="grow"
            readOnly
            value={invitation.url}
            spellCheck={false}
            autoComplete="off"
            onFocus={(event) => event.currentTarget.select()}
            aria-describedby="invitation-link-warning"
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
          Done
        </button>
      </div>
    </section>
  );
}
