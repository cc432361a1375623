"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { callApi } from "@/lib/http/api-client";
import type { CreateWebhookInput, UpdateWebhookInput, WebhookDelivery } from "@/lib/webhooks/webhook.schemas";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookDeliveriesEndpoint,
  listWebhooksEndpoint,
  redeliverWebhookDeliveryEndpoint,
  updateWebhookEndpoint,
} from "@/lib/webhooks/webhooks.endpoints";

const POLL_MS = 2000;

export const webhookKeys = {
  workspace: (workspaceId: string) => ["webhooks", workspaceId] as const,
  list: (workspaceId: string) => ["webhooks", workspaceId, "list"] as const,
  deliveries: (workspaceId: string, webhookId: string) => ["webhooks", workspaceId, "deliveries", webhookId] as const,
};

const isUnderway = (delivery: WebhookDelivery) => delivery.state === "pending" || delivery.state === "retrying";

export function useWebhooks(workspaceId: string) {
  return useQuery({
    queryKey: webhookKeys.list(workspaceId),
    queryFn: ({ signal }) => callApi(listWebhooksEndpoint, { params: { workspaceId } }, { signal }),
  });
}

/** An endpoint's newest deliveries; refreshed while one is still being tried. */
export function useWebhookDeliveries(workspaceId: string, webhookId: string) {
  return useQuery({
    queryKey: webhookKeys.deliveries(workspaceId, webhookId),
    queryFn: ({ signal }) => callApi(listWebhookDeliveriesEndpoint, { params: { workspaceId, webhookId }, query: { limit: 20 } }, { signal }),
    refetchInterval: (query) => (query.state.data?.items.some(isUnderway) ? POLL_MS : false),
  });
}

export function useCreateWebhook(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateWebhookInput) => callApi(createWebhookEndpoint, { params: { workspaceId }, body: input }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: webhookKeys.workspace(workspaceId) }),
  });
}

export function useUpdateWebhook(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ webhookId, input }: { webhookId: string; input: UpdateWebhookInput }) => callApi(updateWebhookEndpoint, { params: { workspaceId, webhookId }, body: input }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: webhookKeys.workspace(workspaceId) }),
  });
}

export function useDeleteWebhook(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (webhookId: string) => callApi(deleteWebhookEndpoint, { params: { workspaceId, webhookId } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: webhookKeys.workspace(workspaceId) }),
  });
}

export function useRedeliverWebhookDelivery(workspaceId: string, webhookId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) => callApi(redeliverWebhookDeliveryEndpoint, { params: { workspaceId, webhookId, deliveryId } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: webhookKeys.deliveries(workspaceId, webhookId) }),
  });
}
