import { defineRoute } from "@/lib/http/define-route";
import { etagHeader, requiredIfMatchVersion } from "@/lib/http/if-match";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { createRevisionEndpoint, listRevisionsEndpoint } from "@/lib/revisions/revisions.endpoints";
import { createRevision } from "@/lib/revisions/server/create-revision";
import { listRevisions } from "@/lib/revisions/server/list-revisions";
import { readRevisionInput } from "@/lib/revisions/server/read-revision-input";
import { revisionAnswerReference } from "@/lib/revisions/server/revision-answer-reference";

export const GET = defineRoute(listRevisionsEndpoint, {
  handler: async ({ actor, params }) => {
    const { current, items } = await listRevisions({ actor, passageId: params.passageId });
    return { body: { items }, headers: etagHeader(current) };
  },
});

export const POST = defineRoute(createRevisionEndpoint, {
  readBody: readRevisionInput,
  answerReference: revisionAnswerReference,
  handler: async ({ actor, params, body, request }) => {
    const expectedRevision = requiredIfMatchVersion(request.headers, "passage revision");
    const answer = await createRevision({ actor, passageId: params.passageId, expectedRevision, source: body });
    return { status: 201, body: answer, headers: etagHeader(answer.revision.number) };
  },
});

export const { OPTIONS, PUT, PATCH, DELETE } = otherMethods({ GET, POST });
