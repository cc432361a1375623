// What the live stream of a workspace carries to open pages. Shared by the server and the browser.

export type Viewer = { userId: string; name: string };

/** Something changed in a workspace; the page refetches what it shows of these claims. */
export type ChangeEvent = {
  type: "change";
  workspaceId: string;
  actorId: string | null;
  /** null when a change touched too many claims to list: refetch everything. */
  claimIds: string[] | null;
  actions: string[];
};

/** Who has a passage open right now, across every app instance. */
export type PresenceEvent = { type: "presence"; passageId: string; viewers: Viewer[] };

/** The server stopped hearing of changes (its database connection dropped); pages say they are reconnecting. */
export type ListenerEvent = { type: "listener"; state: "down" };

/** The server hears changes again but missed some meanwhile: pages refetch everything they show. */
export type ResyncEvent = { type: "resync" };

export type LiveEvent = ChangeEvent | PresenceEvent | ListenerEvent | ResyncEvent;

export const LIVE_CHANGE_CHANNEL = "claimdesk_changes";
export const LIVE_PRESENCE_CHANNEL = "claimdesk_presence";
