import "server-only";
import { createHash } from "node:crypto";
import type PgBoss from "pg-boss";
import { z } from "zod";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { safeFetch, SafeFetchError } from "@/lib/fetching/safe-fetch";
import { enqueueJob } from "@/lib/jobs/server/enqueue-job";
import { decompressSnapshotBody } from "@/lib/capture/server/page-snapshot";
import { announceEvidenceChange } from "@/lib/evidence/server/announce-evidence-change";
import { readEvidencePage } from "@/lib/evidence/server/read-evidence-page";
import { defineJobKind, type JobKind } from "@/lib/jobs/server/job-kind";
import { isPassingFetchFailure, isPassingHttpStatus } from "@/lib/fetching/fetch-retry";
import { IdSchema } from "@/lib/http/text.schemas";

type Health = { linkHealth: "ok" | "dead" | "changed"; linkProblem: string | null };
/** What one fetch found: the page's health, or that it could not be reached this time (a failure that may pass). */
type CheckResult = Health | { unreachable: string };
type StoredCopy = { id: string; sha256: string; textSha256: string | null; contentType: string };

/**
 * The readable-text hash of a stored copy, read from the copy itself when it was captured before text
 * hashes were kept (and stored, so that is done once).
 */
async function storedTextSha256(copy: StoredCopy): Promise<string | null> {
  if (copy.textSha256 !== null) return copy.textSha256;
  const { body } = await db.snapshot.findUniqueOrThrow({ where: { id: copy.id }, select: { body: true } });
  const { textSha256 } = await readEvidencePage(copy.contentType, await decompressSnapshotBody(body));
  if (textSha256 !== null) await db.snapshot.update({ where: { id: copy.id }, data: { textSha256 } });
  return textSha256;
}

/**
 * What a fresh fetch says about a captured link: dead (a 4xx, no such name, an address now refused),
 * changed, ok, or unreachable this time (a 5xx, 408 or 429, a timeout, a dropped connection: the
 * same as a capture would try again after, fetch-retry.ts). A page ClaimDesk can read has changed
 * when its readable title or text has, not its markup (timestamps, ads, tokens change on every
 * load); any other page when its bytes have.
 */
async function checkLink(url: string, copy: StoredCopy | null): Promise<CheckResult> {
  try {
    const answer = await safeFetch(url, { accept: "any" });
    if (answer.status >= 400 && isPassingHttpStatus(answer.status)) return { unreachable: `The link answered HTTP ${answer.status}.` };
    if (answer.status >= 400) return { linkHealth: "dead", linkProblem: `The link answered HTTP ${answer.status}.` };
    if (copy === null) return { linkHealth: "ok", linkProblem: null };
    const sha256 = createHash("sha256").update(answer.body).digest("hex");
    if (sha256 === copy.sha256) return { linkHealth: "ok", linkProblem: null };
    const [storedText, { textSha256: freshText }] = await Promise.all([storedTextSha256(copy), readEvidencePage(answer.contentType, answer.body)]);
    const isChanged = storedText !== null && freshText !== null ? storedText !== freshText : true;
    return isChanged ? { linkHealth: "changed", linkProblem: "The page differs from the stored copy." } : { linkHealth: "ok", linkProblem: null };
  } catch (error) {
    if (!(error instanceof SafeFetchError)) throw error;
    if (isPassingFetchFailure(error)) return { unreachable: error.message };
    // A refusal (the name now points inside) counts as dead too: the public page is gone.
    return { linkHealth: "dead", linkProblem: error.message };
  }
}

/**
 * A link that could not be reached keeps the health it had (a site down for an hour has not lost the
 * page) and says so; after LINK_CHECK_DEAD_AFTER checks in a row it is flagged dead.
 */
function unreachableHealth(previous: string | null, failures: number, problem: string): { linkHealth: string | null; linkProblem: string } {
  const { LINK_CHECK_DEAD_AFTER: deadAfter, LINK_RECHECK_AFTER_MINUTES: minutes } = serverEnv();
  if (previous === "dead" || failures >= deadAfter) return { linkHealth: "dead", linkProblem: `Not reachable on ${failures} ${failures === 1 ? "check" : "checks in a row"}. Last: ${problem}` };
  const wait = minutes < 60 || minutes % 60 !== 0 ? `${minutes} min` : `${minutes / 60} h`;
  return { linkHealth: previous, linkProblem: `Not reachable on the last check: ${problem} Checked again in ${wait}; flagged dead after ${deadAfter} failed checks in a row.` };
}

