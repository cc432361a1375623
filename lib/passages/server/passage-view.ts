import "server-only";
import { snapshotPath } from "@/lib/capture/capture.endpoints";
import type { Passage, PassageSummary } from "@/lib/passages/passage.schemas";

/** The columns of a passage in a list: everything but its text, which can be megabytes. */
export const passageSummarySelect = {
  id: true,
  workspaceId: true,
  title: true,
  textLength: true,
  revision: true,
  sourceUrl: true,
  publisher: true,
  author: true,
  publishedAt: true,
  language: true,
  snapshot: { select: { id: true, fetchedAt: true } },
  createdAt: true,
  updatedAt: true,
  createdBy: { select: { id: true, name: true } },
} as const;

export const passageSelect = { ...passageSummarySelect, text: true } as const;

export type PassageSummaryRow = {
  id: string;
  workspaceId: string;
  title: string;
  textLength: number;
  revision: number;
  sourceUrl: string | null;
  publisher: string | null;
  author: string | null;
  publishedAt: Date | null;
  language: string | null;
  snapshot: { id: string; fetchedAt: Date } | null;
  createdAt: Date;
  updatedAt: Date;
  createdBy: { id: string; name: string };
};

export type PassageRow = PassageSummaryRow & { text: string };

export function toPassageSummary(row: PassageSummaryRow, claimCount: number): PassageSummary {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    title: row.title,
    textLength: row.textLength,
    revision: row.revision,
    sourceUrl: row.sourceUrl,
    publisher: row.publisher,
    author: row.author,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    language: row.language,
    snapshot: snapshotLink(row.snapshot),
    createdBy: { id: row.createdBy.id, name: row.createdBy.name },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    claimCount,
  };
}

export function toPassage(row: PassageRow): Passage {
  const { claimCount: _claimCount, ...summary } = toPassageSummary(row, 0);
  return { ...summary, text: row.text };
}


/** A stored page as answers link it: when it was fetched and where its sandboxed copy is served. */
export function snapshotLink(snapshot: { id: string; fetchedAt: Date } | null): Passage["snapshot"] {
  return snapshot ? { id: snapshot.id, fetchedAt: snapshot.fetchedAt.toISOString(), url: snapshotPath(snapshot.id) } : null;
}

export const passagePagePath = (passage: { id: string; workspaceId: string }) =>
  `/w/${passage.workspaceId}/passages/${passage.id}`;
