"use client";

import { useId, useState, type FormEvent } from "react";
import { useWorkspaceMembers } from "@/lib/members/client/member-queries";
import { isRoleAtLeast } from "@/lib/auth/permissions";

const UNASSIGNED = "__unassigned__";

type AssigneePickerProps = {
  workspaceId: string;
  label: string;
  submitLabel: string;
  currentAssigneeId?: string | null;
  isPending: boolean;
  onAssign: (assigneeId: string | null) => void;
  className?: string;
};

/** Choose a member who can review (reviewer and up), or nobody, and assign. */
export function AssigneePicker({ workspaceId, label, submitLabel, currentAssigneeId, isPending, onAssign, className }: AssigneePickerProps) {
  const members = useWorkspaceMembers(workspaceId);
  const [choice, setChoice] = useState("");
  const id = useId();
  const reviewers = (members.data ?? []).filter((member) => isRoleAtLeast(member.role, "reviewer"));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (choice === "") return;
    onAssign(choice === UNASSIGNED ? null : choice);
  }

  return (
    <form className={className ?? "row assignee-picker"} onSubmit={submit}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={choice} onChange={(event) => setChoice(event.target.value)} disabled={members.isPending}>
        <option value="">{members.isPending ? "Loading members…" : "Choose a member…"}</option>
        <option value={UNASSIGNED}>Nobody (unassign)</option>
        {reviewers.map((member) => (
          <option key={member.userId} value={member.userId}>
            {member.name}
            {member.userId === currentAssigneeId ? " (assigned)" : ""}
          </option>
        ))}
      </select>
      <button type="submit" disabled={choice === "" || isPending}>
        {submitLabel}
      </button>
      {members.isError && <p role="alert">Members could not be loaded: {members.error.message}</p>}
    </form>
  );
}
