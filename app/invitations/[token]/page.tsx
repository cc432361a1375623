import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInvitationButton } from "@/components/members/accept-invitation-button";
import { requirePageActor } from "@/lib/auth/server/session";
import { orNotFound } from "@/lib/http/page-errors";
import { getInvitationPreview } from "@/lib/invitations/server/get-invitation-preview";

// The link's secret is in this page's URL: never send it on to other sites.
export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

type InvitationPageProps = { params: Promise<{ token: string }> };

export default async function InvitationPage({ params }: InvitationPageProps) {
  const { token } = await params;
  const actor = await requirePageActor(`/invitations/${encodeURIComponent(token)}`);
  const invitation = await orNotFound(getInvitationPreview({ actor, token }));
  const workspaceLink = <Link href={`/w/${invitation.workspace.id}`}>Open {invitation.workspace.name}</Link>;
  return (
    <div className="narrow stack">
      <h1>Join “{invitation.workspace.name}”</h1>
      <p>
        You are invited as <strong>{invitation.role}</strong>. The invitation was sent to {invitation.email}; you are signed in
        as {actor.email}.
        {invitation.email !== actor.email.toLowerCase() &&
          " Whoever holds the link may accept it: you will join as yourself, and the owners will see who accepted."}
      </p>
      {invitation.currentRole ? (
        <div className="alert alert-info stack">
          <p>
            You are already a member of this workspace as {invitation.currentRole}. Ask an owner if your role should change.
          </p>
          <p>{workspaceLink}</p>
        </div>
      ) : invitation.problem ? (
        <p className="alert alert-error" role="alert">
          {invitation.problem}
        </p>
      ) : (
        <>
          <p className="muted">
            The link works once and expires on{" "}
            <time dateTime={invitation.expiresAt}>{`${invitation.expiresAt.slice(0, 10)} ${invitation.expiresAt.slice(11, 16)} UTC`}</time>.
          </p>
          <AcceptInvitationButton token={token} workspaceName={invitation.workspace.name} />
        </>
      )}
    </div>
  );
}
