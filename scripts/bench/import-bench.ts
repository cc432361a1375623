import type { BenchServer } from "./bench-server";
import { ms, summarize } from "./bench-server";

const SENTENCES = [
  "The harbour authority reported 4.2 million containers in 2025, up 12 percent on the year before.",
  "Critics say the dredging cost closer to 900 million euros.",
  "Frankly, the waterfront has never looked better.",
  "The minister said unemployment fell to 5.1 percent in October, the lowest rate since 2008.",
];

/** About `bytes` of article-like text, different on every call so no import is a duplicate. */
function articleText(bytes: number, seed: number): string {
  const parts: string[] = [`Run ${seed}\n\n`];
  let size = parts[0]?.length ?? 0;
  for (let i = 0; size < bytes; i++) {
    const sentence = `${SENTENCES[i % SENTENCES.length]} (${seed}.${i})${i % 6 === 5 ? "\n\n" : " "}`;
    parts.push(sentence);
    size += Buffer.byteLength(sentence);
  }
  return parts.join("");
}

export async function benchImport(server: BenchServer, runs = 7): Promise<string[]> {
  const bytes = 1024 * 1024;
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const body = JSON.stringify({ title: `Bench import ${run}`, text: articleText(bytes, run) });
    const started = performance.now();
    const response = await server.api(`/api/v1/workspaces/${server.workspaceId}/passages`, { method: "POST", body });
    const elapsed = performance.now() - started;
    if (response.status !== 201) throw new Error(`Import answered ${response.status}: ${await response.text()}`);
    if (run > 0) samples.push(elapsed); // the first request also warms the server's code paths
  }
  const stats = summarize(samples);
  return [
    `import 1 MB text over HTTP (POST /passages, JSON, ${samples.length} runs after 1 warm-up)`,
    `  median ${ms(stats.median)}, p95 ${ms(stats.p95)}, min ${ms(stats.min)}, max ${ms(stats.max)}  (target < 1000 ms)`,
  ];
}
