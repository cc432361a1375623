import { openApiDocument } from "@/lib/openapi/openapi-document";

export function GET(): Response {
  return Response.json(openApiDocument());
}
