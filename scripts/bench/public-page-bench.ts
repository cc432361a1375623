import { createClaimRecord, createPassageRecord, linkWebEvidenceRecord } from "@/lib/fixtures/factories";
import type { BenchServer } from "./bench-server";
import { ms, summarize } from "./bench-server";

const RUNS = 200;
const WARM_UP = 10;

/** A published fact-check with evidence and corrections, read anonymously over HTTP: page, report and feed. */
export async function benchPublicPages(server: BenchServer): Promise<string[]> {
  const text = "The harbour handled 3 million containers in 2024. Ferries stopped running in May. Tolls doubled last year.";
  const passage = await createPassageRecord(server.db, {
    workspaceId: server.workspaceId,
    createdById: server.user.id,
    title: "Harbour speech",
    text,
    sourceUrl: "https://news.example.org/harbour",
    author: "Mayor Quill",
  });
  await server.db.rating.createMany({ data: [{ workspaceId: server.workspaceId, key: "false", name: "False", value: 1, position: 0 }], skipDuplicates: true });
  const claim = await createClaimRecord(server.db, { passage, exact: "The harbour handled 3 million containers in 2024.", createdById: server.user.id, state: "verified", verdictNote: "Port figures show 2.1 million." });
  await server.db.claim.update({ where: { id: claim.id }, data: { verdict: "false" } });
  for (let index = 0; index < 5; index++) {
    await linkWebEvidenceRecord(server.db, { workspaceId: server.workspaceId, claimId: claim.id, createdById: server.user.id, url: `https://stats.example.org/${index}`, title: `Source ${index}`, stance: "refutes" });
  }
  const published = await server.api(`/api/v1/claims/${claim.id}/publication`, { method: "POST" });
  if (published.status !== 201) throw new Error(`Publishing for the bench failed: ${published.status} ${await published.text()}`);
  const { slug } = (await published.json()) as { slug: string };
  for (let index = 0; index < 5; index++) {
    await server.db.correction.create({ data: { workspaceId: server.workspaceId, claimId: claim.id, note: `Correction ${index}`, changes: [{ field: "statement", before: "a", after: "b" }] } });
  }

  const lines: string[] = [];
  for (const [what, path] of [
    ["Fact-check page", `/fact-checks/${slug}`],
    ["Passage report", `/fact-checks/reports/harbour-speech--${passage.id}`],
    ["Atom feed", `/fact-checks/feeds/${server.workspaceId}/atom.xml`],
  ] as const) {
    const samples: number[] = [];
    for (let run = 0; run < WARM_UP + RUNS; run++) {
      const started = performance.now();
      const response = await fetch(`${server.baseUrl}${path}`);
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
      if (run >= WARM_UP) samples.push(performance.now() - started);
    }
    const { median, p95 } = summarize(samples);
    lines.push(`${what} (anonymous GET over HTTP, ${RUNS} sequential requests, cached): median ${ms(median)}, p95 ${ms(p95)}`);
  }
  return lines;
}
