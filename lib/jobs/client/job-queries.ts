"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { callApi } from "@/lib/http/api-client";
import type { Page } from "@/lib/http/pagination";
import { type Job, PENDING_JOB_STATES } from "@/lib/jobs/job.schemas";
import { cancelJobEndpoint, getJobEndpoint, listJobsEndpoint, retryJobEndpoint } from "@/lib/jobs/jobs.endpoints";

const POLL_MS = 1000;

export const jobKeys = {
  workspace: (workspaceId: string) => ["jobs", workspaceId] as const,
  list: (workspaceId: string) => ["jobs", workspaceId, "list"] as const,
  detail: (workspaceId: string, jobId: string) => ["jobs", workspaceId, "detail", jobId] as const,
};

const isPending = (job: Job | undefined) => job !== undefined && PENDING_JOB_STATES.includes(job.state);

/** A job followed until it finishes (the import form while a URL is fetched); nothing is fetched without an id. */
export function useJob(workspaceId: string, jobId: string | null) {
  return useQuery({
    queryKey: jobKeys.detail(workspaceId, jobId ?? ""),
    queryFn: ({ signal }) => callApi(getJobEndpoint, { params: { workspaceId, jobId: jobId ?? "" } }, { signal }),
    enabled: jobId !== null,
    refetchInterval: (query) => (query.state.data === undefined || isPending(query.state.data) ? POLL_MS : false),
  });
}

/** The workspace's newest jobs (`initialData`: the server's render); refreshed while any of them is still pending. */
export function useJobList(workspaceId: string, initialData?: Page<Job>) {
  return useQuery({
    queryKey: jobKeys.list(workspaceId),
    initialData,
    queryFn: ({ signal }) => callApi(listJobsEndpoint, { params: { workspaceId }, query: { limit: 100 } }, { signal }),
    refetchInterval: (query) => (query.state.data?.items.some(isPending) ? POLL_MS * 2 : false),
  });
}

export function useManageJob(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ jobId, action }: { jobId: string; action: "retry" | "cancel" }) =>
      callApi(action === "retry" ? retryJobEndpoint : cancelJobEndpoint, { params: { workspaceId, jobId } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: jobKeys.workspace(workspaceId) }),
  });
}
