import "server-only";
import type PgBoss from "pg-boss";
import type { AnyJobKind } from "@/lib/jobs/server/job-kind";
import { jobBoss } from "@/lib/jobs/server/job-boss";
import { importUrlJob } from "@/lib/passages/server/import-url-job";
import { reviseFromUrlJob } from "@/lib/revisions/server/revise-from-url-job";
import { deliverWebhookJob } from "@/lib/webhooks/server/deliver-webhook-job";
import { captureEvidenceJob } from "@/lib/evidence/server/capture-evidence";
import { checkEvidenceLinksJob } from "@/lib/evidence/server/check-evidence-links";

/** Every kind of job the workers run. A new kind: `defineJobKind` in its feature, then list it here. */
export const JOB_KINDS: readonly AnyJobKind[] = [importUrlJob, reviseFromUrlJob, deliverWebhookJob, captureEvidenceJob, checkEvidenceLinksJob];

/** The process's pg-boss with a queue for every kind. */
export function queueBoss(): Promise<PgBoss> {
  return jobBoss(JOB_KINDS);
}
