import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { SignInLinks } from "@/components/auth/sign-in-links";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { WorkspaceSwitcher } from "@/components/workspaces/workspace-switcher";
import { NotificationsLink } from "@/components/notifications/notifications-link";

export function SiteHeader({ actor }: { actor: Actor | null }) {
  return (
    <header className="site-header">
      <Link href="/" className="brand">
        ClaimDesk
      </Link>
      <nav aria-label="Account">
        {actor ? (
          <>
            <Link href="/workspaces">Workspaces</Link>
            <WorkspaceSwitcher />
            <NotificationsLink />
            <Link href="/settings/account">Account</Link>
            <Link href="/settings/tokens">API tokens</Link>
            <span className="muted truncate site-header-user" title={actor.name}>
              {actor.name}
            </span>
            <SignOutButton userId={actor.userId} />
          </>
        ) : (
          <SignInLinks />
        )}
      </nav>
    </header>
  );
}
