import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { listJobsEndpoint } from "@/lib/jobs/jobs.endpoints";
import { listJobs } from "@/lib/jobs/server/list-jobs";

export const GET = defineRoute(listJobsEndpoint, {
  handler: async ({ actor, params, query }) => ({ body: await listJobs({ actor, workspaceId: params.workspaceId, query }) }),
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
