"use client";

import { signOut } from "next-auth/react";
import { discardStoredDraftsOf } from "@/components/forms/use-stored-draft";

/** Signs out and leaves none of the person's unsaved drafts behind in this browser. */
export function SignOutButton({ userId }: { userId: string }) {
  return (
    <button
      type="button"
      className="button-secondary"
      onClick={() => {
        discardStoredDraftsOf(userId);
        void signOut({ callbackUrl: "/" });
      }}
    >
      Sign out
    </button>
  );
}
