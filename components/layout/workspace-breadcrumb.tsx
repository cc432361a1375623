import Link from "next/link";

/** The way back to a workspace's page; a long workspace name is cut short on one line, and shown whole on hover. */
export function WorkspaceBreadcrumb({ workspaceId, workspaceName }: { workspaceId: string; workspaceName: string }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <Link href={`/w/${workspaceId}`} className="truncate" title={workspaceName}>
        ← {workspaceName}
      </Link>
    </nav>
  );
}
