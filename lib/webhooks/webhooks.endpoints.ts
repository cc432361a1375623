import { endpoint, json, noContent } from "@/lib/http/endpoint";
import {
  CreatedWebhookSchema,
  CreateWebhookInputSchema,
  ListWebhookDeliveriesQuerySchema,
  UpdateWebhookInputSchema,
  WebhookDeliveryPageSchema,
  WebhookDeliveryParamsSchema,
  WebhookDeliverySchema,
  WebhookListSchema,
  WebhookParamsSchema,
  WebhookSchema,
} from "@/lib/webhooks/webhook.schemas";
import { WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";

const tags = ["Webhooks"];

export const listWebhooksEndpoint = endpoint({
  method: "GET",
  path: "/api/v1/workspaces/{workspaceId}/webhooks",
  summary: "The workspace's webhook endpoints (owners), without their secrets",
  tags,
  auth: "required",
  params: WorkspaceIdParamsSchema,
  responses: { 200: json(WebhookListSchema, "Every endpoint, oldest first") },
  errors: ["forbidden", "not_found"],
});

export const createWebhookEndpoint = endpoint({
  method: "POST",
  path: "/api/v1/workspaces/{workspaceId}/webhooks",
  summary: "Register an endpoint for the workspace's events (owners); the signing secret is in this answer only",
  description:
    "The URL must be a public http(s) address (checked as every server-side fetch is; else 400 `url_not_allowed`). Deliveries are signed POSTs: see docs/webhooks.md for the body, headers and the verification recipe.",
  tags,
  auth: "required",
  params: WorkspaceIdParamsSchema,
  body: CreateWebhookInputSchema,
  isIdempotent: true,
  responses: { 201: json(CreatedWebhookSchema, "The new endpoint with its secret") },
  errors: ["forbidden", "not_found", "conflict", "url_not_allowed", "fetch_failed"],
});

export const updateWebhookEndpoint = endpoint({
  method: "PATCH",
  path: "/api/v1/workspaces/{workspaceId}/webhooks/{webhookId}",
  summary: "Change an endpoint's URL, events or description, or switch it on or off (owners)",
  tags,
  auth: "required",
  params: WebhookParamsSchema,
  body: UpdateWebhookInputSchema,
  responses: { 200: json(WebhookSchema, "The changed endpoint") },
  errors: ["forbidden", "not_found", "url_not_allowed", "fetch_failed"],
});

export const deleteWebhookEndpoint = endpoint({
  method: "DELETE",
  path: "/api/v1/workspaces/{workspaceId}/webhooks/{webhookId}",
  summary: "Delete an endpoint and its deliveries log (owners)",
  tags,
  auth: "required",
  params: WebhookParamsSchema,
  responses: { 204: noContent("Deleted") },
  errors: ["forbidden", "not_found"],
});

export const listWebhookDeliveriesEndpoint = endpoint({
  method: "GET",
  path: "/api/v1/workspaces/{workspaceId}/webhooks/{webhookId}/deliveries",
  summary: "An endpoint's deliveries, newest first: state, HTTP status, latency, the start of the answer, attempts and the next retry (owners)",
  tags,
  auth: "required",
  params: WebhookParamsSchema,
  query: ListWebhookDeliveriesQuerySchema,
  responses: { 200: json(WebhookDeliveryPageSchema, "One page of deliveries") },
  errors: ["forbidden", "not_found"],
});

export const redeliverWebhookDeliveryEndpoint = endpoint({
  method: "POST",
  path: "/api/v1/workspaces/{workspaceId}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver",
  summary: "Send a finished delivery again, with the same event id and a fresh signature (owners)",
  tags,
  auth: "required",
  params: WebhookDeliveryParamsSchema,
  responses: { 202: json(WebhookDeliverySchema, "The delivery, queued again") },
  errors: ["forbidden", "not_found", "conflict"],
});
