import "server-only";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { discardListener } from "@/lib/db-listener";
import { serverEnv } from "@/lib/env";
import { LIVE_CHANGE_CHANNEL, LIVE_PRESENCE_CHANNEL, type ChangeEvent, type LiveEvent, type Viewer } from "@/lib/live/live-events";

// One LISTEN connection per app instance fans database notifications out to the open streams of
// that instance. Presence travels the same way, so every instance on one database sees every viewer.

const BEAT_INTERVAL_MS = 20_000;
const VIEWER_EXPIRY_MS = 50_000;
const MAX_RECONNECT_DELAY_MS = 30_000;

type Subscriber = { workspaceId: string; passageId: string | null; send: (event: LiveEvent) => void };
type PresenceMessage =
  | { op: "join" | "beat"; passageId: string; key: string; viewer: Viewer }
  | { op: "leave"; passageId: string; key: string };

export class LiveHub {
  private readonly instanceId = randomUUID();
  private readonly subscribers = new Map<string, Subscriber & { viewer: Viewer | null }>();
  /** passageId → connection key → the viewer and when it was last heard of. */
  private readonly viewers = new Map<string, Map<string, { viewer: Viewer; seenAt: number }>>();
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private reconnectDelay = 1000;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private beatTimer: NodeJS.Timeout | null = null;

  constructor(private readonly databaseUrl: () => string = () => serverEnv().DATABASE_URL) {}

  /** Streams this instance's events for a workspace (and a passage's presence) to `send` until the returned function is called. */
  async subscribe(subscriber: Subscriber, viewer: Viewer | null): Promise<() => void> {
    await this.connection();
    const id = randomUUID();
    this.subscribers.set(id, { ...subscriber, viewer });
    this.startBeating();
    const unsubscribe = () => {
      if (!this.subscribers.delete(id)) return;
      if (subscriber.passageId && viewer) void this.announce({ op: "leave", passageId: subscriber.passageId, key: this.keyOf(id) }).catch(() => undefined);
      if (this.subscribers.size === 0) this.stopBeating();
    };
    if (subscriber.passageId && viewer) {
      try {
        await this.announce({ op: "join", passageId: subscriber.passageId, key: this.keyOf(id), viewer });
      } catch (error) {
        // The stream is never opened, so nothing would ever unsubscribe it.
        unsubscribe();
        throw error;
      }
    }
    if (subscriber.passageId) subscriber.send({ type: "presence", passageId: subscriber.passageId, viewers: this.viewersOf(subscriber.passageId) });
    return unsubscribe;
  }

  /** How this instance's LISTEN connection is named in pg_stat_activity. */
  get listenerName(): string {
    return `claimdesk-live-${this.instanceId.slice(0, 8)}`;
  }

  private keyOf(subscriptionId: string): string {
    return `${this.instanceId}:${subscriptionId}`;
  }

