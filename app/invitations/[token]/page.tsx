import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInvitationButton } from "@/components/members/accept-invitation-button";
import type { Actor } from "@/lib/auth/actor";
import { getSessionActor } from "@/lib/auth/server/session";
import type { Role } from "@/lib/generated/prisma/enums";
import { orNotFound } from "@/lib/http/page-errors";
import { getInvitationPreview } from "@/lib/invitations/server/get-invitation-preview";
import type { InvitationStatus } from "@/lib/invitations/server/invitation-state";
import { readInvitationByToken } from "@/lib/invitations/server/read-invitation-by-token";

// The link's secret is in this page's URL: never send it on to other sites.
export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

type InvitationPageProps = { params: Promise<{ token: string }> };

export default async function InvitationPage({ params }: InvitationPageProps) {
  const { token } = await params;
  const actor = await getSessionActor();
  return actor ? <SignedInInvitation actor={actor} token={token} /> : <SignedOutInvitation token={token} />;
}

/** A visitor without a session: who invites them to what, and a way in that comes back here. */
async function SignedOutInvitation({ token }: { token: string }) {
  const invitation = await orNotFound(readInvitationByToken({ token }));
  const returnTo = encodeURIComponent(`/invitations/${encodeURIComponent(token)}`);
  return (
    <div className="narrow stack">
      <h1>Join “{invitation.workspaceName}”</h1>
      <p>
        {invitation.inviterName} invited you to join the ClaimDesk workspace <strong>{invitation.workspaceName}</strong> as{" "}
        {withArticle(invitation.role)}.
      </p>
      {invitation.status === "pending" ? (
        <>
          <p>To accept, create a ClaimDesk account or sign in. You will come back to this page to accept the invitation.</p>
          <div className="row">
            <Link href={`/signup?callbackUrl=${returnTo}`} className="button">
              Create an account
            </Link>
            <Link href={`/signin?callbackUrl=${returnTo}`} className="button button-secondary">
              Sign in
            </Link>
          </div>
        </>
      ) : (
        <>
          <p className="alert alert-error" role="alert">
            {goneMessage(invitation.status, invitation.inviterName)}
          </p>
          {invitation.status === "accepted" && <Link href={`/signin?callbackUrl=${returnTo}`}>Sign in</Link>}
        </>
      )}
    </div>
  );
}

async function SignedInInvitation({ actor, token }: { actor: Actor; token: string }) {
  const invitation = await orNotFound(getInvitationPreview({ actor, token }));
  const workspaceLink = <Link href={`/w/${invitation.workspace.id}`}>Open {invitation.workspace.name}</Link>;
  return (
    <div className="narrow stack">
      <h1>Join “{invitation.workspace.name}”</h1>
      <p>
        {invitation.inviterName} invited you as <strong>{withArticle(invitation.role)}</strong>. The invitation was sent to {invitation.email}; you
        are signed in as {actor.email}.
        {invitation.email !== actor.email.toLowerCase() &&
          " Whoever holds the link may accept it: you will join as yourself, and the owners will see who accepted."}
      </p>
      {invitation.currentRole ? (
        <div className="alert alert-info stack">
          <p>
            You are already a member of this workspace as {withArticle(invitation.currentRole)}. Ask an owner if your role should change.
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

function goneMessage(status: Exclude<InvitationStatus, "pending">, inviterName: string): string {
  switch (status) {
    case "accepted":
      return `This invitation has already been used: each link works once. If you accepted it, sign in to open the workspace; otherwise ask ${inviterName} for a new one.`;
    case "revoked":
      return `This invitation was withdrawn by an owner of the workspace. Ask ${inviterName} for a new one if you still need access.`;
    case "expired":
      return `This invitation has expired. Ask ${inviterName} to invite you again.`;
  }
}

function withArticle(role: Role): string {
  return `${/^[aeiou]/.test(role) ? "an" : "a"} ${role}`;
}
