"use client";

import { AssigneePicker } from "@/components/assignment/assignee-picker";
import { useWorkspaceMembers } from "@/lib/members/client/member-queries";

type ClaimAssigneeProps = {
  workspaceId: string;
  assigneeId: string | null;
  canAssign: boolean;
  isSaving: boolean;
  onAssign: (assigneeId: string | null) => void;
};

/** Who reviews this claim; editors change it (the assignee is notified). */
export function ClaimAssignee({ workspaceId, assigneeId, canAssign, isSaving, onAssign }: ClaimAssigneeProps) {
  const members = useWorkspaceMembers(workspaceId);
  const assignee = members.data?.find((member) => member.userId === assigneeId);
  return (
    <div className="stack-tight">
      <p>
        Assigned to: <strong>{assigneeId === null ? "nobody" : (assignee?.name ?? "a former member")}</strong>
      </p>
      {canAssign && (
        <AssigneePicker workspaceId={workspaceId} label="Assign to" submitLabel="Assign" currentAssigneeId={assigneeId} isPending={isSaving} onAssign={onAssign} />
      )}
    </div>
  );
}