  private async connection(): Promise<pg.Client> {
    if (this.client) return this.client;
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.databaseUrl(), application_name: this.listenerName });
    client.on("notification", (message) => this.onNotification(message.channel, message.payload ?? ""));
    client.on("error", () => this.onConnectionLost(client));
    client.on("end", () => this.onConnectionLost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${LIVE_CHANGE_CHANNEL}`);
      await client.query(`LISTEN ${LIVE_PRESENCE_CHANNEL}`);
    } catch (error) {
      discardListener(client);
      throw error;
    }
    this.client = client;
    this.reconnectDelay = 1000;
    return client;
  }

  private onConnectionLost(client: pg.Client) {
    if (this.client !== client) return;
    this.client = null;
    discardListener(client);
    if (this.subscribers.size === 0) return;
    console.error("Live updates: the LISTEN connection to the database was lost; reconnecting.");
    for (const subscriber of this.subscribers.values()) subscriber.send({ type: "listener", state: "down" });
    this.scheduleReconnect();
  }

  /** Retries with a growing delay for as long as anyone is subscribed; a later subscriber reconnects by itself. */
  private scheduleReconnect() {
    if (this.reconnectTimer) return;
    const delay = this.reconnectDelay;
    this.reconnectDelay = Math.min(delay * 2, MAX_RECONNECT_DELAY_MS);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (this.subscribers.size === 0) return;
      this.connection().then(
        () => {
          console.log("Live updates: listening to the database again; open pages refetch what they show.");
          // Changes made while we were deaf are unknown: every open page refetches what it shows.
          for (const subscriber of this.subscribers.values()) subscriber.send({ type: "resync" });
          void this.beat().catch(() => undefined);
        },
        (error: unknown) => {
          console.error(`Live updates: reconnecting failed (${error instanceof Error ? error.message : String(error)}); retrying in ${this.reconnectDelay / 1000} s.`);
          this.scheduleReconnect();
        },
      );
    }, delay);
    this.reconnectTimer.unref();
  }

  private onNotification(channel: string, payload: string) {
    let message: unknown;
    try {
      message = JSON.parse(payload);
    } catch {
      return;
    }
    if (channel === LIVE_CHANGE_CHANNEL) {
      const event = message as ChangeEvent;
      for (const subscriber of this.subscribers.values()) if (subscriber.workspaceId === event.workspaceId) subscriber.send(event);
    } else if (channel === LIVE_PRESENCE_CHANNEL) {
      this.onPresence(message as PresenceMessage);
    }
  }

  private onPresence(message: PresenceMessage) {
    const before = this.viewerNames(message.passageId);
    const passageViewers = this.viewers.get(message.passageId) ?? new Map<string, { viewer: Viewer; seenAt: number }>();
    if (message.op === "leave") passageViewers.delete(message.key);
    else passageViewers.set(message.key, { viewer: message.viewer, seenAt: Date.now() });
    this.viewers.set(message.passageId, passageViewers);
    // A newcomer knows nobody yet: every instance answers a join with its own viewers of that passage.
    if (message.op === "join" && !message.key.startsWith(this.instanceId)) void this.beat(message.passageId);
    if (before !== this.viewerNames(message.passageId)) this.broadcastPresence(message.passageId);
  }

  private viewersOf(passageId: string): Viewer[] {
    const byUser = new Map<string, Viewer>();
    for (const { viewer } of this.viewers.get(passageId)?.values() ?? []) byUser.set(viewer.userId, viewer);
    return [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  private viewerNames(passageId: string): string {
    return this.viewersOf(passageId)
      .map((viewer) => viewer.userId)
      .join(",");
  }

  private broadcastPresence(passageId: string) {
    const event: LiveEvent = { type: "presence", passageId, viewers: this.viewersOf(passageId) };
    for (const subscriber of this.subscribers.values()) if (subscriber.passageId === passageId) subscriber.send(event);
  }

  private async announce(message: PresenceMessage): Promise<void> {
    const client = await this.connection();
    await client.query("SELECT pg_notify($1, $2)", [LIVE_PRESENCE_CHANNEL, JSON.stringify(message)]);
  }

  /** Re-announces this instance's viewers (of one passage, or all) and forgets viewers nobody has heard of lately. */
  private async beat(onlyPassageId?: string): Promise<void> {
    for (const [id, subscriber] of this.subscribers) {
      if (!subscriber.passageId || !subscriber.viewer || (onlyPassageId && subscriber.passageId !== onlyPassageId)) continue;
      await this.announce({ op: "beat", passageId: subscriber.passageId, key: this.keyOf(id), viewer: subscriber.viewer });
    }
    if (onlyPassageId) return;
    const now = Date.now();
    for (const [passageId, passageViewers] of this.viewers) {
      const before = this.viewerNames(passageId);
      for (const [key, entry] of passageViewers) if (now - entry.seenAt > VIEWER_EXPIRY_MS) passageViewers.delete(key);
      if (passageViewers.size === 0) this.viewers.delete(passageId);
      if (before !== this.viewerNames(passageId)) this.broadcastPresence(passageId);
    }
  }

  private startBeating() {
    this.beatTimer ??= setInterval(() => void this.beat().catch(() => undefined), BEAT_INTERVAL_MS);
    this.beatTimer.unref();
  }

  private stopBeating() {
    if (this.beatTimer) clearInterval(this.beatTimer);
    this.beatTimer = null;
  }
}

const globalForLive = globalThis as unknown as { claimdeskLiveHub?: LiveHub };

/** The instance's one hub (kept across hot reloads in development). */
export function liveHub(): LiveHub {
  globalForLive.claimdeskLiveHub ??= new LiveHub();
  return globalForLive.claimdeskLiveHub;
}
