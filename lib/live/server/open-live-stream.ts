import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { isActorSignedIn } from "@/lib/auth/server/is-actor-signed-in";
import { requireWorkspaceAccess } from "@/lib/auth/server/workspace-access";
import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import type { LiveEvent } from "@/lib/live/live-events";
import { liveHub } from "@/lib/live/server/live-hub";

const HEARTBEAT_MS = 25_000;
const RECONNECT_AFTER_MS = 3000;
// The audit actions after which a member may no longer read the workspace: the stream checks at once.
const ACCESS_ENDING_ACTIONS = new Set(["member.removed", "member.left"]);

/**
 * A Server-Sent Events stream of a workspace's changes, and of who is viewing a passage when one
 * is named. Membership and sign-in are checked again on every heartbeat: the stream of a removed
 * member, or of a session that signed out (or a revoked token), ends. When someone leaves or is
 * removed, every stream of the workspace checks before it sends anything more, so a removed
 * member's open page hears of nothing after their removal.
 */
export async function openLiveStream({
  actor,
  workspaceId,
  passageId,
  signal,
  heartbeatMs = HEARTBEAT_MS,
}: {
  actor: Actor;
  workspaceId: string;
  passageId: string | null;
  signal: AbortSignal;
  /** For tests: how often the caller's access is checked again. */
  heartbeatMs?: number;
}): Promise<Response> {
  await requireWorkspaceAccess(actor, workspaceId, "workspace.read");
  if (passageId) {
    const passage = await db.passage.findFirst({ where: { id: passageId, workspaceId, deletedAt: null }, select: { id: true } });
    if (!passage) throw notFound("This passage");
  }
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { name: true } });
  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  let isOpen = true;
  let close = (_cancelled: boolean) => {};
  const stream = new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
    },
    cancel() {
      close(true);
    },
  });
  const write = (text: string) => {
    if (isOpen) controller?.enqueue(encoder.encode(text));
  };
  const hasAccess = async () => {
    const [membership, isSignedIn] = await Promise.all([
      db.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId: actor.userId } }, select: { role: true } }),
      isActorSignedIn(actor),
    ]);
    return membership !== null && isSignedIn;
  };
  // Events that arrive while access is checked again wait here, in order.
  let held: LiveEvent[] | null = null;
  const send = (event: LiveEvent): void => {
    if (held) {
      held.push(event);
      return;
    }
    if (event.type === "change" && event.actions.some((action) => ACCESS_ENDING_ACTIONS.has(action))) {
      held = [event];
      void hasAccess()
        .catch(() => false)
        .then((isAllowed) => {
          const [checked, ...after] = held ?? [];
          held = null;
          if (!isAllowed) return close(false);
          if (checked) write(`data: ${JSON.stringify(checked)}\n\n`);
          // Another removal among them holds the rest again.
          for (const next of after) send(next);
        });
      return;
    }
    write(`data: ${JSON.stringify(event)}\n\n`);
  };
  write(`retry: ${RECONNECT_AFTER_MS}\n: connected\n\n`);
  // Subscribed before the response goes out: a change committed right after the page connects
  // would otherwise be announced before this stream listens, and that page would never hear of it.
  const unsubscribe = await liveHub().subscribe(
    { workspaceId, passageId, send },
    passageId ? { userId: actor.userId, name: user?.name ?? "Someone" } : null,
  );
  const heartbeat = setInterval(() => {
    void hasAccess()
      .then((isAllowed) => (isAllowed ? write(": heartbeat\n\n") : close(false)))
      .catch(() => undefined);
  }, heartbeatMs);
  close = (cancelled) => {
    if (!isOpen) return;
    isOpen = false;
    clearInterval(heartbeat);
    unsubscribe();
    // A stream the reader cancelled is already closed.
    if (!cancelled) controller?.close();
  };
  if (signal.aborted) close(false);
  else signal.addEventListener("abort", () => close(false), { once: true });

  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      // Proxies such as nginx would otherwise hold events back in a buffer.
      "X-Accel-Buffering": "no",
    },
  });
}
