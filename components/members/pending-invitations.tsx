"use client";

import { ROLE_DISPLAY } from "@/lib/members/role-display";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useRevokeInvitation } from "@/lib/invitations/client/invitation-queries";
import type { PendingInvitation } from "@/lib/invitations/invitation.schemas";

/** Invitations not yet accepted; an owner withdraws one so its link stops working. */
export function PendingInvitations({ workspaceId, invitations }: { workspaceId: string; invitations: PendingInvitation[] }) {
  const [status, setStatus] = useState("");
  return (
    <section className="stack" aria-labelledby="pending-invitations-heading">
      <h2 id="pending-invitations-heading">Pending invitations</h2>
      <p role="status" className="muted">
        {status}
      </p>
      {invitations.length === 0 ? (
        <p className="muted">No pending invitations.</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">Pending invitations</caption>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Invited by</th>
              <th scope="col">Expires</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {invitations.map((invitation) => (
              <tr key={invitation.id}>
                <th scope="row">{invitation.email}</th>
                <td>{ROLE_DISPLAY[invitation.role]}</td>
                <td>{invitation.invitedBy.name}</td>
                <td>
                  <time dateTime={invitation.expiresAt}>{`${invitation.expiresAt.slice(0, 10)} ${invitation.expiresAt.slice(11, 16)} UTC`}</time>
                </td>
                <td>
                  <RevokeInvitationButton workspaceId={workspaceId} invitation={invitation} onRevoked={setStatus} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function RevokeInvitationButton({
  workspaceId,
  invitation,
  onRevoked,
}: {
  workspaceId: string;
  invitation: PendingInvitation;
  onRevoked: (status: string) => void;
}) {
  const router = useRouter();
  const revoke = useRevokeInvitation(workspaceId, invitation.id);
  const onSuccess = () => {
    onRevoked(`The invitation for ${invitation.email} was withdrawn; its link no longer works.`);
    router.refresh();
  };
  return (
    <>
      <button
        type="button"
        className="button-secondary danger"
        disabled={revoke.isPending}
        aria-label={`Withdraw the invitation for ${invitation.email}`}
        onClick={() => window.confirm(`Withdraw the invitation for ${invitation.email}? Its link stops working.`) && revoke.mutate(undefined, { onSuccess })}
      >
        {revoke.isPending ? "Withdrawing…" : "Withdraw"}
      </button>
      {revoke.error && (
        <p className="field-error" role="alert">
          {revoke.error.message}
        </p>
      )}
    </>
  );
}
