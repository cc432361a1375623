"use client";

import { ErrorState } from "@/components/errors/error-state";
import "./globals.css";

// Replaces the root layout when the layout itself failed (it reads the session on every page).
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <main id="main">
          <ErrorState reset={reset} />
        </main>
      </body>
    </html>
  );
}
