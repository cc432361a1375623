import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { cancelJobEndpoint } from "@/lib/jobs/jobs.endpoints";
import { cancelJob } from "@/lib/jobs/server/manage-job";

export const POST = defineRoute(cancelJobEndpoint, {
  handler: async ({ actor, params }) => ({ body: await cancelJob({ actor, workspaceId: params.workspaceId, jobId: params.jobId }) }),
});

export const { OPTIONS, GET, PUT, PATCH, DELETE } = otherMethods({ POST });
