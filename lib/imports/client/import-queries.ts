"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { claimKeys } from "@/lib/claims/client/claim-queries";
import { uploadToApi } from "@/lib/http/api-client";
import { useCreateAttempt } from "@/lib/http/create-attempt";
import { importClaimsEndpoint } from "@/lib/imports/imports.endpoints";
import { passageKeys } from "@/lib/passages/client/passage-queries";

/** Imports a JSONL export (by its extension) or a Web Annotation file; sending the same file again reuses its Idempotency-Key. */
export function useImportClaims(workspaceId: string) {
  const queryClient = useQueryClient();
  const attempt = useCreateAttempt();
  return useMutation({
    mutationFn: (file: File) =>
      uploadToApi(
        importClaimsEndpoint,
        { params: { workspaceId }, body: file, contentType: /\.(jsonl|ndjson)$/i.test(file.name) ? "application/x-ndjson" : "application/json" },
        { attempt, fingerprint: `${file.name} ${file.size} ${file.lastModified}` },
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: claimKeys.workspace(workspaceId) });
      void queryClient.invalidateQueries({ queryKey: passageKeys.workspace(workspaceId) });
    },
  });
}
