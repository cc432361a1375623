import { createClaimEndpoint, listPassageClaimsEndpoint } from "@/lib/claims/claims.endpoints";
import { createClaim } from "@/lib/claims/server/create-claim";
import { ifNoneMatchTags, readPassageClaimsJson } from "@/lib/claims/server/read-passage-claims-json";
import { defineRoute } from "@/lib/http/define-route";
import { etagHeader } from "@/lib/http/if-match";
import { otherMethods } from "@/lib/http/method-not-allowed";

// Browsers keep the answer but ask again each time (If-None-Match), and get a 304 while it is current.
const REVALIDATE = { "Cache-Control": "private, no-cache" };

export const GET = defineRoute(listPassageClaimsEndpoint, {
  handler: async ({ actor, params, query, request }) => {
    const answer = await readPassageClaimsJson({ actor, passageId: params.passageId, query, ifNoneMatch: ifNoneMatchTags(request.headers) });
    const headers = { ETag: answer.etag, ...REVALIDATE };
    if (answer.isNotModified) return new Response(null, { status: 304, headers });
    return { json: answer.bytes, headers };
  },
});

export const POST = defineRoute(createClaimEndpoint, {
  handler: async ({ actor, params, body }) => {
    const claim = await createClaim({ actor, passageId: params.passageId, input: body });
    return { status: 201, body: claim, headers: etagHeader(claim.version) };
  },
});

export const { OPTIONS, PUT, PATCH, DELETE } = otherMethods({ GET, POST });
