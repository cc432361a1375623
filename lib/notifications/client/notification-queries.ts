"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { callApi } from "@/lib/http/api-client";
import type { MarkNotificationsReadInput } from "@/lib/notifications/notification.schemas";
import { listNotificationsEndpoint, markNotificationsReadEndpoint } from "@/lib/notifications/notifications.endpoints";

export const notificationKeys = {
  all: ["notifications"] as const,
  unreadCount: ["notifications", "unread-count"] as const,
};

export function useUnreadNotificationCount() {
  return useQuery({
    queryKey: notificationKeys.unreadCount,
    queryFn: ({ signal }) => callApi(listNotificationsEndpoint, { query: { unread: "true", limit: 1 } }, { signal }).then((list) => list.unreadCount),
  });
}

export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MarkNotificationsReadInput) => callApi(markNotificationsReadEndpoint, { body: input }),
    onSuccess: ({ unreadCount }) => queryClient.setQueryData(notificationKeys.unreadCount, unreadCount),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
