import { serverEnv } from "@/lib/env";
import { JOB_KINDS } from "@/lib/jobs/server/job-kinds";
import { startJobWorkers } from "@/lib/jobs/server/job-workers";

// `npm run worker`: background job workers alone (`npm start` runs this next to the web server).
// Run as many as you like on one database; pg-boss gives each job to one of them.

async function main() {
  const concurrency = serverEnv().JOB_WORKER_CONCURRENCY;
  if (concurrency === 0) {
    console.log("JOB_WORKER_CONCURRENCY is 0: this process runs no jobs.");
    return;
  }
  const workers = await startJobWorkers({ concurrency });
  console.log(`ClaimDesk job workers: ${concurrency} per kind of job (${JOB_KINDS.map((kind) => kind.name).join(", ") || "none"}).`);
  let isStopping = false;
  const stop = () => {
    if (isStopping) return;
    isStopping = true;
    // Running jobs finish (up to 15 s); pg-boss hands unfinished ones to another worker later.
    void workers.stop().finally(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
