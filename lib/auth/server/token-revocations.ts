import "server-only";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { discardListener } from "@/lib/db-listener";
import { serverEnv } from "@/lib/env";

/** revokeApiToken announces each revoked token's id here, in the transaction that revokes it. */
export const TOKEN_REVOKED_CHANNEL = "claimdesk_token_revoked";

// After a failed connection attempt, token lookups go uncached this long before the next attempt,
// so a database that refuses connections is not asked again on every request.
const RETRY_AFTER_MS = 5_000;
// The first token request waits for the connection (so its lookup can be kept), but never longer than this.
const CONNECT_TIMEOUT_MS = 2_000;

type Hearing = { onRevoked: (tokenId: string) => void; onDeaf: () => void };

type Listening = {
  name: string;
  listener: pg.Client | null;
  connecting: Promise<pg.Client | null> | null;
  retryAt: number;
  /** Moves on with every revocation heard and every connection lost: a lookup that saw it move keeps nothing. */
  epoch: number;
  hearings: Set<Hearing>;
};

// One listening connection per process, however often its modules are loaded (as lib/db.ts keeps one client).
const globalForRevocations = globalThis as unknown as { claimdeskTokenRevocations?: Listening };
const listening = (globalForRevocations.claimdeskTokenRevocations ??= {
  name: `claimdesk-revocations-${randomUUID().slice(0, 8)}`,
  listener: null,
  connecting: null,
  retryAt: 0,
  epoch: 0,
  hearings: new Set(),
});

/** This instance's listening connection, as pg_stat_activity names it. */
export const tokenRevocationsListenerName = listening.name;

/**
 * The token cache's guarantee that every instance refuses a revoked token from the request after its
 * revocation commits, not up to API_TOKEN_CACHE_SECONDS later: an instance reuses token lookups only
 * while it listens to TOKEN_REVOKED_CHANNEL on its own connection (opened at the first lookup). The
 * answer is the current epoch, to pass to `isUnchangedSince` after the lookup, or null when this
 * instance is not listening (then nothing may be reused or kept).
 */
export async function revocationEpoch(hearing: Hearing): Promise<number | null> {
  listening.hearings.add(hearing);
  if (listening.listener) return listening.epoch;
  if (!listening.connecting && Date.now() < listening.retryAt) return null;
  listening.connecting ??= listen().finally(() => {
    listening.connecting = null;
  });
  return (await listening.connecting) ? listening.epoch : null;
}

/** Whether this instance has listened throughout, with no revocation heard, since `revocationEpoch` answered `since`. */
export function isUnchangedSince(since: number | null): boolean {
  return since !== null && listening.listener !== null && listening.epoch === since;
}

async function listen(): Promise<pg.Client | null> {
  const client = new pg.Client({ connectionString: serverEnv().DATABASE_URL, application_name: listening.name, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  const lost = () => {
    if (listening.listener !== client) return;
    listening.listener = null;
    listening.epoch += 1;
    for (const hearing of listening.hearings) hearing.onDeaf();
    discardListener(client);
  };
  client.on("notification", (message) => {
    listening.epoch += 1;
    if (message.payload) for (const hearing of listening.hearings) hearing.onRevoked(message.payload);
  });
  client.on("error", lost);
  client.on("end", lost);
  try {
    await client.connect();
    await client.query(`LISTEN ${TOKEN_REVOKED_CHANNEL}`);
  } catch {
    discardListener(client);
    listening.retryAt = Date.now() + RETRY_AFTER_MS;
    return null;
  }
  listening.listener = client;
  listening.epoch += 1;
  return client;
}
