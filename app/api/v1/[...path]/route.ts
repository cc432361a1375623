import type { NextRequest } from "next/server";
import { AppError } from "@/lib/http/errors";
import { jsonResponse } from "@/lib/http/json-response";

// Every /api/v1 path without a route of its own: the API's 404 in its error shape, for any method,
// instead of Next.js's HTML page.
function unknownEndpoint(request: NextRequest): Response {
  const error = new AppError("not_found", `There is no API endpoint ${request.method} ${request.nextUrl.pathname}; the endpoints are listed in /api/v1/openapi.json.`);
  return jsonResponse(error.toBody(), { status: error.status });
}

export const GET = unknownEndpoint;
export const POST = unknownEndpoint;
export const PUT = unknownEndpoint;
export const PATCH = unknownEndpoint;
export const DELETE = unknownEndpoint;
export const OPTIONS = unknownEndpoint;
