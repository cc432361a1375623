"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { claimKeys } from "@/lib/claims/client/claim-queries";
import type { ClaimSummary } from "@/lib/claims/claim.schemas";
import { listClaimsEndpoint } from "@/lib/claims/claims.endpoints";
import { callApi, uploadToApi } from "@/lib/http/api-client";
import { useCreateAttempt } from "@/lib/http/create-attempt";
import { passageKeys } from "@/lib/passages/client/passage-queries";
import type { Passage } from "@/lib/passages/passage.schemas";
import { getPassageEndpoint, listPassagesEndpoint } from "@/lib/passages/passages.endpoints";
import type { Job } from "@/lib/jobs/job.schemas";
import type { CreateRevisionAnswer, SetClaimAnchorInput } from "@/lib/revisions/revision.schemas";
import { createRevisionEndpoint, getRevisionEndpoint, listRevisionsEndpoint, setClaimAnchorEndpoint } from "@/lib/revisions/revisions.endpoints";

/** Revisions' query keys; live updates invalidate `passage(id)` when a revision is saved. */
export const revisionKeys = {
  all: ["revisions"] as const,
  passage: (passageId: string) => ["revisions", passageId] as const,
  list: (passageId: string) => ["revisions", passageId, "list"] as const,
  one: (passageId: string, number: number) => ["revisions", passageId, "number", number] as const,
  /** The workspace's anchor queue, under the workspace's claims so every claim change refreshes it. */
  queue: (workspaceId: string) => [...claimKeys.workspace(workspaceId), "anchor-queue"] as const,
};

/** Every query a saved revision touches: the passage's text, its revisions, its claims and the workspace's lists of claims. */
function revisionTouchedKeys(passageId: string, workspaceId: string) {
  return [passageKeys.detail(passageId), revisionKeys.passage(passageId), claimKeys.passage(passageId), claimKeys.workspace(workspaceId)];
}

/** The passage at its newest revision, starting from what the page rendered; live updates refetch it after a revision. */
export function useCurrentPassage(initial: Passage) {
  return useQuery({
    queryKey: passageKeys.detail(initial.id),
    queryFn: ({ signal }) => callApi(getPassageEndpoint, { params: { passageId: initial.id } }, { signal }),
    initialData: initial,
    staleTime: Infinity,
  });
}

export function usePassageRevisions(passageId: string, isEnabled = true) {
  return useQuery({
    queryKey: revisionKeys.list(passageId),
    queryFn: ({ signal }) => callApi(listRevisionsEndpoint, { params: { passageId } }, { signal }).then((list) => list.items),
    enabled: isEnabled,
  });
}

/** One revision's text; revisions never change, so it is fetched once. */
export function useRevision(passageId: string, number: number | null) {
  return useQuery({
    queryKey: revisionKeys.one(passageId, number ?? 0),
    queryFn: ({ signal }) => callApi(getRevisionEndpoint, { params: { passageId, number: number ?? 1 } }, { signal }),
    enabled: number !== null,
    staleTime: Infinity,
  });
}

export type RevisionRequest = { kind: "text"; text: string; note?: string } | { kind: "file"; form: FormData };

type CreateRevisionResponse = CreateRevisionAnswer | { job: Job };

/** Text and files are saved within the request; only a revision fetched from a web address can answer 202 with a job. */
function savedNow(answer: CreateRevisionResponse): CreateRevisionAnswer {
  if ("job" in answer) throw new Error("The server queued a revision that should have been saved at once.");
  return answer;
}

