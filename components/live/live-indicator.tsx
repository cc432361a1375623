"use client";

import { useLiveUpdates } from "@/lib/live/client/use-live-updates";

type LiveIndicatorProps = { workspaceId: string; passageId?: string; currentUserId: string };

/** Keeps the page live and says so; on a passage, also names who else has it open. */
export function LiveIndicator({ workspaceId, passageId, currentUserId }: LiveIndicatorProps) {
  const { viewers, status } = useLiveUpdates({ workspaceId, passageId });
  const others = viewers.filter((viewer) => viewer.userId !== currentUserId);
  return (
    <p className="live-indicator" aria-live="polite">
      <span className={`live-dot live-${status}`} aria-hidden="true" />
      {status === "live" ? "Live" : status === "connecting" ? "Connecting…" : "Reconnecting…"}
      {passageId && others.length > 0 && (
        <span className="live-viewers">
          {" · "}Also viewing: {others.map((viewer) => viewer.name).join(", ")}
        </span>
      )}
    </p>
  );
}