/** The web evidence the checker watches: linked to a live claim that is verified or published. */
const watchedEvidence = (workspaceId?: string) => ({
  ...(workspaceId === undefined ? {} : { workspaceId }),
  kind: "web" as const,
  url: { not: null },
  links: { some: { deletedAt: null, claim: { deletedAt: null, OR: [{ state: "verified" as const }, { publication: { is: { withdrawnAt: null } } }] } } },
});

/**
 * Re-fetches every watched link of a workspace (or only `evidenceIds`, a recheck), one at a time,
 * and records its health. Links it could not reach are checked again LINK_RECHECK_AFTER_MINUTES
 * later, by a job it queues for them.
 */
export async function checkEvidenceLinks({ workspaceId, evidenceIds }: { workspaceId: string; evidenceIds?: readonly string[] }): Promise<{ checked: number; dead: number; changed: number; unreachable: number }> {
  const rows = await db.evidence.findMany({
    where: { ...watchedEvidence(workspaceId), ...(evidenceIds ? { id: { in: [...evidenceIds] } } : {}) },
    select: { id: true, url: true, linkHealth: true, linkFailures: true, snapshot: { select: { id: true, sha256: true, textSha256: true, contentType: true } } },
    orderBy: { id: "asc" },
  });
  const counts = { checked: 0, dead: 0, changed: 0, unreachable: 0 };
  const toRecheck: string[] = [];
  for (const row of rows) {
    const result = await checkLink(row.url ?? "", row.snapshot);
    const failures = "unreachable" in result ? row.linkFailures + 1 : 0;
    const health: { linkHealth: string | null; linkProblem: string | null } = "unreachable" in result ? unreachableHealth(row.linkHealth, failures, result.unreachable) : result;
    if ("unreachable" in result && health.linkHealth !== "dead") toRecheck.push(row.id);
    const checkedAt = new Date();
    await db.$transaction(async (tx) => {
      await tx.evidence.update({
        where: { id: row.id },
        data: { ...health, linkFailures: failures, linkCheckedAt: checkedAt, ...(health.linkHealth === "ok" && failures === 0 ? { linkUnchangedAt: checkedAt } : {}) },
      });
      // Open pages hear when a link's health changes; a link found as it was is news to nobody.
      if (health.linkHealth !== row.linkHealth) await announceEvidenceChange(tx, { workspaceId, evidenceId: row.id, action: "evidence.link_checked" });
    });
    counts.checked += 1;
    if ("unreachable" in result) counts.unreachable += 1;
    if (health.linkHealth === "dead") counts.dead += 1;
    if (health.linkHealth === "changed") counts.changed += 1;
  }
  if (toRecheck.length > 0) {
    await enqueueJob(checkEvidenceLinksJob, { evidenceIds: toRecheck }, { workspaceId, createdById: null, startAfterSeconds: serverEnv().LINK_RECHECK_AFTER_MINUTES * 60 });
  }
  return counts;
}

export const checkEvidenceLinksJob: JobKind<{ evidenceIds?: string[] }> = defineJobKind({
  name: "evidence.check-links",
  // A recheck names the links that could not be reached; the scheduled check names none (all of them).
  payload: z.object({ evidenceIds: z.array(IdSchema).min(1).max(10_000).optional() }),
  subject: (payload) =>
    payload.evidenceIds
      ? `Recheck of ${payload.evidenceIds.length} evidence ${payload.evidenceIds.length === 1 ? "link" : "links"} that could not be reached`
      : "Evidence links of verified and published claims",
  retry: { limit: 1, delaySeconds: 300, backoff: false },
  expireInSeconds: 3600,
  handler: (payload, context) => checkEvidenceLinks({ workspaceId: context.workspaceId, evidenceIds: payload.evidenceIds }),
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
