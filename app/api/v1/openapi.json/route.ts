import { openApiDocument } from "@/lib/openapi/openapi-document";
import { otherMethods } from "@/lib/http/method-not-allowed";

export function GET(): Response {
  return Response.json(openApiDocument());
}

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
