import { benchApi } from "./bench/api-bench";
import { benchImport } from "./bench/import-bench";
import { startBenchServer } from "./bench/bench-server";
import { benchClaimsTable } from "./bench/claims-table-bench";
import { benchExport } from "./bench/export-bench";
import { benchPassageUi } from "./bench/passage-ui-bench";
import { benchPublicPages } from "./bench/public-page-bench";
import { benchRevision } from "./bench/revision-bench";
import { benchSearch } from "./bench/search-bench";

// `npm run bench` runs every suite; `npm run bench -- import passage` runs the named ones.
// Numbers are printed, never asserted: targets live in docs/benchmarks.md.
const SUITES = { api: benchApi, import: benchImport, passage: benchPassageUi, table: benchClaimsTable, export: benchExport, search: benchSearch, public: benchPublicPages, revision: benchRevision } as const;
type SuiteName = keyof typeof SUITES;

async function main() {
  const requested = process.argv.slice(2).filter((arg) => !arg.startsWith("-"));
  const unknown = requested.filter((name) => !(name in SUITES));
  if (unknown.length) throw new Error(`Unknown suite(s): ${unknown.join(", ")}. Available: ${Object.keys(SUITES).join(", ")}`);
  const names = (requested.length ? requested : Object.keys(SUITES)) as SuiteName[];
  console.log("Starting a bench server (production build, fresh embedded PostgreSQL)…");
  const server = await startBenchServer();
  try {
    for (const name of names) {
      console.log(`\n# ${name}`);
      for (const line of await SUITES[name](server)) console.log(line);
    }
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
