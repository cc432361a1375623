"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
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
