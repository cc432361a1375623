"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { apiFetch } from "@/lib/http/api-fetch";

export function RestoreButton({ kind, id, title }: { kind: "passage" | "claim"; id: string; title: string }) {
  const router = useRouter();
  const restore = useMutation({
    mutationFn: () => apiFetch<unknown>(`/api/v1/${kind === "passage" ? "passages" : "claims"}/${id}/restore`, { method: "POST" }),
    onSuccess: () => router.refresh(),
  });
  return (
    <>
      <button type="button" className="button-secondary" disabled={restore.isPending} onClick={() => restore.mutate()} aria-label={`Restore ${kind}: ${title}`}>
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
