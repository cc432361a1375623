import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { createPassageEndpoint, listPassagesEndpoint } from "@/lib/passages/passages.endpoints";
import { createPassage } from "@/lib/passages/server/create-passage";
import { listPassages } from "@/lib/passages/server/list-passages";
import { passageAnswerReference } from "@/lib/passages/server/passage-answer-reference";
import { readPassageImport } from "@/lib/passages/server/read-passage-import";

export const GET = defineRoute(listPassagesEndpoint, {
  handler: async ({ actor, params, query }) => ({ body: await listPassages({ actor, workspaceId: params.workspaceId, query }) }),
});

export const POST = defineRoute(createPassageEndpoint, {
  readBody: readPassageImport,
  answerReference: passageAnswerReference,
  handler: async ({ actor, params, body }) => ({
    status: 201,
    body: await createPassage({ actor, workspaceId: params.workspaceId, source: body }),
  }),
});

export const { OPTIONS, PUT, PATCH, DELETE } = otherMethods({ GET, POST });
