import { reanchorAll } from "@/lib/revisions/reanchor";
import { anchorByPosition } from "@/lib/claims/anchoring";
import { alignTexts } from "@/lib/revisions/text-alignment";
const [old, edits, spans] = JSON.parse(process.argv[2]!) as [string, any[], [number, number][]];
let doc = { text: old, origin: [...old].map((_, i) => i) as (number | null)[] };
for (const change of edits) {
  const length = doc.text.length;
  if (change.kind === "move") {
    const starts = [0, ...[...doc.text.matchAll(/\n\n/g)].map((m) => m.index! + 2)];
    if (starts.length < 2) continue;
    const pieces = starts.map((start, index) => { const end = index + 1 < starts.length ? starts[index + 1]! - 2 : length; return { text: doc.text.slice(start, end), origin: doc.origin.slice(start, end) }; });
    const [moved] = pieces.splice(change.from % pieces.length, 1); pieces.splice(change.to % (pieces.length + 1), 0, moved!);
    doc = { text: pieces.map((p) => p.text).join("\n\n"), origin: pieces.flatMap((p, i) => (i === 0 ? p.origin : [null, null, ...p.origin])) };
    continue;
  }
  const at = change.at % (length + 1); const cut = change.kind === "insert" ? 0 : Math.min(change.length, length - at); const typed = change.kind === "delete" ? "" : change.text;
  doc = { text: doc.text.slice(0, at) + typed + doc.text.slice(at + cut), origin: [...doc.origin.slice(0, at), ...Array(typed.length).fill(null), ...doc.origin.slice(at + cut)] };
}
for (const [a, l] of spans) {
  const start = a % old.length; const an = anchorByPosition(old, { start, end: Math.min(old.length, start + l) });
  if (!an.ok) continue;
  const anchor = { ...an.target.quote, ...an.target.position };
  const [r] = reanchorAll(old, doc.text, [anchor]);
  console.log(JSON.stringify(anchor.exact), anchor.start, anchor.end, r, "start" in r! ? [JSON.stringify(doc.text.slice(r.start, r.end)), doc.origin.slice(r.start, r.end).join(",")] : "");
}
console.log(alignTexts(old, doc.text).chunks.map(c => [c.kind, c.oldStart, c.newStart, JSON.stringify((c.kind === "insert" ? doc.text.slice(c.newStart, c.newEnd) : old.slice(c.oldStart, c.oldEnd)).slice(0, 60))]));
