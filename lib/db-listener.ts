import type pg from "pg";

/** Ends a LISTEN connection that is no longer used, whatever state its socket is in. */
export function discardListener(client: pg.Client): void {
  client.removeAllListeners();
  // A late socket error on a client nobody listens to would otherwise crash the process.
  client.on("error", () => undefined);
  void client.end().catch(() => undefined);
}
