"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { signInLinkFrom } from "@/lib/auth/callback-path";

/** The header's way in for visitors: after signing in or up they come back to the page they were on (an invitation, a shared link). */
export function SignInLinks() {
  const pathname = usePathname();
  return (
    <>
      <Link href={signInLinkFrom("/signin", pathname)}>Sign in</Link>
      <Link href={signInLinkFrom("/signup", pathname)} className="button">
        Sign up
      </Link>
    </>
  );
}
