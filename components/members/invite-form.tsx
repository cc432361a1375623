"use client";

import { ROLE_DISPLAY } from "@/lib/members/role-display";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { OneTimeSecretPanel } from "@/components/secrets/one-time-secret-panel";
import { ROLES } from "@/lib/auth/permissions";
import { ApiError, formErrorMessage } from "@/lib/http/api-client";
import { useCreateInvitation } from "@/lib/invitations/client/invitation-queries";
import { INVITATION_VALID_DAYS, type CreateInvitationInput, type NewInvitation } from "@/lib/invitations/invitation.schemas";

/** Owners invite by link: no email is sent, so the link is shown to copy and pass on. */
export function InviteForm({ workspaceId }: { workspaceId: string }) {
  const router = useRouter();
  const [invitation, setInvitation] = useState<NewInvitation | null>(null);
  const invite = useCreateInvitation(workspaceId);
  const error = invite.error;
  const fieldErrors = error instanceof ApiError ? error.fieldErrors() : {};

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    invite.mutate(
      { email: String(data.get("email") ?? ""), role: String(data.get("role") ?? "viewer") as CreateInvitationInput["role"] },
      {
        onSuccess: (created) => {
          setInvitation(created);
          router.refresh();
          form.reset();
        },
      },
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
                  {ROLE_DISPLAY[role]}
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
        {error && (
          <p className="field-error" role="alert">
            {formErrorMessage(error, ["email", "role"])}
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
  return (
    <OneTimeSecretPanel
      heading={`Invitation link for ${invitation.email}`}
      warning={`Send this link to ${invitation.email}. It makes whoever opens it first a ${invitation.role} of this workspace, works once, and expires in ${INVITATION_VALID_DAYS} days. ClaimDesk will not show it again; if it is lost, invite the same address again.`}
      label="Invitation link"
      secret={invitation.url}
      noun="link"
      doneLabel="Done"
      onDone={onDone}
    />
  );
}
