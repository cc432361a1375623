import { describe, expect, it } from "vitest";
import { describeHistoryEntry, describeRelativeTime, describeRequestedChange, type ClaimHistoryEntry } from "@/lib/claims/history-wording";

const ana = { id: "user-ana", name: "Ana" };
const ben = { id: "user-ben", name: "Ben" };

function entry(fields: Partial<ClaimHistoryEntry> & Pick<ClaimHistoryEntry, "action">): ClaimHistoryEntry {
  return { id: "event-1", at: "2026-12-06T10:00:00.000Z", actor: ana, field: null, before: undefined, after: undefined, ...fields };
}

describe("describeHistoryEntry", () => {
  it("words publishing, withdrawing and corrections", () => {
    expect(describeHistoryEntry(entry({ action: "claim.published", after: { slug: "a-b" } }))).toBe("Ana published this as a public fact-check");
    expect(describeHistoryEntry(entry({ action: "claim.withdrawn", before: { slug: "a-b" } }))).toBe("Ana withdrew the public fact-check");
    expect(describeHistoryEntry(entry({ action: "claim.corrected", after: { note: "Wrong year.", fields: ["statement"] } }))).toBe(
      "Ana published a correction: “Wrong year.”",
    );
  });

  it("says who moved the claim to which review state, in the UI's words", () => {
    expect(describeHistoryEntry(entry({ action: "claim.state_changed", field: "state", before: "draft", after: "in_review" }))).toBe(
      "Ana moved this to In review",
    );
  });

  it("names both labels when a label changes, and the empty label as No label", () => {
    expect(describeHistoryEntry(entry({ action: "claim.updated", field: "label", before: "factual", after: "opinion" }))).toBe(
      "Ana changed the label from Factual to Opinion",
    );
    expect(describeHistoryEntry(entry({ action: "claim.updated", field: "label", before: null, after: "disputed" }))).toBe("Ana labelled this Disputed");
    expect(describeHistoryEntry(entry({ action: "claim.updated", field: "label", before: "opinion", after: null }))).toBe("Ana removed the label Opinion");
    expect(describeHistoryEntry(entry({ action: "claim.updated", field: "label", before: "opinion", after: "opinion" }))).toBe("Ana confirmed the label Opinion");
  });

  it("names linked evidence by its title, else by its domain, else as a passage", () => {
    const linked = (after: unknown) => describeHistoryEntry(entry({ action: "evidence.linked", actor: ben, after }));
    expect(linked({ stance: "supports", url: "https://example.org/a", title: "Census 2021", passageId: null })).toBe(
      "Ben linked supporting evidence: Census 2021",
    );
    expect(linked({ stance: "refutes", url: "https://www.stats.example.com/report?id=1", title: null, passageId: null })).toBe(
      "Ben linked refuting evidence: stats.example.com",
    );
    expect(linked({ stance: "context", url: null, title: null, passageId: "passage-1" })).toBe("Ben linked context evidence: a passage of this workspace");
    expect(linked({ stance: "supports", url: "https://example.org", title: "Report", borrowedFromClaimId: "claim-2" })).toBe(
      "Ben borrowed supporting evidence from a similar claim: Report",
    );
  });

  it("says the reader's own entries are theirs, and names assignees from the members", () => {
    const context = { viewerId: ana.id, memberName: (id: string) => (id === ben.id ? "Ben" : undefined) };
    expect(describeHistoryEntry(entry({ action: "claim.updated", field: "assigneeId", before: null, after: ben.id }), context)).toBe("You assigned this to Ben");
    expect(describeHistoryEntry(entry({ action: "claim.updated", field: "assigneeId", after: "user-gone" }), context)).toBe(
      "You assigned this to a former member",
    );
    expect(describeHistoryEntry(entry({ action: "claim.updated", field: "assigneeId", actor: ben, after: ana.id }), context)).toBe("Ben assigned this to you");
    expect(describeHistoryEntry(entry({ action: "claim.updated", field: "assigneeId", actor: ben, after: ben.id }), context)).toBe("Ben took this claim");
    expect(describeHistoryEntry(entry({ action: "claim.updated", field: "assigneeId", before: ben.id, after: null }), context)).toBe("You unassigned this claim");
  });

  it("names verdicts from the scale, and by key for a rating since removed", () => {
    const context = { ratingName: (key: string) => ({ "mostly-true": "Mostly true", false: "False" })[key] };
    expect(describeHistoryEntry(entry({ action: "claim.updated", field: "verdict", before: null, after: "mostly-true" }), context)).toBe("Ana gave the verdict “Mostly true”");
    expect(describeHistoryEntry(entry({ action: "claim.updated", field: "verdict", before: "mostly-true", after: "false" }), context)).toBe(
      "Ana changed the verdict from “Mostly true” to “False”",
    );
    expect(describeHistoryEntry(entry({ action: "claim.updated", field: "verdict", before: "satire", after: null }), context)).toBe("Ana removed the verdict “satire”");
  });

  it("words every other claim event a history can hold", () => {
    const cases: [ClaimHistoryEntry, string][] = [
      [entry({ action: "claim.created", after: { exact: "x", start: 0, end: 1, label: null } }), "Ana created this claim"],
      [entry({ action: "claim.created", after: { exact: "x", start: 0, end: 1, label: null, origin: "suggestion" } }), "Ana created this claim from a suggestion"],
      [entry({ action: "claim.imported", after: { state: "verified" } }), "Ana imported this claim as Verified"],
      [entry({ action: "claim.imported", after: {} }), "Ana imported this claim"],
      [entry({ action: "claim.updated", field: "statement", before: "", after: "Crime fell." }), "Ana changed the statement to “Crime fell.”"],
      [entry({ action: "claim.updated", field: "verdictNote", before: null, after: "Checked." }), "Ana added a verdict note: “Checked.”"],
      [entry({ action: "claim.updated", field: "verdictNote", before: "a", after: "b" }), "Ana changed the verdict note to “b”"],
      [entry({ action: "claim.updated", field: "verdictNote", before: "a", after: null }), "Ana removed the verdict note"],
      [entry({ action: "claim.updated", field: "duplicateOfId", before: null, after: "claim-2" }), "Ana marked this as a duplicate of another claim"],
      [entry({ action: "claim.updated", field: "duplicateOfId", before: "claim-2", after: null }), "Ana said this is not a duplicate after all"],
      [entry({ action: "claim.blind_labelled", field: "blindLabel", before: null, after: "factual" }), "Ana voted Factual in blind review"],
      [entry({ action: "claim.blind_labelled", field: "blindLabel", before: "factual", after: "opinion" }), "Ana changed their blind review vote from Factual to Opinion"],
      [entry({ action: "claim.deleted" }), "Ana deleted this claim"],
      [entry({ action: "claim.restored" }), "Ana restored this claim"],
      [entry({ action: "evidence.unlinked", before: { stance: "refutes", evidenceId: "e1" } }), "Ana removed a piece of refuting evidence"],
      [entry({ action: "comment.created", after: { body: "hi", mentionedUserIds: [] } }), "Ana commented"],
      [entry({ action: "claim.reanchored", field: "anchor", after: { status: "changed", exact: "It rose 5.3 percent.", revision: 2 } }), "Ana saved revision 2 of the passage, which edited this claim's words to “It rose 5.3 percent.”"],
      [entry({ action: "claim.reanchored", field: "anchor", after: { status: "orphaned", revision: 3 } }), "Ana saved revision 3 of the passage, which no longer has this claim's words"],
      [entry({ action: "claim.reanchored", field: "anchor", after: { status: "moved", revision: 2 } }), "Ana saved revision 2 of the passage, where this claim's words moved"],
      [entry({ action: "claim.anchor_confirmed", field: "anchor", after: { status: "exact", exact: "It rose." } }), "Ana confirmed the claim's new words: “It rose.”"],
      [entry({ action: "claim.anchor_placed", field: "anchor", after: { status: "exact", exact: "It fell." } }), "Ana placed this claim on “It fell.”"],
      [entry({ action: "claim.anchor_orphaned", field: "anchor", after: { status: "orphaned" } }), "Ana confirmed that this claim's words are gone from the passage"],
    ];
    for (const [event, sentence] of cases) expect(describeHistoryEntry(event)).toBe(sentence);
  });

  it("shortens long statements and falls back to plain words for unknown events and deleted accounts", () => {
    const long = "a".repeat(200);
    expect(describeHistoryEntry(entry({ action: "claim.updated", field: "statement", after: long }))).toMatch(/^Ana changed the statement to “a{79}…”$/);
    expect(describeHistoryEntry(entry({ action: "claim.frobnicated" }))).toBe("Ana made a change (claim.frobnicated)");
    expect(describeHistoryEntry(entry({ action: "claim.updated", field: "colour" }))).toBe("Ana changed the colour");
    expect(describeHistoryEntry(entry({ action: "claim.deleted", actor: null }))).toBe("Someone deleted this claim");
  });
});

