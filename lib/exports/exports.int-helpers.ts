import { readFileSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { GET as exportRoute } from "@/app/api/v1/workspaces/[workspaceId]/export/route";
import { createPassageRecord } from "@/lib/fixtures/factories";
import { db } from "@/scripts/test/desk";
import { sessionCookie } from "@/scripts/test/route-client";

const ORIGIN = "http://localhost:3000";

export const HARBOUR = "The harbour handled 4.2 million containers in 2025. Critics say the dredging cost 900 million euros. Frankly, the waterfront has never looked better.";
export const MINISTER = "The minister said unemployment fell to 5.1 percent in October, the lowest rate since 2008.";

/** A news article with full metadata and an interview without any: the passages export and import tests share. */
export async function createNewsPassages(desk: { workspaceId: string; owner: { id: string } }) {
  const harbour = await createPassageRecord(db, {
    workspaceId: desk.workspaceId,
    createdById: desk.owner.id,
    title: "Harbour report",
    text: HARBOUR,
    sourceUrl: "https://news.example.org/harbour",
    publisher: "Harbour Times",
    author: "Ada Reporter",
    publishedAt: new Date("2026-11-20T00:00:00Z"),
  });
  const minister = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, title: "Minister interview", text: MINISTER });
  return { harbour, minister };
}

type User = { id: string; email: string; name: string };

/** GETs an export as the route handler answers it, keeping the body as text (callRoute parses JSON). */
/** The export route's response as a signed-in member gets it, its body not yet read. */
export async function requestExport(as: User, workspaceId: string, query: Record<string, string>): Promise<Response> {
  const url = new URL(`/api/v1/workspaces/${workspaceId}/export?${new URLSearchParams(query).toString()}`, ORIGIN);
  const request = new NextRequest(url, { headers: { cookie: await sessionCookie(as) } });
  return exportRoute(request, { params: Promise.resolve({ workspaceId }) });
}

export async function downloadExport(as: User, workspaceId: string, query: Record<string, string>) {
  const response = await requestExport(as, workspaceId, query);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) };
}

const CONTEXT_FILES: Record<string, string> = {
  "https://schema.org": "schema-org.jsonld",
  "https://schema.org/": "schema-org.jsonld",
  "http://schema.org": "schema-org.jsonld",
  "http://schema.org/": "schema-org.jsonld",
  "http://www.w3.org/ns/anno.jsonld": "anno.jsonld",
  "https://www.w3.org/ns/anno.jsonld": "anno.jsonld",
};

/** A jsonld document loader that serves the vendored contexts and refuses the network. */
export async function localDocumentLoader(url: string) {
  const file = CONTEXT_FILES[url];
  if (!file) throw new Error(`No local copy of the JSON-LD context ${url}; tests never use the network.`);
  const document: unknown = JSON.parse(readFileSync(path.join(import.meta.dirname, "contexts", file), "utf8"));
  return { contextUrl: undefined, documentUrl: url, document };
}
