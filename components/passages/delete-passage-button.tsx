"use client";

import { useRouter } from "next/navigation";
import { useDeletePassage } from "@/lib/passages/client/passage-queries";
import { RESTORE_WINDOW_DAYS } from "@/lib/workspaces/restore-window";

export function DeletePassageButton({ workspaceId, passageId }: { workspaceId: string; passageId: string }) {
  const router = useRouter();
  const remove = useDeletePassage(workspaceId, passageId, {
    onSuccess: () => {
      router.push(`/w/${workspaceId}`);
      router.refresh();
    },
  });
  return (
    <>
      <button
        type="button"
        className="button-secondary danger"
        disabled={remove.isPending}
        onClick={() => window.confirm(`Delete this passage and hide its claims? An editor can restore it for ${RESTORE_WINDOW_DAYS} days.`) && remove.mutate()}
      >
        Delete passage
      </button>
      {remove.error && (
        <span className="field-error" role="alert">
          {remove.error.message}
        </span>
      )}
    </>
  );
}
