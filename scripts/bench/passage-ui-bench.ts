import { anchorByPosition } from "@/lib/claims/anchoring";
import type { ClaimLabel } from "@/lib/generated/prisma/enums";
import { createPassageRecord } from "@/lib/fixtures/factories";
import type { BenchServer } from "./bench-server";
import { ms, signedInBrowserPage, summarize } from "./bench-server";

const LABELS: (ClaimLabel | null)[] = [null, "factual", "opinion", "disputed"];
/** A passage of `count` sentences with one claim on each, plus nested claims inside every tenth. */
async function seedPassage(server: BenchServer, count: number) {
  const sentences = Array.from({ length: count }, (_, i) => `Sentence ${i} says the port handled ${1000 + i} containers in ${2000 + (i % 25)}.`);
  const text = sentences.map((s, i) => (i % 8 === 7 ? `${s}\n\n` : `${s} `)).join("");
  const passage = await createPassageRecord(server.db, { workspaceId: server.workspaceId, createdById: server.user.id, title: `Bench ${count} claims`, text });
  const rows = [];
  let offset = 0;
  for (let i = 0; i < count && rows.length < count; i++) {
    const sentence = sentences[i] ?? "";
    const start = text.indexOf(sentence, offset);
    offset = start + sentence.length;
    const spans = [{ start, end: offset }];
    if (i % 10 === 0) spans.push({ start: start + 9, end: start + 20 }); // nested inside the sentence
    for (const span of spans) {
      const anchor = anchorByPosition(text, span);
      if (!anchor.ok || rows.length >= count) continue;
      rows.push({
        workspaceId: server.workspaceId,
        passageId: passage.id,
        createdById: server.user.id,
        statement: anchor.target.quote.exact,
        label: i < 60 ? null : LABELS[i % LABELS.length],
        ...anchor.target.quote,
        ...anchor.target.position,
      });
    }
  }
  await server.db.claim.createMany({ data: rows });
  return { passageId: passage.id, claimCount: rows.length };
}

export async function benchPassageUi(server: BenchServer, claimCount = 2000): Promise<string[]> {
  const { passageId, claimCount: seeded } = await seedPassage(server, claimCount);
  const { browser, page } = await signedInBrowserPage(server);
  try {
    const url = `/w/${server.workspaceId}/passages/${passageId}`;

    // Open: navigation start to every claim painted (all highlight ranges registered) and the list shown.
    const openSamples: number[] = [];
    for (let run = 0; run < 6; run++) {
      await page.goto(url, { waitUntil: "commit" });
      const paintedAt = await page.waitForFunction(
        (expected) => {
          const names = ["claim-factual", "claim-opinion", "claim-disputed", "claim-none"];
          const total = names.reduce((sum, name) => sum + (CSS.highlights.get(name)?.size ?? 0), 0);
          return total === expected && document.querySelector(".claim-list") ? performance.now() : false;
        },
        seeded,
        { polling: "raf", timeout: 30_000 },
      );
      if (run > 0) openSamples.push((await paintedAt.jsonValue()) as number);
    }

    // Relabel: a click on a label button to the highlight repainted in its new label (optimistic update).
    await page.goto(url);
    const relabelSamples: number[] = [];
    // The first rows of the virtualized list are rendered and still unlabelled.
    for (let run = 0; run < 14; run++) {
      await page.locator(".claim-list-item").nth(run).click();
      await page.getByRole("heading", { name: "Claim", exact: true }).waitFor();
      const label = run % 2 === 0 ? "Factual" : "Disputed";
      const name = label === "Factual" ? "claim-factual" : "claim-disputed";
      const before = await page.evaluate((highlightName) => CSS.highlights.get(highlightName)?.size ?? 0, name);
      await page.evaluate(() =>
        window.addEventListener("click", () => Object.assign(window, { relabelStartedAt: performance.now() }), { capture: true, once: true }),
      );
      await page.getByRole("button", { name: new RegExp(`^${label}`) }).click();
      const repainted = await page.waitForFunction(
        ([highlightName, sizeBefore]) =>
          (CSS.highlights.get(highlightName as string)?.size ?? 0) > (sizeBefore as number)
            ? performance.now() - (window as unknown as { relabelStartedAt: number }).relabelStartedAt
            : false,
        [name, before] as const,
        { polling: "raf", timeout: 5000 },
      );
      relabelSamples.push((await repainted.jsonValue()) as number);
      await page.getByText("Saved.").waitFor({ state: "attached" });
      await page.getByRole("button", { name: "Close" }).click();
    }
    const open = summarize(openSamples);
    const relabel = summarize(relabelSamples);
    return [
      `open a passage with ${seeded} claims in Chromium (navigation start → all highlights painted, ${openSamples.length} runs after 1 warm-up)`,
      `  median ${ms(open.median)}, p95 ${ms(open.p95)}, max ${ms(open.max)}  (target < 1000 ms)`,
      `relabel on that passage (click on a label → highlight repainted, ${relabelSamples.length} runs)`,
      `  median ${ms(relabel.median)}, p95 ${ms(relabel.p95)}, max ${ms(relabel.max)}  (target < 100 ms)`,
    ];
  } finally {
    await browser.close();
  }
}
