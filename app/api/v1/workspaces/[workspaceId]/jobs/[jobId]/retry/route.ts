import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { retryJobEndpoint } from "@/lib/jobs/jobs.endpoints";
import { retryJob } from "@/lib/jobs/server/manage-job";

export const POST = defineRoute(retryJobEndpoint, {
  handler: async ({ actor, params }) => ({ body: await retryJob({ actor, workspaceId: params.workspaceId, jobId: params.jobId }) }),
});

export const { OPTIONS, GET, PUT, PATCH, DELETE } = otherMethods({ POST });
