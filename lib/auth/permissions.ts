import type { Role } from "@/lib/generated/prisma/enums";

// Roles from api-v1.md, each including the one before. Safe to import on the client to decide
// which controls to show; the server decides again in every use case.
export const ROLES = ["viewer", "reviewer", "editor", "owner"] as const satisfies readonly Role[];

const ROLE_RANK: Record<Role, number> = { viewer: 0, reviewer: 1, editor: 2, owner: 3 };

/** The least role that may perform each action. The one table every authorization check reads. */
export const MINIMUM_ROLE = {
  "workspace.read": "viewer",
  "workspace.export": "viewer",
  // Saved views: any member keeps personal ones; sharing one, and changing or deleting someone
  // else's shared view, is an editor's call (the desk's common lists).
  "view.create": "viewer",
  "view.share": "editor",
  "claim.create": "reviewer",
  "claim.label": "reviewer",
  "claim.submit": "reviewer",
  "evidence.add": "reviewer",
  "comment.create": "reviewer",
  "passage.create": "reviewer",
  "claim.decide": "editor",
  "claim.assign": "editor",
  "claim.delete": "editor",
  "claim.restore": "editor",
  // Publishing makes a verified claim public (and withdraws it): the desk's editorial call.
  "claim.publish": "editor",
  // Releases: cutting a numbered, immutable snapshot of verified claims is the desk's call;
  // every member may read and download them (workspace.read).
  "release.create": "editor",
  "passage.manage": "editor",
  // The workspace's background jobs (imports by URL…): editors watch them, owners retry or cancel.
  "job.read": "editor",
  "job.manage": "owner",
  "workspace.settings": "owner",
  "member.manage": "owner",
} as const satisfies Record<string, Role>;

export type WorkspaceAction = keyof typeof MINIMUM_ROLE;

export function can(role: Role, action: WorkspaceAction): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[MINIMUM_ROLE[action]];
}

export function isRoleAtLeast(role: Role, minimum: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[minimum];
}
