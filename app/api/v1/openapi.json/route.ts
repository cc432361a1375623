import { defineOpenRoute } from "@/lib/http/define-route";
import { jsonResponse } from "@/lib/http/json-response";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { openApiDocument } from "@/lib/openapi/openapi-document";
import { openApiDocumentEndpoint } from "@/lib/openapi/openapi.endpoints";

export const GET = defineOpenRoute(openApiDocumentEndpoint, async () => jsonResponse(await openApiDocument()));

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
