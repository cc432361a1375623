import "server-only";
import { Feed } from "feed";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { escapeHtml } from "@/lib/publishing/json-ld";
import { factCheckPath, workspaceFeedPath } from "@/lib/publishing/slug";

export type FeedFormat = "atom" | "json";

type FeedEntry = { kind: "fact-check" | "correction"; slug: string; title: string; summary: string; date: string; published: string };
export type WorkspaceFeedData = { workspace: { id: string; name: string }; updated: string; entries: FeedEntry[] };

/**
 * What a workspace's feeds list: its live fact-checks and their corrections, newest first. Null for a
 * workspace that has published nothing, so a feed address tells nothing about workspaces that have not.
 */
export async function getWorkspaceFeedData(workspaceId: string): Promise<WorkspaceFeedData | null> {
  const maxItems = serverEnv().PUBLIC_FEED_MAX_ITEMS;
  const live = { workspaceId, withdrawnAt: null, claim: { deletedAt: null, passage: { deletedAt: null } } };
  const [workspace, publications, corrections] = await Promise.all([
    db.workspace.findFirst({ where: { id: workspaceId, publications: { some: live } }, select: { id: true, name: true } }),
    db.publication.findMany({
      where: live,
      orderBy: [{ modifiedAt: "desc" }, { claimId: "desc" }],
      take: maxItems,
      select: { slug: true, firstPublishedAt: true, modifiedAt: true, claim: { select: { statement: true, verdictNote: true, rating: { select: { name: true } } } } },
    }),
    db.correction.findMany({
      where: { workspaceId, claim: { deletedAt: null, passage: { deletedAt: null }, publication: { is: { withdrawnAt: null } } } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: maxItems,
      select: { note: true, createdAt: true, claim: { select: { statement: true, publication: { select: { slug: true, firstPublishedAt: true } } } } },
    }),
  ]);
  if (!workspace) return null;
  const entries: FeedEntry[] = [
    ...publications.map((publication) => ({
      kind: "fact-check" as const,
      slug: publication.slug,
      title: `${publication.claim.rating?.name ?? "Not rated"}: ${publication.claim.statement}`,
      summary: publication.claim.verdictNote ?? "",
      date: publication.modifiedAt.toISOString(),
      published: publication.firstPublishedAt.toISOString(),
    })),
    ...corrections.map((correction) => ({
      kind: "correction" as const,
      slug: correction.claim.publication?.slug ?? "",
      title: `Correction: ${correction.claim.statement}`,
      summary: correction.note,
      date: correction.createdAt.toISOString(),
      published: correction.createdAt.toISOString(),
    })),
  ]
    .sort((a, b) => b.date.localeCompare(a.date))
    .slice(0, maxItems);
  return { workspace, updated: entries[0]?.date ?? new Date(0).toISOString(), entries };
}

/**
 * Renders the feed with the `feed` library. Atom entry titles and every summary are read as HTML by
 * feed readers (type="html", content_html), so user text is escaped for them; the Atom feed's own
 * title, subtitle, author and rights are plain text elements (the library escapes them as XML), as
 * are JSON Feed titles.
 */
export function renderWorkspaceFeed(data: WorkspaceFeedData, format: FeedFormat, origin: string): string {
  const asHtml = escapeHtml;
  const asEntryTitle = format === "atom" ? escapeHtml : (text: string) => text;
  const feed = new Feed({
    id: `${origin}${workspaceFeedPath(data.workspace.id, "atom")}`,
    title: `${data.workspace.name}: fact-checks`,
    description: `Fact-checks published by ${data.workspace.name}, and their corrections`,
    link: `${origin}${workspaceFeedPath(data.workspace.id, "atom")}`,
    updated: new Date(data.updated),
    generator: "ClaimDesk",
    feedLinks: { atom: `${origin}${workspaceFeedPath(data.workspace.id, "atom")}`, json: `${origin}${workspaceFeedPath(data.workspace.id, "json")}` },
    author: { name: data.workspace.name },
    copyright: data.workspace.name,
  });
  for (const entry of data.entries) {
    const link = `${origin}${factCheckPath(entry.slug)}`;
    feed.addItem({
      id: entry.kind === "fact-check" ? link : `${link}#correction-${entry.date}`,
      link,
      title: asEntryTitle(entry.title),
      date: new Date(entry.date),
      published: new Date(entry.published),
      ...(entry.summary ? { description: asHtml(entry.summary) } : {}),
    });
  }
  return format === "atom" ? feed.atom1() : feed.json1();
}
