import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { getJobEndpoint } from "@/lib/jobs/jobs.endpoints";
import { getJob } from "@/lib/jobs/server/get-job";

export const GET = defineRoute(getJobEndpoint, {
  handler: async ({ actor, params }) => ({ body: await getJob({ actor, workspaceId: params.workspaceId, jobId: params.jobId }) }),
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
