import { z } from "zod";
import { IdSchema, text } from "@/lib/http/text.schemas";
import { PaginationQuerySchema } from "@/lib/http/pagination";

export const NOTIFICATION_KINDS = ["mention", "assignment", "webhook_disabled"] as const;

export const NotificationSchema = z
  .object({
    id: text(),
    kind: z.enum(NOTIFICATION_KINDS),
    workspace: z.object({ id: text(), name: text() }),
    actor: z.object({ id: text(), name: text() }).nullable(),
    claim: z.object({ id: text(), passageId: text(), statement: text() }).nullable(),
    commentExcerpt: text().nullable().describe("The start of the comment that mentioned you, as plain text"),
    readAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Notification" });

export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationListSchema = z
  .object({ items: z.array(NotificationSchema), nextCursor: text().nullable(), unreadCount: z.int() })
  .meta({ id: "NotificationList" });

export type NotificationList = z.infer<typeof NotificationListSchema>;

export const ListNotificationsQuerySchema = PaginationQuerySchema.extend({
  unread: z
    .enum(["true", "false"])
    .optional()
    .transform((value) => value === "true"),
});

export const MarkNotificationsReadInputSchema = z
  .object({
    ids: z.array(IdSchema).min(1).max(500).optional().describe("Omit to mark every notification read"),
  })
  .strict()
  .meta({ id: "MarkNotificationsReadInput" });

export type MarkNotificationsReadInput = z.infer<typeof MarkNotificationsReadInputSchema>;

export const MarkedNotificationsReadSchema = z
  .object({ updated: z.int().describe("How many were marked read now"), unreadCount: z.int().describe("How many remain unread") })
  .meta({ id: "MarkedNotificationsRead" });

export type MarkedNotificationsRead = z.infer<typeof MarkedNotificationsReadSchema>;
