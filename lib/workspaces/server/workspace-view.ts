import "server-only";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Workspace } from "@/lib/workspaces/workspace.schemas";

export const workspaceSelect = { id: true, name: true, isBlindReview: true, isSecondVerifierRequired: true, createdAt: true, updatedAt: true } as const;

type WorkspaceRow = { id: string; name: string; isBlindReview: boolean; isSecondVerifierRequired: boolean; createdAt: Date; updatedAt: Date };

export function toWorkspace(row: WorkspaceRow, role: Role): Workspace {
  return { ...row, role, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}