describe("describeRelativeTime", () => {
  const now = new Date("2026-12-06T12:00:00.000Z");
  const before = (seconds: number) => new Date(now.getTime() - seconds * 1000);

  it("reads as a person would say it", () => {
    expect(describeRelativeTime(before(10), now)).toBe("just now");
    expect(describeRelativeTime(before(50), now)).toBe("1 minute ago");
    expect(describeRelativeTime(before(5 * 60), now)).toBe("5 minutes ago");
    expect(describeRelativeTime(before(3 * 3600), now)).toBe("3 hours ago");
    expect(describeRelativeTime(before(26 * 3600), now)).toBe("yesterday");
    expect(describeRelativeTime(before(3 * 7 * 24 * 3600), now)).toBe("3 weeks ago");
    expect(describeRelativeTime(before(400 * 24 * 3600), now)).toBe("last year");
    expect(describeRelativeTime(now.toISOString(), now)).toBe("just now");
  });
});

describe("describeRequestedChange", () => {
  it("names a change someone asked for in the app's words, never a field name or an id", () => {
    const context = { memberName: (id: string) => (id === "u2" ? "Ana" : undefined), ratingName: (key: string) => (key === "mostly-true" ? "Mostly true" : undefined) };
    const said = [
      describeRequestedChange("label", "factual", context),
      describeRequestedChange("state", "in_review", context),
      describeRequestedChange("verdict", "mostly-true", context),
      describeRequestedChange("assigneeId", "u2", context),
      describeRequestedChange("verdictNote", "Per the census", context),
    ];
    expect(said).toEqual(["the label Factual", "the state In review", "the verdict “Mostly true”", "the assignee Ana", "the verdict note “Per the census”"]);
    expect(said.join(" ")).not.toMatch(/assigneeId|verdictNote|in_review|mostly-true|u2/);
  });
});
