"use client";

import type { UseMutationResult } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRestoreClaim } from "@/lib/claims/client/claim-queries";
import { useRestorePassage } from "@/lib/passages/client/passage-queries";

export function RestoreButton({ kind, id, title }: { kind: "passage" | "claim"; id: string; title: string }) {
  return kind === "passage" ? <RestorePassageButton id={id} title={title} /> : <RestoreClaimButton id={id} title={title} />;
}

function RestorePassageButton({ id, title }: { id: string; title: string }) {
  return <RestoreControl kind="passage" title={title} restore={useRestorePassage(id)} />;
}

function RestoreClaimButton({ id, title }: { id: string; title: string }) {
  return <RestoreControl kind="claim" title={title} restore={useRestoreClaim(id)} />;
}

function RestoreControl({ kind, title, restore }: { kind: string; title: string; restore: UseMutationResult<unknown, Error, void> }) {
  const router = useRouter();
  return (
    <>
      <button
        type="button"
        className="button-secondary"
        disabled={restore.isPending}
        onClick={() => restore.mutate(undefined, { onSuccess: () => router.refresh() })}
        aria-label={`Restore ${kind}: ${title}`}
      >
        {restore.isPending ? "Restoring…" : "Restore"}
      </button>
      {restore.error && (
        <span className="field-error" role="alert">
          {restore.error.message}
        </span>
      )}
    </>
  );
}
