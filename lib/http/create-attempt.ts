import { useState } from "react";

/**
 * One user's attempt at creating something, and the Idempotency-Key it is sent with. The same
 * request sent again (a double click while the first is in flight, or a retry after a failure)
 * reuses the key, and while it is in flight simply joins it, so the server creates at most one
 * record. A different request, or any request after a success, is a new attempt with a new key.
 */
export class CreateAttempt {
  private fingerprint: string | null = null;
  private key = "";
  private inFlight: Promise<unknown> | null = null;

  send<T>(request: { fingerprint: string }, run: (idempotencyKey: string) => Promise<T>): Promise<T> {
    if (request.fingerprint !== this.fingerprint) {
      this.fingerprint = request.fingerprint;
      this.key = newIdempotencyKey();
      this.inFlight = null;
    }
    if (this.inFlight) return this.inFlight as Promise<T>;
    const sent: Promise<T> = run(this.key).then(
      (result) => {
        if (this.inFlight === sent) {
          this.fingerprint = null;
          this.inFlight = null;
        }
        return result;
      },
      (error: unknown) => {
        if (this.inFlight === sent) this.inFlight = null;
        throw error;
      },
    );
    this.inFlight = sent;
    return sent;
  }
}

// crypto.randomUUID exists only in secure contexts, and a desk may open the app by plain http on its network.
function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** The create attempt of one form or button, kept across renders. */
export function useCreateAttempt(): CreateAttempt {
  const [attempt] = useState(() => new CreateAttempt());
  return attempt;
}
