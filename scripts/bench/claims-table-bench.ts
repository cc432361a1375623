import { createPassageRecord } from "@/lib/fixtures/factories";
import type { BenchServer } from "./bench-server";
import { ms, signedInBrowserPage, summarize } from "./bench-server";

/** Scrolls the workspace claims table through `count` claims, loading pages as it goes, and records frame intervals. */
export async function benchClaimsTable(server: BenchServer, count = 10_000): Promise<string[]> {
  const text = "Claim sentence number, repeated for the benchmark. ".repeat(100);
  const passage = await createPassageRecord(server.db, { workspaceId: server.workspaceId, createdById: server.user.id, title: "Table bench", text });
  for (let offset = 0; offset < count; offset += 2000) {
    await server.db.claim.createMany({
      data: Array.from({ length: Math.min(2000, count - offset) }, (_, i) => ({
        workspaceId: server.workspaceId,
        passageId: passage.id,
        createdById: server.user.id,
        statement: `Bench claim ${offset + i}: the port handled ${offset + i} containers`,
        exact: "Claim",
        prefix: "",
        suffix: " sentence",
        start: 0,
        end: 5,
      })),
    });
  }
  // Other suites may have added claims to the same workspace; the table shows them all.
  const total = await server.db.claim.count({ where: { workspaceId: server.workspaceId, deletedAt: null } });
  const { browser, page } = await signedInBrowserPage(server);
  try {
    await page.goto(`/w/${server.workspaceId}/claims`);
    await page.locator(".claims-scroll").waitFor();
    // tsx compiles named functions with an `__name` helper that the page does not have.
    await page.evaluate("window.__name = (fn) => fn");
    const result = await page.evaluate(async (expectedRows) => {
      const scroller = document.querySelector<HTMLElement>(".claims-scroll");
      const table = document.querySelector<HTMLElement>('[role="table"]');
      if (!scroller || !table) throw new Error("no table");
      const intervals: number[] = [];
      const started = performance.now();
      let last = started;
      return new Promise<{ intervals: number[]; totalMs: number }>((resolve, reject) => {
        const giveUp = setTimeout(() => reject(new Error(`stuck at ${table.getAttribute("aria-rowcount")} rows`)), 120_000);
        const step = (now: number) => {
          intervals.push(now - last);
          last = now;
          scroller.scrollTop += 600; // about 12 rows a frame: a fast flick
          const isDone = table.getAttribute("aria-rowcount") === String(expectedRows + 1) && scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
          if (isDone) {
            clearTimeout(giveUp);
            resolve({ intervals, totalMs: now - started });
          } else {
            requestAnimationFrame(step);
          }
        };
        requestAnimationFrame(step);
      });
    }, total);
    const frames = summarize(result.intervals);
    const longFrames = result.intervals.filter((interval) => interval > 50).length;
    return [
      `scroll the claims table through ${total} claims in Chromium (pages of 100 loaded by cursor while scrolling, ${result.intervals.length} frames)`,
      `  total ${ms(result.totalMs)}; frame interval median ${ms(frames.median)}, p95 ${ms(frames.p95)}, max ${ms(frames.max)}; frames over 50 ms: ${longFrames}`,
    ];
  } finally {
    await browser.close();
  }
}
