// `npm run eval:reanchor [-- --verbose]`: re-anchors the claims of lib/revisions/eval's revision
// fixtures with ClaimDesk's algorithm and with Hypothesis-style anchoring, and prints, claim by
// claim (--verbose) and in total, how many land right, are flagged for a person, are placed silently
// on an edited sentence, or are misplaced. The same fixtures run through the API in
// lib/revisions/reanchor-eval.int.test.ts, which fails on any misplaced claim.
import { reanchorAll } from "@/lib/revisions/reanchor";
import { revisionFixtures } from "@/lib/revisions/eval/revision-fixtures";
import { addToTally, emptyTally, hypothesisAnchor, judge, oldAnchorOf, type Outcome, type Tally } from "@/lib/revisions/eval/score-reanchoring";

const isVerbose = process.argv.includes("--verbose");
const columns = (tally: Tally) =>
  [tally.right, tally.flagged, tally.silent, tally.misplaced, tally.orphaned, `${tally.editedFlagged}/${tally.edited}`].map((value) => String(value).padStart(10)).join("");

const ours = emptyTally();
const baseline = emptyTally();
console.log(`${"fixture".padEnd(26)}${"".padEnd(10)}${["right", "flagged", "silent", "misplaced", "orphaned", "edited⚑"].map((name) => name.padStart(10)).join("")}`);
for (const fixture of revisionFixtures()) {
  const anchors = fixture.claims.map((claim) => oldAnchorOf(fixture, claim));
  const results = reanchorAll(fixture.old, fixture.new, anchors);
  const fixtureOurs = emptyTally();
  const fixtureBaseline = emptyTally();
  fixture.claims.forEach((claim, index) => {
    const result = results[index]!;
    const ourOutcome: Outcome = result.status === "orphaned" ? { status: "orphaned" } : { status: result.status, start: result.start, end: result.end };
    const baselineOutcome = hypothesisAnchor(fixture.new, anchors[index]!);
    const ourVerdict = judge(fixture, claim, ourOutcome);
    const baselineVerdict = judge(fixture, claim, baselineOutcome);
    addToTally(fixtureOurs, claim, ourOutcome, ourVerdict);
    addToTally(fixtureBaseline, claim, baselineOutcome, baselineVerdict);
    if (isVerbose) {
      const shown = (outcome: Outcome) => (outcome.start === undefined ? outcome.status : `${outcome.status} ${JSON.stringify(fixture.new.slice(outcome.start, outcome.end).slice(0, 60))}`);
      console.log(`  ${claim.expect.kind.padEnd(8)} ${JSON.stringify(claim.quote.slice(0, 50))}\n    ours: ${ourVerdict} (${shown(ourOutcome)})\n    baseline: ${baselineVerdict} (${shown(baselineOutcome)})`);
    }
  });
  for (const [total, part] of [[ours, fixtureOurs], [baseline, fixtureBaseline]] as const) {
    for (const key of Object.keys(total) as (keyof Tally)[]) total[key] += part[key];
  }
  console.log(`${fixture.id.padEnd(26)}${"ClaimDesk".padEnd(10)}${columns(fixtureOurs)}`);
  console.log(`${"".padEnd(26)}${"baseline".padEnd(10)}${columns(fixtureBaseline)}`);
}
const claims = ours.right + ours.flagged + ours.silent + ours.misplaced;
console.log(`${`all ${claims} claims`.padEnd(26)}${"ClaimDesk".padEnd(10)}${columns(ours)}`);
console.log(`${"".padEnd(26)}${"baseline".padEnd(10)}${columns(baseline)}`);
