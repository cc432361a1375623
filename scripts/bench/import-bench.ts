import type { BenchServer } from "./bench-server";
import { ms, processTreeCpuMs, summarize } from "./bench-server";

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
    ...(await benchParagraphsUpload(server)),
  ];
}

const PARAGRAPHS = 32_000;

/**
 * The upload that once took 44 s and stalled the server: an HTML file of 32,000 short paragraphs,
 * about 1.7 MB as first seen. /api/health is asked again and again while it
 * imports; its slowest answer shows whether the import blocked other requests.
 */
async function benchParagraphsUpload(server: BenchServer, runs = 3): Promise<string[]> {
  const lines = [`upload of ${PARAGRAPHS.toLocaleString("en")} <p> paragraphs as HTML (multipart), /api/health asked throughout (targets: import < 5000 ms, health < 1000 ms)`];
  const upload = (html: string) => {
    const form = new FormData();
    form.set("file", new File([html], "paragraphs.html", { type: "text/html" }));
    return fetch(`${server.baseUrl}/api/v1/workspaces/${server.workspaceId}/passages`, {
      method: "POST",
      headers: { authorization: `Bearer ${server.token}` },
      body: form,
    });
  };
  const warmUp = await upload("<p>Warm-up: the first upload loads the extraction worker's code.</p>");
  if (warmUp.status !== 201) throw new Error(`Warm-up upload answered ${warmUp.status}: ${await warmUp.text()}`);

  for (let run = 0; run < runs; run++) {
    const html = Array.from({ length: PARAGRAPHS }, (_, i) => `<p>Para ${i === 0 ? `${i} (run ${run})` : i}: figures changed a little this week.</p>`).join("\n");
    let isImporting = true;
    const healthLatencies: number[] = [];
    const probe = (async () => {
      while (isImporting) {
        const asked = performance.now();
        const health = await fetch(`${server.baseUrl}/api/health`);
        await health.arrayBuffer();
        healthLatencies.push(performance.now() - asked);
      }
    })();
    const cpuBefore = await processTreeCpuMs(server.serverPid);
    const started = performance.now();
    const response = await upload(html);
    const body = (await response.json()) as { text?: string };
    const elapsed = performance.now() - started;
    isImporting = false;
    await probe;
    const cpu = (await processTreeCpuMs(server.serverPid)) - cpuBefore;
    if (response.status !== 201) throw new Error(`Upload answered ${response.status}: ${JSON.stringify(body)}`);
    const paragraphs = body.text?.split("\n\n").length ?? 0;
    if (paragraphs !== PARAGRAPHS) throw new Error(`The passage has ${paragraphs} paragraphs, not ${PARAGRAPHS}`);
    lines.push(
      `  run ${run + 1}: ${(html.length / (1024 * 1024)).toFixed(2)} MB imported in ${ms(elapsed)} (server CPU ${ms(cpu)}, health checks included); /api/health answered ${healthLatencies.length} times, slowest ${ms(Math.max(...healthLatencies))}`,
    );
  }
  return lines;
}
