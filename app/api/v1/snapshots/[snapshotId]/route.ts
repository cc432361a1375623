import { getSnapshotEndpoint } from "@/lib/capture/capture.endpoints";
import { readSnapshot } from "@/lib/capture/server/read-snapshot";
import { snapshotResponse } from "@/lib/capture/server/snapshot-response";
import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const GET = defineRoute(getSnapshotEndpoint, {
  handler: async ({ actor, params }) => snapshotResponse(await readSnapshot({ actor, snapshotId: params.snapshotId })),
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
