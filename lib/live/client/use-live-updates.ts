"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { claimKeys } from "@/lib/claims/client/claim-queries";
import { commentKeys } from "@/lib/comments/client/comment-queries";
import { endpointUrl } from "@/lib/http/api-client";
import { streamWorkspaceEventsEndpoint } from "@/lib/live/live.endpoints";
import type { ChangeEvent, LiveEvent, Viewer } from "@/lib/live/live-events";
import { jobKeys } from "@/lib/jobs/client/job-queries";
import { memberKeys } from "@/lib/members/client/member-queries";
import { ratingKeys } from "@/lib/ratings/client/rating-queries";
import { notificationKeys } from "@/lib/notifications/client/notification-queries";
import { passageKeys } from "@/lib/passages/client/passage-queries";
import { revisionKeys } from "@/lib/revisions/client/revision-queries";

// Several events in quick succession (a bulk change, a burst of typing) cost one refetch.
const REFRESH_DELAY_MS = 150;
const MAX_RETRY_DELAY_MS = 30_000;

export type LiveStatus = "connecting" | "live" | "reconnecting";

/**
 * Keeps the queries of an open page current from the workspace's live stream, and reports who
 * else has the passage open. EventSource reconnects by itself after a dropped connection; when
 * the server refused the stream (closed state) we retry with a growing delay. The status is
 * "reconnecting" while the stream is not open or the server says it is not hearing changes.
 */
export function useLiveUpdates({ workspaceId, passageId = null }: { workspaceId: string; passageId?: string | null }) {
  const queryClient = useQueryClient();
  const [viewers, setViewers] = useState<Viewer[]>([]);
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const pending = useRef<{
    claimIds: Set<string>;
    isEverything: boolean;
    areMembersChanged: boolean;
    areRatingsChanged: boolean;
    areJobsChanged: boolean;
    isRevised: boolean;
    timer: ReturnType<typeof setTimeout> | null;
  }>({
    claimIds: new Set(),
    isEverything: false,
    areMembersChanged: false,
    areRatingsChanged: false,
    areJobsChanged: false,
    isRevised: false,
    timer: null,
  });

  useEffect(() => {
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | null = null;
    let retryDelay = 1000;
    let hasBeenLive = false;
    const batch = pending.current;

    const refresh = () => {
      batch.timer = null;
      const claimIds = [...batch.claimIds];
      const isEverything = batch.isEverything;
      const areMembersChanged = batch.areMembersChanged;
      const areRatingsChanged = batch.areRatingsChanged;
      const isRevised = batch.isRevised;
      const areJobsChanged = batch.areJobsChanged;
      batch.isRevised = false;
      batch.areJobsChanged = false;
      batch.claimIds.clear();
      batch.isEverything = false;
      batch.areMembersChanged = false;
      batch.areRatingsChanged = false;
      if (isEverything || areRatingsChanged) void queryClient.invalidateQueries({ queryKey: ratingKeys.scale(workspaceId) });
      if (isEverything || areMembersChanged) void queryClient.invalidateQueries({ queryKey: memberKeys.workspace(workspaceId) });
      if (isEverything || areJobsChanged) void queryClient.invalidateQueries({ queryKey: jobKeys.workspace(workspaceId) });
      void queryClient.invalidateQueries({ queryKey: claimKeys.workspace(workspaceId) });
      if (passageId) void queryClient.invalidateQueries({ queryKey: claimKeys.passage(passageId) });
      // A saved revision: the open passage moves to the new text (its claims refetch above; open editors keep their drafts).
      if (passageId && (isRevised || isEverything)) {
        void queryClient.invalidateQueries({ queryKey: passageKeys.detail(passageId) });
        void queryClient.invalidateQueries({ queryKey: revisionKeys.passage(passageId) });
      }
      void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
      if (isEverything) {
        void queryClient.invalidateQueries({ queryKey: claimKeys.all });
        void queryClient.invalidateQueries({ queryKey: commentKeys.all });
        return;
      }
      for (const claimId of claimIds) {
        void queryClient.invalidateQueries({ queryKey: claimKeys.detail(claimId) });
        void queryClient.invalidateQueries({ queryKey: claimKeys.history(claimId) });
        void queryClient.invalidateQueries({ queryKey: commentKeys.claim(claimId) });
      }
    };

    const onChange = (event: ChangeEvent) => {
      if (event.actions.some((action) => action.startsWith("member.") || action.startsWith("invitation."))) batch.areMembersChanged = true;
      // A rating renamed changes how every claim with it reads.
      if (event.actions.some((action) => action.startsWith("rating."))) batch.areRatingsChanged = batch.isEverything = true;
      if (event.actions.includes("passage.revised")) batch.isRevised = true;
      // A capture or link check ended (announceEvidenceChange): the claims refetch below; the jobs page shows the job's end.
      if (event.actions.some((action) => action.startsWith("evidence.capture_") || action === "evidence.link_checked")) batch.areJobsChanged = true;
      if (event.claimIds === null) batch.isEverything = true;
      else for (const claimId of event.claimIds) batch.claimIds.add(claimId);
      batch.timer ??= setTimeout(refresh, REFRESH_DELAY_MS);
    };

    const open = () => {
      source = new EventSource(endpointUrl(streamWorkspaceEventsEndpoint, { params: { workspaceId }, query: { passageId } }));
      source.onopen = () => {
        retryDelay = 1000;
        setStatus("live");
        // Whatever changed while we were away is unknown: refetch what the page shows.
        if (hasBeenLive) onChange({ type: "change", workspaceId, actorId: null, claimIds: null, actions: [] });
        hasBeenLive = true;
      };
      source.onmessage = (message: MessageEvent<string>) => {
        let event: LiveEvent;
        try {
          event = JSON.parse(message.data) as LiveEvent;
        } catch {
          return;
        }
        if (event.type === "change") onChange(event);
        else if (event.type === "listener") setStatus("reconnecting");
        else if (event.type === "resync") {
          setStatus("live");
          // The server missed changes while it was not listening: anything on the page may be stale.
          void queryClient.invalidateQueries();
        }
        else if (event.type === "presence" && event.passageId === passageId) setViewers(event.viewers);
      };
      source.onerror = () => {
        setStatus("reconnecting");
        if (source?.readyState !== EventSource.CLOSED) return;
        source.close();
        retryTimer = setTimeout(open, retryDelay);
        retryDelay = Math.min(retryDelay * 2, MAX_RETRY_DELAY_MS);
      };
    };

    open();
    return () => {
      source?.close();
      if (retryTimer) clearTimeout(retryTimer);
      if (batch.timer) clearTimeout(batch.timer);
      batch.timer = null;
    };
  }, [queryClient, workspaceId, passageId]);

  return { viewers, status };
}
