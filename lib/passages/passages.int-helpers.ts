import { GET as listPassagesRoute, POST as importPassageRoute } from "@/app/api/v1/workspaces/[workspaceId]/passages/route";
import type { TestUser } from "@/scripts/test/desk";
import { callRoute } from "@/scripts/test/route-client";

export { createDesk, db, recordQueries, type TestUser } from "@/scripts/test/desk";

export function importText(
  as: TestUser | undefined,
  workspaceId: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  return callRoute(importPassageRoute, "POST", `/api/v1/workspaces/${workspaceId}/passages`, {
    as,
    params: { workspaceId },
    body,
    headers,
  });
}

export function uploadFile(
  as: TestUser,
  workspaceId: string,
  file: File | null,
  fields: Record<string, string> = {},
  headers: Record<string, string> = {},
) {
  const formData = new FormData();
  if (file) formData.set("file", file);
  for (const [name, value] of Object.entries(fields)) formData.set(name, value);
  return callRoute(importPassageRoute, "POST", `/api/v1/workspaces/${workspaceId}/passages`, {
    as,
    params: { workspaceId },
    formData,
    headers,
  });
}

export function importRaw(as: TestUser, workspaceId: string, rawBody: string, contentType: string) {
  return callRoute(importPassageRoute, "POST", `/api/v1/workspaces/${workspaceId}/passages`, {
    as,
    params: { workspaceId },
    rawBody,
    headers: { "content-type": contentType },
  });
}

export function listPassages(as: TestUser | undefined, workspaceId: string, search = "") {
  return callRoute(listPassagesRoute, "GET", `/api/v1/workspaces/${workspaceId}/passages${search}`, {
    as,
    params: { workspaceId },
  });
}

export type Page = { items: { id: string; title: string; claimCount: number }[]; nextCursor: string | null };