/** Saves a new revision of a passage of the workspace on top of revision `baseRevision` (If-Match); 412 when someone revised it meanwhile. */
export function useCreateRevision(workspaceId: string) {
  const queryClient = useQueryClient();
  const attempt = useCreateAttempt();
  return useMutation({
    mutationFn: ({ passageId, request, baseRevision }: { passageId: string; request: RevisionRequest; baseRevision: number }) => {
      const params = { passageId };
      const headers = { "If-Match": `"${baseRevision}"` };
      if (request.kind === "text") {
        return callApi(createRevisionEndpoint, { params, body: { text: request.text, note: request.note } }, { attempt, headers }).then(savedNow);
      }
      const fields = [...request.form.entries()].map(([name, value]) => [name, typeof value === "string" ? value : `${value.name} ${value.size} ${value.lastModified}`]);
      return uploadToApi(createRevisionEndpoint, { params, body: request.form }, { attempt, headers, fingerprint: `revision ${passageId} ${baseRevision} ${JSON.stringify(fields)}` }).then(savedNow);
    },
    onSuccess: (answer) => {
      queryClient.setQueryData(passageKeys.detail(answer.passage.id), answer.passage);
      for (const queryKey of revisionTouchedKeys(answer.passage.id, workspaceId)) void queryClient.invalidateQueries({ queryKey });
      void queryClient.invalidateQueries({ queryKey: passageKeys.workspace(workspaceId) });
    },
  });
}

/**
 * Fetches a passage's page again and saves it as the next revision of the passage as it is now (the
 * import form shows only its title, so the newest revision is the one the person means; If-Match still
 * guards against one saved between the two requests): the saved revision (201), or the job fetching it (202).
 */
export function useReviseFromUrl(workspaceId: string) {
  const queryClient = useQueryClient();
  const attempt = useCreateAttempt();
  return useMutation({
    mutationFn: async ({ passageId, url }: { passageId: string; url: string }): Promise<CreateRevisionResponse> => {
      const current = await callApi(getPassageEndpoint, { params: { passageId } });
      return callApi(createRevisionEndpoint, { params: { passageId }, body: { url } }, { attempt, headers: { "If-Match": `"${current.revision}"` } });
    },
    onSuccess: (answer, { passageId }) => {
      if (!("job" in answer)) queryClient.setQueryData(passageKeys.detail(passageId), answer.passage);
      for (const queryKey of revisionTouchedKeys(passageId, workspaceId)) void queryClient.invalidateQueries({ queryKey });
      void queryClient.invalidateQueries({ queryKey: passageKeys.workspace(workspaceId) });
    },
  });
}

const QUEUE_LIMIT = 100;

/** Claims whose anchor awaits a person (changed, or orphaned and not confirmed), oldest first. */
export function useAnchorQueue(workspaceId: string) {
  return useQuery({
    queryKey: revisionKeys.queue(workspaceId),
    queryFn: ({ signal }) =>
      callApi(listClaimsEndpoint, { params: { workspaceId }, query: { needsReview: "true", sort: "created_asc", limit: QUEUE_LIMIT } }, { signal }),
  });
}

/** Confirms, re-places or orphans a claim's anchor from the version the person saw. */
export function useSetClaimAnchor(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ claim, input }: { claim: Pick<ClaimSummary, "id" | "version">; input: SetClaimAnchorInput }) =>
      callApi(setClaimAnchorEndpoint, { params: { claimId: claim.id }, body: input }, { headers: { "If-Match": `"${claim.version}"` } }),
    onSuccess: (claim) => {
      void queryClient.invalidateQueries({ queryKey: claimKeys.workspace(workspaceId) });
      void queryClient.invalidateQueries({ queryKey: claimKeys.passage(claim.passageId) });
      void queryClient.invalidateQueries({ queryKey: claimKeys.detail(claim.id) });
    },
  });
}

/** Looks up a passage of the workspace imported from the same address, before an import makes a duplicate. */
export function useFindPassageBySource(workspaceId: string) {
  const queryClient = useQueryClient();
  return (sourceUrl: string) =>
    queryClient
      .fetchQuery({
        queryKey: [...passageKeys.workspace(workspaceId), "by-source", sourceUrl],
        queryFn: ({ signal }) => callApi(listPassagesEndpoint, { params: { workspaceId }, query: { sourceUrl, limit: 1 } }, { signal }),
        staleTime: 0,
      })
      .then((page) => page.items[0] ?? null);
}
