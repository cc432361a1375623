import { z } from "zod";
import { WEB_URL_MAX_LENGTH, WebUrlSchema } from "@/lib/evidence/evidence.schemas";
import { PaginationQuerySchema, pageSchema } from "@/lib/http/pagination";
import { IdSchema, text } from "@/lib/http/text.schemas";

export const WEBHOOK_EVENT_TYPES = ["claim.verified", "claim.rejected", "claim.published", "claim.corrected", "passage.created"] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
export const WebhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES).meta({ id: "WebhookEventType" });

export const WEBHOOK_URL_MAX_LENGTH = WEB_URL_MAX_LENGTH;
export const WEBHOOK_DESCRIPTION_MAX_LENGTH = 300;
/** Endpoints per workspace: each event is sent to every one of them. */
export const WEBHOOKS_PER_WORKSPACE = 20;

// The same rule as an evidence link's address (http and https only); where it may point is checked by safe-fetch.
const WebhookUrlSchema = WebUrlSchema;

const EventsSchema = z
  .array(WebhookEventTypeSchema)
  .min(1, "Choose at least one event")
  .max(WEBHOOK_EVENT_TYPES.length)
  .transform((events) => [...new Set(events)]);

export const CreateWebhookInputSchema = z
  .object({
    url: WebhookUrlSchema,
    events: EventsSchema,
    description: text().trim().max(WEBHOOK_DESCRIPTION_MAX_LENGTH).optional(),
  })
  .strict()
  .meta({ id: "CreateWebhookInput" });
export type CreateWebhookInput = z.input<typeof CreateWebhookInputSchema>;

export const UpdateWebhookInputSchema = z
  .object({
    url: WebhookUrlSchema.optional(),
    events: EventsSchema.optional(),
    description: text().trim().max(WEBHOOK_DESCRIPTION_MAX_LENGTH).nullable().optional(),
    isEnabled: z.boolean().optional().describe("Switch the endpoint on again (its failure streak starts over) or off"),
  })
  .strict()
  .meta({ id: "UpdateWebhookInput" });
export type UpdateWebhookInput = z.input<typeof UpdateWebhookInputSchema>;

export const WebhookSchema = z
  .object({
    id: text(),
    url: text(),
    description: text().nullable(),
    events: z.array(WebhookEventTypeSchema),
    isEnabled: z.boolean(),
    disabledReason: text().nullable(),
    failingSince: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Webhook" });
export type Webhook = z.infer<typeof WebhookSchema>;

export const CreatedWebhookSchema = WebhookSchema.extend({
  secret: text().describe("The signing secret, shown this once: keep it where your receiver can read it"),
}).meta({ id: "CreatedWebhook" });
export type CreatedWebhook = z.infer<typeof CreatedWebhookSchema>;

export const WebhookListSchema = z.object({ items: z.array(WebhookSchema) }).meta({ id: "WebhookList" });
export type WebhookList = z.infer<typeof WebhookListSchema>;

export const WebhookDeliveryStateSchema = z.enum(["pending", "retrying", "succeeded", "failed"]).meta({ id: "WebhookDeliveryState" });

export const WebhookDeliverySchema = z
  .object({
    id: text(),
    eventId: text(),
    type: WebhookEventTypeSchema,
    state: WebhookDeliveryStateSchema,
    attempt: z.int().describe("Attempts made so far"),
    httpStatus: z.int().nullable(),
    latencyMs: z.int().nullable(),
    responseExcerpt: text().nullable().describe("The start of the receiver's answer, as plain text"),
    error: text().nullable(),
    lastAttemptAt: z.iso.datetime().nullable(),
    nextRetryAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "WebhookDelivery" });
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;

export const WebhookDeliveryPageSchema = pageSchema(WebhookDeliverySchema).meta({ id: "WebhookDeliveryPage" });
export type WebhookDeliveryPage = z.infer<typeof WebhookDeliveryPageSchema>;

export const WebhookParamsSchema = z.object({ workspaceId: IdSchema, webhookId: IdSchema });
export const WebhookDeliveryParamsSchema = WebhookParamsSchema.extend({ deliveryId: IdSchema });
export const ListWebhookDeliveriesQuerySchema = PaginationQuerySchema;
