"use client";

import { ROLE_DISPLAY } from "@/lib/members/role-display";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ROLES } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";
import { useChangeMemberRole, useLeaveWorkspace, useRemoveMember } from "@/lib/members/client/member-queries";
import type { Member } from "@/lib/members/member.schemas";

type MembersTableProps = {
  workspaceId: string;
  members: Member[];
  currentUserId: string;
  /** Owners get a role select and a remove button for each member. */
  canManage: boolean;
};

/** The members of a workspace; owners change roles and remove members here. */
export function MembersTable({ workspaceId, members, currentUserId, canManage }: MembersTableProps) {
  const [status, setStatus] = useState("");
  return (
    <>
      <p role="status" className="muted">
        {status}
      </p>
      <table className="data-table">
        <caption className="visually-hidden">Members of this workspace</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Joined</th>
            {canManage && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.userId}>
              <th scope="row">
                {member.name}
                {member.userId === currentUserId && <span className="muted"> (you)</span>}
              </th>
              <td>{member.email}</td>
              <td>
                {canManage ? (
                  <RoleSelect key={member.role} workspaceId={workspaceId} member={member} onChanged={setStatus} />
                ) : (
                  member.role
                )}
              </td>
              <td>
                <time dateTime={member.joinedAt}>{member.joinedAt.slice(0, 10)}</time>
              </td>
              {canManage && (
                <td>
                  {member.userId !== currentUserId && <RemoveMemberButton workspaceId={workspaceId} member={member} onRemoved={setStatus} />}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function RoleSelect({ workspaceId, member, onChanged }: { workspaceId: string; member: Member; onChanged: (status: string) => void }) {
  const router = useRouter();
  const [role, setRole] = useState<Role>(member.role);
  const changeRole = useChangeMemberRole(workspaceId, member.userId);
  const errorId = `role-error-${member.userId}`;
  return (
    <>
      <select
        aria-label={`Role of ${member.name}`}
        value={role}
        disabled={changeRole.isPending}
        aria-invalid={changeRole.isError ? true : undefined}
        aria-describedby={changeRole.isError ? errorId : undefined}
        onChange={(event) => {
          const next = event.currentTarget.value as Role;
          setRole(next);
          changeRole.mutate(next, {
            onSuccess: (updated) => {
              onChanged(`${updated.name} is now ${updated.role}.`);
              router.refresh();
            },
            onError: () => setRole(member.role),
          });
        }}
      >
        {ROLES.map((option) => (
          <option key={option} value={option}>
            {ROLE_DISPLAY[option]}
          </option>
        ))}
      </select>
      {changeRole.error && (
        <p id={errorId} className="field-error" role="alert">
          {changeRole.error.message}
        </p>
      )}
    </>
  );
}

function RemoveMemberButton({ workspaceId, member, onRemoved }: { workspaceId: string; member: Member; onRemoved: (status: string) => void }) {
  const router = useRouter();
  const remove = useRemoveMember(workspaceId, member.userId);
  const onSuccess = () => {
    onRemoved(`${member.name} was removed from the workspace.`);
    router.refresh();
  };
  return (
    <>
      <button
        type="button"
        className="button-secondary danger"
        disabled={remove.isPending}
        aria-label={`Remove ${member.name}`}
        onClick={() => window.confirm(`Remove ${member.name} from this workspace? They lose access at once.`) && remove.mutate(undefined, { onSuccess })}
      >
        {remove.isPending ? "Removing…" : "Remove"}
      </button>
      {remove.error && (
        <p className="field-error" role="alert">
          {remove.error.message}
        </p>
      )}
    </>
  );
}

/** Any member leaves by removing themselves; the server refuses the last owner with a message. */
export function LeaveWorkspaceButton({ workspaceId, currentUserId, workspaceName }: { workspaceId: string; currentUserId: string; workspaceName: string }) {
  const router = useRouter();
  const leave = useLeaveWorkspace(workspaceId, currentUserId);
  const onSuccess = () => {
    router.push("/workspaces");
    router.refresh();
  };
  return (
    <div className="stack">
      <div>
        <button
          type="button"
          className="button-secondary danger"
          disabled={leave.isPending}
          onClick={() =>
            window.confirm(`Leave “${workspaceName}”? You lose access at once; an owner must invite you again to come back.`) && leave.mutate(undefined, { onSuccess })
          }
        >
          {leave.isPending ? "Leaving…" : "Leave workspace"}
        </button>
      </div>
      {leave.error && (
        <p className="field-error" role="alert">
          {leave.error.message}
        </p>
      )}
    </div>
  );
}
