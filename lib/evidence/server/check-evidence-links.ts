import "server-only";
import { createHash } from "node:crypto";
import type PgBoss from "pg-boss";
import { z } from "zod";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { safeFetch, SafeFetchError } from "@/lib/fetching/safe-fetch";
import { enqueueJob } from "@/lib/jobs/server/enqueue-job";
import { defineJobKind } from "@/lib/jobs/server/job-kind";

type Health = { linkHealth: "ok" | "dead" | "changed"; linkProblem: string | null };

/** What a fresh fetch says about a captured link: dead (4xx/5xx, no such name, unreachable), changed (another hash), or ok. */
async function checkLink(url: string, storedSha256: string | null): Promise<Health> {
  try {
    const answer = await safeFetch(url, { accept: "any" });
    if (answer.status >= 400) return { linkHealth: "dead", linkProblem: `The link answered HTTP ${answer.status}.` };
    const sha256 = createHash("sha256").update(answer.body).digest("hex");
    if (storedSha256 !== null && sha256 !== storedSha256) return { linkHealth: "changed", linkProblem: "The page differs from the stored copy." };
    return { linkHealth: "ok", linkProblem: null };
  } catch (error) {
    if (!(error instanceof SafeFetchError)) throw error;
    // A refusal (the name now points inside) counts as dead too: the public page is gone.
    return { linkHealth: "dead", linkProblem: error.message };
  }
}

/** The web evidence the checker watches: linked to a live claim that is verified or published. */
const watchedEvidence = (workspaceId?: string) => ({
  ...(workspaceId === undefined ? {} : { workspaceId }),
  kind: "web" as const,
  url: { not: null },
  links: { some: { deletedAt: null, claim: { deletedAt: null, OR: [{ state: "verified" as const }, { publication: { is: { withdrawnAt: null } } }] } } },
});

/** Re-fetches every watched link of a workspace, one at a time, and records its health. */
export async function checkEvidenceLinks({ workspaceId }: { workspaceId: string }): Promise<{ checked: number; dead: number; changed: number }> {
  const rows = await db.evidence.findMany({
    where: watchedEvidence(workspaceId),
    select: { id: true, url: true, snapshot: { select: { sha256: true } } },
    orderBy: { id: "asc" },
  });
  const counts = { checked: 0, dead: 0, changed: 0 };
  for (const row of rows) {
    const health = await checkLink(row.url ?? "", row.snapshot?.sha256 ?? null);
    await db.evidence.update({ where: { id: row.id }, data: { ...health, linkCheckedAt: new Date() } });
    counts.checked += 1;
    if (health.linkHealth === "dead") counts.dead += 1;
    if (health.linkHealth === "changed") counts.changed += 1;
  }
  return counts;
}

export const checkEvidenceLinksJob = defineJobKind({
  name: "evidence.check-links",
  payload: z.object({}),
  subject: () => "Evidence links of verified and published claims",
  retry: { limit: 1, delaySeconds: 300, backoff: false },
  expireInSeconds: 3600,
  handler: (_payload, context) => checkEvidenceLinks({ workspaceId: context.workspaceId }),
});

const SCHEDULE_QUEUE = "evidence.link-check-schedule";

/**
 * Runs the link checker on LINK_CHECK_CRON (weekly by default): pg-boss's cron fires one job across
 * every worker process, which queues one link check per workspace that has watched links (each on the
 * jobs page). Call with a worker's pg-boss (its `schedule` option on).
 */
export async function scheduleLinkChecks(boss: PgBoss): Promise<void> {
  if (!(await boss.getQueue(SCHEDULE_QUEUE))) await boss.createQueue(SCHEDULE_QUEUE).catch(() => undefined);
  await boss.schedule(SCHEDULE_QUEUE, serverEnv().LINK_CHECK_CRON, {}, { tz: "UTC" });
  await boss.work(SCHEDULE_QUEUE, async () => {
    const workspaces = await db.workspace.findMany({ where: { evidence: { some: watchedEvidence() } }, select: { id: true } });
    for (const workspace of workspaces) await enqueueJob(checkEvidenceLinksJob, {}, { workspaceId: workspace.id, createdById: null, boss });
  });
}
