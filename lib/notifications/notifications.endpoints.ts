import { endpoint, json } from "@/lib/http/endpoint";
import {
  ListNotificationsQuerySchema,
  MarkedNotificationsReadSchema,
  MarkNotificationsReadInputSchema,
  NotificationListSchema,
} from "@/lib/notifications/notification.schemas";

const tags = ["Discussion"];

export const listNotificationsEndpoint = endpoint({
  method: "GET",
  path: "/api/v1/notifications",
  summary: "The caller's notifications (mentions and assignments), newest first, with the unread count",
  tags,
  auth: "required",
  query: ListNotificationsQuerySchema,
  responses: { 200: json(NotificationListSchema, "One page of notifications") },
  errors: [],
});

export const markNotificationsReadEndpoint = endpoint({
  method: "POST",
  path: "/api/v1/notifications/read",
  summary: "Mark some or all of the caller's notifications read",
  tags,
  auth: "required",
  body: MarkNotificationsReadInputSchema,
  responses: { 200: json(MarkedNotificationsReadSchema, "How many were marked, and how many remain unread") },
  errors: [],
});
