import { defineRoute } from "@/lib/http/define-route";
import { ListPassagesQuerySchema } from "@/lib/passages/passage.schemas";
import { createPassage } from "@/lib/passages/server/create-passage";
import { listPassages } from "@/lib/passages/server/list-passages";
import { passageAnswerReference } from "@/lib/passages/server/passage-answer-reference";
import { readPassageImport } from "@/lib/passages/server/read-passage-import";
import { WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const GET = defineRoute({
  auth: "required",
  params: WorkspaceIdParamsSchema,
  query: ListPassagesQuerySchema,
  handler: async ({ actor, params, query }) => ({ body: await listPassages({ actor, workspaceId: params.workspaceId, query }) }),
});

export const POST = defineRoute({
  auth: "required",
  params: WorkspaceIdParamsSchema,
  readBody: readPassageImport,
  isIdempotent: true,
  answerReference: passageAnswerReference,
  handler: async ({ actor, params, body }) => ({
    status: 201,
    body: await createPassage({ actor, workspaceId: params.workspaceId, source: body }),
  }),
});

export const { OPTIONS, PUT, PATCH, DELETE } = otherMethods({ GET, POST });
