import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireWorkspaceAccess } from "@/lib/auth/server/workspace-access";
import { db } from "@/lib/db";
import type { ExportQuery } from "@/lib/exports/export.schemas";
import { exportFileName, filterParts } from "@/lib/exports/export-filename";
import type { ExportContext } from "@/lib/exports/export-record";
import { EXPORT_FORMATTERS } from "@/lib/exports/formats";
import { exportClaimsWhere, readExportBatches } from "@/lib/exports/server/read-export-claims";
import { notFound } from "@/lib/http/errors";

export type ClaimExport = {
  fileName: string;
  contentType: string;
  claimCount: number;
  body: ReadableStream<Uint8Array>;
};

/**
 * A workspace's claims as a download in one of four formats. The body is a stream that reads
 * claims batch by batch as the client consumes it; the count comes from one query up front.
 */
export async function exportClaims({
  actor,
  workspaceId,
  query,
  appUrl,
  now = new Date(),
}: {
  actor: Actor;
  workspaceId: string;
  query: ExportQuery;
  /** The app's base URL (no trailing slash), for links to claims and passages. */
  appUrl: string;
  now?: Date;
}): Promise<ClaimExport> {
  await requireWorkspaceAccess(actor, workspaceId, "workspace.export");
  const workspace = await db.workspace.findUnique({ where: { id: workspaceId }, select: { id: true, name: true } });
  if (!workspace) throw notFound("This workspace");
  if (query.passageId) {
    const passage = await db.passage.findFirst({ where: { id: query.passageId, workspaceId, deletedAt: null }, select: { id: true } });
    if (!passage) throw notFound("The passage to filter by");
  }
  const formatter = EXPORT_FORMATTERS[query.format];
  const where = await exportClaimsWhere(workspaceId, query);
  const claimCount = await db.claim.count({ where });
  const { format: _format, ...filters } = query;
  const context: ExportContext = { appUrl: appUrl.replace(/\/+$/, ""), workspace, filterLabel: filterParts(filters).join(", ") };

  async function* chunks(): AsyncGenerator<string> {
    yield formatter.begin(context);
    let isFirst = true;
    for await (const batch of readExportBatches({ workspaceId, filters, includePassageText: formatter.includesPassageText })) {
      yield formatter.batch(batch, context, { isFirst });
      isFirst = false;
    }
    yield formatter.end(context);
  }

  return {
    fileName: exportFileName({ workspaceName: workspace.name, query, extension: formatter.extension, on: now }),
    contentType: formatter.contentType,
    claimCount,
    body: textStream(chunks()),
  };
}

/** A pull stream: the next batch is read only when the client has taken the previous one. */
export function textStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        for (;;) {
          const { done, value } = await chunks.next();
          if (done) return controller.close();
          if (value.length > 0) return controller.enqueue(encoder.encode(value));
        }
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
}
