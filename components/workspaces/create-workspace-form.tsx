"use client";

import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
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

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    createWorkspace.mutate(
      { name: String(new FormData(event.currentTarget).get("name") ?? "") },
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
          maxLength={WORKSPACE_NAME_MAX_LENGTH}
          placeholder="e.g. Politics desk"
          aria-invalid={nameError ? true : undefined}
          aria-describedby={error ? "workspace-name-error" : undefined}
        />
        {error && (
          <p id="workspace-name-error" className="field-error" role="alert">
            {nameError ?? formErrorMessage(error)}
          </p>
        )}
      </div>
      <div>
        <button type="submit" disabled={createWorkspace.isPending}>
          {createWorkspace.isPending ? "Creating…" : "Create workspace"}
        </button>
      </div>
    </form>
  );
}
