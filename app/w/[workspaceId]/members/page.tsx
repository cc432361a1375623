import type { Metadata } from "next";
import { ROLE_DISPLAY } from "@/lib/members/role-display";
import { InviteForm } from "@/components/members/invite-form";
import { LeaveWorkspaceButton, MembersTable } from "@/components/members/members-table";
import { PendingInvitations } from "@/components/members/pending-invitations";
import { can } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/server/session";
import { orNotFound } from "@/lib/http/page-errors";
import { listInvitations } from "@/lib/invitations/server/list-invitations";
import { listMembers } from "@/lib/members/server/list-members";
import { getWorkspace } from "@/lib/workspaces/server/get-workspace";
import { WorkspaceBreadcrumb } from "@/components/layout/workspace-breadcrumb";

export const metadata: Metadata = { title: "Members" };

type MembersPageProps = { params: Promise<{ workspaceId: string }> };

const PAGE_LIMIT = 200;

export default async function MembersPage({ params }: MembersPageProps) {
  const { workspaceId } = await params;
  const actor = await requirePageActor(`/w/${workspaceId}/members`);
  const workspace = await orNotFound(getWorkspace({ actor, workspaceId }));
  const canManage = can(workspace.role, "member.manage");
  const [members, invitations] = await Promise.all([
    listMembers({ actor, workspaceId, query: { limit: PAGE_LIMIT } }),
    canManage ? listInvitations({ actor, workspaceId, query: { limit: PAGE_LIMIT } }) : null,
  ]);
  const ownerCount = members.items.filter((member) => member.role === "owner").length;
  const isLastOwner = workspace.role === "owner" && ownerCount <= 1;
  return (
    <div className="stack">
      <WorkspaceBreadcrumb workspaceId={workspaceId} workspaceName={workspace.name} />
      <div className="row">
        <h1>Members</h1>
        <span className="badge">Your role: {ROLE_DISPLAY[workspace.role]}</span>
      </div>
      {!canManage && <p className="muted">Only owners can invite people, change roles or remove members.</p>}
      <MembersTable workspaceId={workspaceId} members={members.items} currentUserId={actor.userId} canManage={canManage} />
      {members.nextCursor && <p className="muted">Showing the first {PAGE_LIMIT} members.</p>}
      {canManage && (
        <>
          <InviteForm workspaceId={workspaceId} />
          <PendingInvitations workspaceId={workspaceId} invitations={invitations?.items ?? []} />
        </>
      )}
      <section className="stack" aria-labelledby="leave-heading">
        <h2 id="leave-heading">Leave this workspace</h2>
        {isLastOwner ? (
          <p className="muted">You are the only owner. Make another member an owner before you can leave.</p>
        ) : (
          <LeaveWorkspaceButton workspaceId={workspaceId} currentUserId={actor.userId} workspaceName={workspace.name} />
        )}
      </section>
    </div>
  );
}
