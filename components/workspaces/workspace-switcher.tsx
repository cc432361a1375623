"use client";

import Link from "next/link";
import { ROLE_DISPLAY } from "@/lib/members/role-display";
import { usePathname } from "next/navigation";
import { useMyWorkspaces } from "@/lib/workspaces/client/workspace-queries";

/** A disclosure in the header listing the user's workspaces; works as plain links, no custom keyboard handling needed. */
export function WorkspaceSwitcher() {
  const pathname = usePathname();
  const currentId = /^\/w\/([^/]+)/.exec(pathname)?.[1];
  const workspaces = useMyWorkspaces();
  const items = workspaces.data?.items ?? [];
  const current = items.find((workspace) => workspace.id === currentId);
  return (
    // Keyed by path so the menu closes after navigating.
    <details key={pathname} className="workspace-switcher" onToggle={(event) => event.currentTarget.open && void workspaces.refetch()}>
      <summary title={current?.name}>
        {current ? (
          <>
            <span className="visually-hidden">Switch workspace; current: </span>
            {current.name}
          </>
        ) : (
          "Switch workspace"
        )}
      </summary>
      <div className="workspace-switcher-menu">
        {workspaces.isError ? (
          <p className="field-error">Could not load your workspaces.</p>
        ) : workspaces.isPending ? (
          <p className="muted">Loading…</p>
        ) : (
          <ul aria-label="Your workspaces">
            {items.map((workspace) => (
              <li key={workspace.id}>
                <Link href={`/w/${workspace.id}`} aria-current={workspace.id === currentId ? "true" : undefined}>
                  {workspace.name}
                </Link>{" "}
                <span className="muted">{ROLE_DISPLAY[workspace.role]}</span>
              </li>
            ))}
            {items.length === 0 && <li className="muted">No workspaces yet.</li>}
          </ul>
        )}
        <Link href="/workspaces">All workspaces</Link>
      </div>
    </details>
  );
}
