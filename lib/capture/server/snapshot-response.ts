import "server-only";
import type { StoredSnapshot } from "@/lib/capture/server/read-snapshot";

// The stored page is someone else's HTML served from our origin. The CSP `sandbox` (without
// allow-scripts, allow-same-origin, allow-forms or allow-popups) runs it in an opaque origin: no
// script runs, it cannot read the app's cookies or storage, and it cannot submit forms; `default-src
// 'none'` keeps it from loading anything (no tracking pixels, no requests with the reader's address).
// docs/security.md › Stored copies of pages.
export const SNAPSHOT_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

const READABLE_TYPES = new Set(["text/html", "text/plain"]);

export function snapshotResponse(snapshot: StoredSnapshot): Response {
  const mediaType = snapshot.contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  const isReadable = READABLE_TYPES.has(mediaType);
  return new Response(new Uint8Array(snapshot.body), {
    status: 200,
    headers: {
      // The page's own type and charset, so it reads as it did; anything else is only downloaded.
      "Content-Type": isReadable ? snapshot.contentType : "application/octet-stream",
      "Content-Disposition": isReadable ? "inline" : `attachment; filename="snapshot-${snapshot.id}"`,
      "Content-Security-Policy": SNAPSHOT_CSP,
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
      "Cross-Origin-Resource-Policy": "same-origin",
      "Cache-Control": "private, no-store",
      "X-ClaimDesk-Snapshot-Url": encodeURI(snapshot.finalUrl),
      "X-ClaimDesk-Snapshot-Sha256": snapshot.sha256,
      "X-ClaimDesk-Snapshot-Fetched-At": snapshot.fetchedAt.toISOString(),
    },
  });
}
