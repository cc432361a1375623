"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { CharacterCount, isOverLimit } from "@/components/forms/character-count";
import { ApiError, formErrorMessage } from "@/lib/http/api-client";
import { useCreateAttempt } from "@/lib/http/create-attempt";
import { useCreateWorkspace } from "@/lib/workspaces/client/workspace-queries";
import { WORKSPACE_NAME_MAX_LENGTH } from "@/lib/workspaces/workspace.schemas";

export function CreateWorkspaceForm() {
  const router = useRouter();
  const attempt = useCreateAttempt();
  const createWorkspace = useCreateWorkspace(attempt);
  const error = createWorkspace.error;
  const nameError = error instanceof ApiError ? error.fieldErrors().name : undefined;
  const [name, setName] = useState("");
  const isTooLong = isOverLimit(name.trim(), WORKSPACE_NAME_MAX_LENGTH);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isTooLong) return;
    createWorkspace.mutate(
      { name },
      { onSuccess: (workspace) => router.push(`/w/${workspace.id}`) },
    );
  }

  return (
    <form className="card stack" onSubmit={onSubmit} noValidate aria-labelledby="create-workspace-heading">
      <h2 id="create-workspace-heading">Create a workspace</h2>
      <div>
        <label htmlFor="workspace-name">Workspace name</label>
        <input
          id="workspace-name"
          name="name"
          required
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder="e.g. Politics desk"
          aria-invalid={nameError || isTooLong ? true : undefined}
          aria-describedby={error ? "workspace-name-count workspace-name-error" : "workspace-name-count"}
        />
        <CharacterCount id="workspace-name-count" value={name.trim()} max={WORKSPACE_NAME_MAX_LENGTH} />
        {error && (
          <p id="workspace-name-error" className="field-error" role="alert">
            {nameError ?? formErrorMessage(error)}
          </p>
        )}
      </div>
      <div>
        <button type="submit" disabled={createWorkspace.isPending || isTooLong}>
          {createWorkspace.isPending ? "Creating…" : "Create workspace"}
        </button>
      </div>
    </form>
  );
}
