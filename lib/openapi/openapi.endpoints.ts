import { z } from "zod";
import { endpoint, json } from "@/lib/http/endpoint";

export const openApiDocumentEndpoint = endpoint({
  method: "GET",
  path: "/api/v1/openapi.json",
  summary: "This document: every endpoint of the API, generated from the routes",
  tags: ["Reference"],
  auth: "none",
  responses: { 200: json(z.looseObject({ openapi: z.literal("3.1.0"), paths: z.record(z.string(), z.unknown()) }), "The OpenAPI 3.1 document") },
  errors: [],
});
