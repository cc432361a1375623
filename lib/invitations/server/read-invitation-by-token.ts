import "server-only";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { findInvitationByToken, invitationStatus, type InvitationStatus } from "@/lib/invitations/server/invitation-state";

/** What anyone holding an invitation link may learn before signing in; the link's token is the secret. */
export type PublicInvitation = {
  workspaceName: string;
  inviterName: string;
  role: Role;
  status: InvitationStatus;
};

/**
 * The invitation behind a link, for a visitor who may not have an account yet. Answers only what the
 * invitation page needs to say who invites whom to what: never the invited address, the workspace's
 * id or anything else of the workspace. Unknown tokens are the same 404 as for signed-in holders.
 */
export async function readInvitationByToken({ token }: { token: string }): Promise<PublicInvitation> {
  const invitation = await findInvitationByToken(db, token);
  return {
    workspaceName: invitation.workspace.name,
    inviterName: invitation.invitedBy.name,
    role: invitation.role,
    status: invitationStatus(invitation),
  };
}
