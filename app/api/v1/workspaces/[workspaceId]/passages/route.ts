import { serverEnv } from "@/lib/env";
import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { createPassageEndpoint, listPassagesEndpoint } from "@/lib/passages/passages.endpoints";
import { createPassage } from "@/lib/passages/server/create-passage";
import { importPassageFromUrl } from "@/lib/passages/server/import-passage-from-url";
import { listPassages } from "@/lib/passages/server/list-passages";
import { passageAnswerReference } from "@/lib/passages/server/passage-answer-reference";
import { readPassageImport } from "@/lib/passages/server/read-passage-import";

export const GET = defineRoute(listPassagesEndpoint, {
  handler: async ({ actor, params, query }) => ({ body: await listPassages({ actor, workspaceId: params.workspaceId, query }) }),
});

export const POST = defineRoute(createPassageEndpoint, {
  readBody: readPassageImport,
  answerReference: passageAnswerReference,
  handler: async ({ actor, params, body }) => {
    if (body.kind === "url") {
      const outcome = await importPassageFromUrl({ actor, workspaceId: params.workspaceId, input: body.input, waitMs: serverEnv().URL_IMPORT_WAIT_MS });
      return outcome.status === 201 ? { status: 201, body: outcome.passage } : { status: 202, body: { job: outcome.job } };
    }
    return { status: 201, body: await createPassage({ actor, workspaceId: params.workspaceId, source: body }) };
  },
});

export const { OPTIONS, PUT, PATCH, DELETE } = otherMethods({ GET, POST });
