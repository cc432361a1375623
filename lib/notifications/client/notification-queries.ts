import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/http/api-fetch";
import type { MarkNotificationsReadInput, NotificationList } from "@/lib/notifications/notification.schemas";

export const notificationKeys = {
  all: ["notifications"] as const,
  unreadCount: ["notifications", "unread-count"] as const,
};

export function useUnreadNotificationCount() {
  return useQuery({
    queryKey: notificationKeys.unreadCount,
    queryFn: ({ signal }) => apiFetch<NotificationList>("/api/v1/notifications?unread=true&limit=1", { signal }).then((list) => list.unreadCount),
  });
}

export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MarkNotificationsReadInput) => apiFetch<{ updated: number; unreadCount: number }>("/api/v1/notifications/read", { body: input }),
    onSuccess: ({ unreadCount }) => queryClient.setQueryData(notificationKeys.unreadCount, unreadCount),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
