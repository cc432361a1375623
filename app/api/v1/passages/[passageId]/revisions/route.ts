import { serverEnv } from "@/lib/env";
import { defineRoute } from "@/lib/http/define-route";
import { etagHeader, requiredIfMatchVersion } from "@/lib/http/if-match";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { createRevisionEndpoint, listRevisionsEndpoint } from "@/lib/revisions/revisions.endpoints";
import { createRevision } from "@/lib/revisions/server/create-revision";
import { listRevisions } from "@/lib/revisions/server/list-revisions";
import { readRevisionInput } from "@/lib/revisions/server/read-revision-input";
import { reviseFromUrl } from "@/lib/revisions/server/revise-from-url";
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
    if (body.kind === "url") {
      const outcome = await reviseFromUrl({ actor, passageId: params.passageId, expectedRevision, input: body.input, waitMs: serverEnv().URL_IMPORT_WAIT_MS });
      if (outcome.status === 202) return { status: 202, body: { job: outcome.job } };
      return { status: 201, body: outcome.answer, headers: etagHeader(outcome.answer.revision.number) };
    }
    const answer = await createRevision({ actor, passageId: params.passageId, expectedRevision, source: body });
    return { status: 201, body: answer, headers: etagHeader(answer.revision.number) };
  },
});

export const { OPTIONS, PUT, PATCH, DELETE } = otherMethods({ GET, POST });
