"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { callApi, uploadToApi } from "@/lib/http/api-client";
import { useCreateAttempt } from "@/lib/http/create-attempt";
import type { EndpointBody, EndpointQuery } from "@/lib/http/endpoint";
import { createPassageEndpoint, deletePassageEndpoint, getPassageEndpoint, listPassagesEndpoint, restorePassageEndpoint } from "@/lib/passages/passages.endpoints";

export const passageKeys = {
  all: ["passages"] as const,
  workspace: (workspaceId: string) => ["passages", "workspace", workspaceId] as const,
  list: (workspaceId: string, query: Partial<EndpointQuery<typeof listPassagesEndpoint>>) => ["passages", "workspace", workspaceId, "list", query] as const,
  detail: (passageId: string) => ["passages", "detail", passageId] as const,
};

export function usePassageList(workspaceId: string, query: Partial<EndpointQuery<typeof listPassagesEndpoint>>) {
  return useQuery({
    queryKey: passageKeys.list(workspaceId, query),
    queryFn: ({ signal }) => callApi(listPassagesEndpoint, { params: { workspaceId }, query }, { signal }),
  });
}

/** One passage with its text; nothing is fetched until a passage is chosen (an empty id). */
export function usePassage(passageId: string) {
  return useQuery({
    queryKey: passageKeys.detail(passageId),
    queryFn: ({ signal }) => callApi(getPassageEndpoint, { params: { passageId } }, { signal }),
    enabled: passageId !== "",
  });
}

export type PastedPassage = Exclude<EndpointBody<typeof createPassageEndpoint>, { url: string }>;

/** A passage to import: pasted text as JSON, a file form uploaded with its progress reported, or a web address. */
export type PassageImportRequest =
  | { kind: "text"; input: PastedPassage }
  | { kind: "file"; form: FormData; onProgress: (fraction: number) => void }
  | { kind: "url"; input: { url: string; title?: string } };

export function useImportPassage(workspaceId: string) {
  const queryClient = useQueryClient();
  const attempt = useCreateAttempt();
  const params = { workspaceId };
  return useMutation({
    mutationFn: (request: PassageImportRequest) => {
      if (request.kind !== "file") return callApi(createPassageEndpoint, { params, body: request.input }, { attempt });
      // The same fields and file (by name, size and date) are the same attempt, whatever the multipart boundary.
      const fields = [...request.form.entries()].map(([name, value]) => [name, typeof value === "string" ? value : `${value.name} ${value.size} ${value.lastModified}`]);
      return uploadToApi(createPassageEndpoint, { params, body: request.form }, { attempt, fingerprint: `upload ${JSON.stringify(fields)}`, onProgress: request.onProgress });
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: passageKeys.workspace(workspaceId) }),
  });
}

export function useDeletePassage(workspaceId: string, passageId: string, options: { onSuccess: () => void }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => callApi(deletePassageEndpoint, { params: { passageId } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: passageKeys.workspace(workspaceId) });
      queryClient.removeQueries({ queryKey: passageKeys.detail(passageId) });
      options.onSuccess();
    },
  });
}

/** Brings back a deleted passage (editors, within the restore window), from the deleted-items page. */
export function useRestorePassage(passageId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => callApi(restorePassageEndpoint, { params: { passageId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: passageKeys.all }),
  });
}

export type PassageOption = { id: string; title: string };

/** Every passage's id and title, for pickers and filters (the first 200, newest first). */
export function usePassageOptions(workspaceId: string) {
  const query = { limit: 200 };
  return useQuery({
    queryKey: passageKeys.list(workspaceId, query),
    queryFn: ({ signal }) => callApi(listPassagesEndpoint, { params: { workspaceId }, query }, { signal }),
    select: (page): PassageOption[] => page.items.map(({ id, title }) => ({ id, title })),
    staleTime: 5 * 60_000,
  });
}
