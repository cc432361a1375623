import { endpoint, json } from "@/lib/http/endpoint";
import { pageSchema } from "@/lib/http/pagination";
import { JobParamsSchema, JobSchema, ListJobsQuerySchema } from "@/lib/jobs/job.schemas";
import { WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";

const tags = ["Jobs"];

export const listJobsEndpoint = endpoint({
  method: "GET",
  path: "/api/v1/workspaces/{workspaceId}/jobs",
  summary: "A workspace's background jobs (imports by URL…), newest first; editor or higher",
  tags,
  auth: "required",
  params: WorkspaceIdParamsSchema,
  query: ListJobsQuerySchema,
  responses: { 200: json(pageSchema(JobSchema), "A page of jobs") },
  errors: ["not_found", "forbidden"],
});

export const getJobEndpoint = endpoint({
  method: "GET",
  path: "/api/v1/workspaces/{workspaceId}/jobs/{jobId}",
  summary: "One job, to follow its progress; the person who started it, or an editor or owner",
  tags,
  auth: "required",
  params: JobParamsSchema,
  responses: { 200: json(JobSchema, "The job") },
  errors: ["not_found", "forbidden"],
});

export const retryJobEndpoint = endpoint({
  method: "POST",
  path: "/api/v1/workspaces/{workspaceId}/jobs/{jobId}/retry",
  summary: "Run a failed or cancelled job again; owner",
  tags,
  auth: "required",
  params: JobParamsSchema,
  responses: { 200: json(JobSchema, "The job, queued again") },
  errors: ["not_found", "forbidden", "conflict"],
});

export const cancelJobEndpoint = endpoint({
  method: "POST",
  path: "/api/v1/workspaces/{workspaceId}/jobs/{jobId}/cancel",
  summary: "Cancel a job that has not finished; owner",
  description: "A queued job never runs. A running one is not interrupted, but its outcome is not recorded as done.",
  tags,
  auth: "required",
  params: JobParamsSchema,
  responses: { 200: json(JobSchema, "The cancelled job") },
  errors: ["not_found", "forbidden", "conflict"],
});

