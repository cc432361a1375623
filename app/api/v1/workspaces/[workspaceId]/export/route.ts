import { CLAIM_COUNT_HEADER } from "@/lib/exports/export.schemas";
import { exportClaimsEndpoint } from "@/lib/exports/exports.endpoints";
import { exportClaims } from "@/lib/exports/server/export-claims";
import { publicOrigin } from "@/lib/http/client-address";
import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const GET = defineRoute(exportClaimsEndpoint, {
  handler: async ({ actor, params, query, request }) => {
    const download = await exportClaims({ actor, workspaceId: params.workspaceId, query, appUrl: publicOrigin(request) });
    return new Response(download.body, {
      headers: {
        "Content-Type": download.contentType,
        "Content-Disposition": `attachment; filename="${download.fileName}"`,
        [CLAIM_COUNT_HEADER]: String(download.claimCount),
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
