"use client";

import { useRouter } from "next/navigation";
import { startTransition, useCallback, useEffect, useState } from "react";
import { readHealth } from "@/lib/health/client/read-health";

const DEFAULT_RETRY_SECONDS = 5;

// In production the browser never sees why a server component failed, so the page asks the
// health check whether the database is the cause, and reloads itself once it is back.
/** What a page shows when it failed: "briefly unavailable" while the database is down, else a generic apology. */
export function ErrorState({ reset }: { reset: () => void }) {
  const router = useRouter();
  const [database, setDatabase] = useState<"checking" | "ok" | "unreachable">("checking");
  const reload = useCallback(() => {
    startTransition(() => {
      router.refresh();
      reset();
    });
  }, [router, reset]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let isCancelled = false;
    let wasUnreachable = false;
    const check = async () => {
      let retrySeconds = DEFAULT_RETRY_SECONDS;
      try {
        const health = await readHealth();
        if (isCancelled) return;
        if (health.status === "ok") {
          if (wasUnreachable) reload();
          else setDatabase("ok");
          return;
        }
        retrySeconds = health.retryAfterSeconds;
      } catch {
        // The server itself is unreachable, or answered something else: the same advice holds.
      }
      if (isCancelled) return;
      wasUnreachable = true;
      setDatabase("unreachable");
      timer = setTimeout(() => void check(), retrySeconds * 1000);
    };
    void check();
    return () => {
      isCancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [reload]);

  if (database === "unreachable") {
    return (
      <div className="stack narrow" role="alert">
        <h1>ClaimDesk is briefly unavailable</h1>
        <p>It cannot reach its database right now. Your saved work is safe; this page reloads by itself as soon as the database is back.</p>
        <button type="button" onClick={reload}>
          Try again now
        </button>
      </div>
    );
  }
  return (
    <div className="stack narrow" role="alert">
      <h1>Something went wrong</h1>
      <p>The page could not be shown. Try again; if it keeps failing, tell your administrator.</p>
      <button type="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
