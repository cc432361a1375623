import "server-only";
import type { DbClient, DbTransaction } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { hashInvitationToken } from "@/lib/invitations/server/invitation-token";

type InvitationState = { expiresAt: Date; acceptedAt: Date | null; acceptedById: string | null; revokedAt: Date | null };

export type InvitationStatus = "pending" | "accepted" | "revoked" | "expired";

/** The invitation behind a link's secret, or the 404 for a link that never was one. */
export async function findInvitationByToken(client: DbClient | DbTransaction, token: string) {
  const invitation = await client.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: {
      id: true,
      workspaceId: true,
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      acceptedById: true,
      revokedAt: true,
      workspace: { select: { id: true, name: true } },
      invitedBy: { select: { name: true } },
    },
  });
  if (!invitation) {
    throw new AppError(
      "not_found",
      "This invitation link is not valid. Check that you copied the whole link, or ask an owner of the workspace for a new one.",
    );
  }
  return invitation;
}

export function invitationStatus(invitation: InvitationState, now = new Date()): InvitationStatus {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt <= now) return "expired";
  return "pending";
}

/** Why an invitation can no longer be accepted, as the 410 a person reads; null while it is pending. */
export function invitationGone(invitation: InvitationState, userId: string, now = new Date()): AppError | null {
  switch (invitationStatus(invitation, now)) {
    case "pending":
      return null;
    case "accepted":
      return new AppError(
        "gone",
        invitation.acceptedById === userId
          ? "You already accepted this invitation."
          : "This invitation has already been used: each link works once. Ask an owner of the workspace for a new one.",
      );
    case "revoked":
      return new AppError("gone", "This invitation was withdrawn by an owner of the workspace. Ask them for a new one if you still need access.");
    case "expired":
      return new AppError(
        "gone",
        `This invitation expired on ${invitation.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC. Ask an owner of the workspace to invite you again.`,
        { details: { expiresAt: invitation.expiresAt.toISOString() } },
      );
  }
}
