"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { CharacterCount, isOverLimit } from "@/components/forms/character-count";
import { ApiError, formErrorMessage } from "@/lib/http/api-client";
import { useUpdateWorkspace } from "@/lib/workspaces/client/workspace-queries";
import { WORKSPACE_NAME_MAX_LENGTH, type Workspace } from "@/lib/workspaces/workspace.schemas";

export function WorkspaceSettingsForm({ workspace }: { workspace: Pick<Workspace, "id" | "name" | "isBlindReview" | "isSecondVerifierRequired"> }) {
  const router = useRouter();
  const [name, setName] = useState(workspace.name);
  const [isBlindReview, setIsBlindReview] = useState(workspace.isBlindReview);
  const [isSecondVerifierRequired, setIsSecondVerifierRequired] = useState(workspace.isSecondVerifierRequired);
  const save = useUpdateWorkspace(workspace.id);
  const nameError = save.error instanceof ApiError ? save.error.fieldErrors().name : undefined;
  const isNameTooLong = isOverLimit(name.trim(), WORKSPACE_NAME_MAX_LENGTH);

  return (
    <form
      className="card stack"
      onSubmit={(event) => {
        event.preventDefault();
        if (isNameTooLong) return;
        save.mutate({ name, isBlindReview, isSecondVerifierRequired }, { onSuccess: () => router.refresh() });
      }}
    >
      <div>
        <label htmlFor="workspace-name">Name</label>
        <input
          id="workspace-name"
          value={name}
          required
          onChange={(event) => setName(event.target.value)}
          aria-invalid={nameError || isNameTooLong ? true : undefined}
          aria-describedby="workspace-name-count"
        />
        <CharacterCount id="workspace-name-count" value={name.trim()} max={WORKSPACE_NAME_MAX_LENGTH} />
        {nameError && <p role="alert">{nameError}</p>}
      </div>
      <div className="checkbox-row">
        <input id="workspace-blind" type="checkbox" checked={isBlindReview} onChange={(event) => setIsBlindReview(event.target.checked)} aria-describedby="workspace-blind-hint" />
        <label htmlFor="workspace-blind">Blind double review</label>
      </div>
      <p id="workspace-blind-hint" className="hint">
        Reviewers label each claim independently without seeing each other&rsquo;s label; editors compare the labels on the Review page, set
        the final label, and follow agreement (Cohen&rsquo;s kappa, Krippendorff&rsquo;s alpha) on the Agreement page.
      </p>
      <div className="checkbox-row">
        <input
          id="workspace-second-verifier"
          type="checkbox"
          checked={isSecondVerifierRequired}
          onChange={(event) => setIsSecondVerifierRequired(event.target.checked)}
          aria-describedby="workspace-second-verifier-hint"
        />
        <label htmlFor="workspace-second-verifier">Verification needs a second person</label>
      </div>
      <p id="workspace-second-verifier-hint" className="hint">
        The editor who verifies a claim must be someone other than the person who created it or last changed its label or statement.
      </p>
      {save.isError && !nameError && <p role="alert">{formErrorMessage(save.error, ["name"])}</p>}
      {save.isSuccess && <p role="status">Saved.</p>}
      <div>
        <button type="submit" disabled={save.isPending || isNameTooLong}>
          {save.isPending ? "Saving…" : "Save settings"}
        </button>
      </div>
    </form>
  );
}
