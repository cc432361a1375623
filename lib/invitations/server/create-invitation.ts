import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireWorkspaceAccess } from "@/lib/auth/server/workspace-access";
import { recordAuditEvents } from "@/lib/audit/server/record-audit-event";
import { db } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { INVITATION_VALID_DAYS, type CreateInvitationInput, type NewInvitation } from "@/lib/invitations/invitation.schemas";
import { invitationUrl, newInvitationSecret } from "@/lib/invitations/server/invitation-token";
import { DAY_MS } from "@/lib/time-units";


/**
 * Invites someone by link (owners only). The link's secret is in this answer only; the database
 * keeps its SHA-256. Inviting an address again replaces its pending invitation, because a lost
 * link cannot be shown again.
 */
export async function createInvitation({
  actor,
  workspaceId,
  input,
  request,
}: {
  actor: Actor;
  workspaceId: string;
  input: CreateInvitationInput;
  request: Request;
}): Promise<NewInvitation> {
  const { secret, tokenHash } = newInvitationSecret();
  return db.$transaction(async (tx) => {
    await requireWorkspaceAccess(actor, workspaceId, "member.manage", tx);
    const existingMember = await tx.membership.findFirst({ where: { workspaceId, user: { email: input.email } }, select: { role: true } });
    if (existingMember) {
      throw new AppError(
        "conflict",
        `${input.email} is already a member of this workspace (${existingMember.role}). Change their role in the members list instead.`,
        { details: [{ path: ["body", "email"], message: "Already a member" }] },
      );
    }
    const now = new Date();
    const replaced = await tx.invitation.findMany({
      where: { workspaceId, email: input.email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      select: { id: true, role: true },
    });
    if (replaced.length > 0) {
      await tx.invitation.updateMany({ where: { id: { in: replaced.map((old) => old.id) }, acceptedAt: null }, data: { revokedAt: now } });
    }
    const invitation = await tx.invitation.create({
      data: { workspaceId, email: input.email, role: input.role, tokenHash, invitedById: actor.userId, expiresAt: new Date(now.getTime() + INVITATION_VALID_DAYS * DAY_MS) },
      select: { id: true, email: true, role: true, createdAt: true, expiresAt: true },
    });
    await recordAuditEvents(tx, [
      ...replaced.map((old) => ({
        workspaceId,
        actorId: actor.userId,
        entityType: "invitation" as const,
        entityId: old.id,
        action: "invitation.revoked",
        before: { email: input.email, role: old.role },
        after: { replacedBy: invitation.id },
      })),
      {
        workspaceId,
        actorId: actor.userId,
        entityType: "invitation",
        entityId: invitation.id,
        action: "invitation.created",
        after: { email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt.toISOString() },
      },
    ]);
    return {
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      url: invitationUrl(request, secret),
      createdAt: invitation.createdAt.toISOString(),
      expiresAt: invitation.expiresAt.toISOString(),
    };
  });
}
