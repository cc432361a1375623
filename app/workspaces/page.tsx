import type { Metadata } from "next";
import Link from "next/link";
import { ROLE_DISPLAY } from "@/lib/members/role-display";
import { CreateWorkspaceForm } from "@/components/workspaces/create-workspace-form";
import { requirePageActor } from "@/lib/auth/server/session";
import { listWorkspaces } from "@/lib/workspaces/server/list-workspaces";

export const metadata: Metadata = { title: "Workspaces" };

export default async function WorkspacesPage() {
  const actor = await requirePageActor("/workspaces");
  const { items: workspaces } = await listWorkspaces({ actor, query: { limit: 200 } });
  return (
    <div className="stack">
      <h1>Your workspaces</h1>
      {workspaces.length === 0 ? (
        <div className="empty-state">
          <h2>No workspaces yet</h2>
          <p>
            A workspace holds a desk&apos;s passages, claims and evidence. Create one below and you become its owner; then
            invite your colleagues.
          </p>
        </div>
      ) : (
        <ul className="list" aria-label="Workspaces">
          {workspaces.map((workspace) => (
            <li key={workspace.id}>
              <Link href={`/w/${workspace.id}`}>
                <span>{workspace.name}</span>
                <span className="badge">{ROLE_DISPLAY[workspace.role]}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <CreateWorkspaceForm />
    </div>
  );
}
