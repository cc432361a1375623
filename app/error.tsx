"use client";

import { ErrorState } from "@/components/errors/error-state";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return <ErrorState reset={reset} />;
}
