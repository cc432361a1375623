import type { ClaimHistory } from "@/lib/claims/claim.schemas";
import { LABEL_DISPLAY, STATE_DISPLAY } from "@/lib/claims/label-display";

export type ClaimHistoryEntry = ClaimHistory["items"][number];

export type HistoryWordingContext = {
  /** The person reading: their own entries say "You". */
  viewerId?: string;
  /** A member's name by user id (assignees are recorded by id); undefined for someone no longer in the workspace. */
  memberName?: (userId: string) => string | undefined;
  /** A rating's name by key on the workspace's scale (verdicts are recorded by key); undefined for one since removed. */
  ratingName?: (key: string) => string | undefined;
};

const STANCE_WORDS: Record<string, string> = { supports: "supporting", refutes: "refuting", context: "context" };
const STATEMENT_PREVIEW_LENGTH = 80;

/** One history entry as a sentence a person understands, e.g. "Ana moved this to In review". */
export function describeHistoryEntry(entry: ClaimHistoryEntry, context: HistoryWordingContext = {}): string {
  const who = entry.actor === null ? "Someone" : entry.actor.id === context.viewerId ? "You" : entry.actor.name;
  return `${who} ${describeAction(entry, context)}`;
}

function describeAction(entry: ClaimHistoryEntry, context: HistoryWordingContext): string {
  const after = asRecord(entry.after);
  switch (entry.action) {
    case "claim.created":
      return after?.origin === "suggestion" ? "created this claim from a suggestion" : "created this claim";
    case "claim.imported":
      return typeof after?.state === "string" && after.state in STATE_DISPLAY
        ? `imported this claim as ${stateName(after.state)}`
        : "imported this claim";
    case "claim.state_changed":
      return `moved this to ${stateName(entry.after)}`;
    case "claim.updated":
      return describeFieldChange(entry, context);
    case "claim.blind_labelled":
      return entry.before === null || entry.before === undefined
        ? `voted ${labelName(entry.after)} in blind review`
        : `changed their blind review vote from ${labelName(entry.before)} to ${labelName(entry.after)}`;
    case "claim.deleted":
      return "deleted this claim";
    case "claim.restored":
      return "restored this claim";
    case "evidence.linked": {
      const source = describeSource(after);
      const stance = STANCE_WORDS[String(after?.stance)];
      const kind = stance ? `${stance} evidence` : "evidence";
      return typeof after?.borrowedFromClaimId === "string" ? `borrowed ${kind} from a similar claim: ${source}` : `linked ${kind}: ${source}`;
    }
    case "evidence.unlinked": {
      const stance = STANCE_WORDS[String(asRecord(entry.before)?.stance)];
      return stance ? `removed a piece of ${stance} evidence` : "removed a piece of evidence";
    }
    case "comment.created":
      return "commented";
    case "claim.published":
      return "published this as a public fact-check";
    case "claim.republished":
      return "published this fact-check again";
    case "claim.withdrawn":
      return "withdrew the public fact-check";
    case "claim.corrected":
      return typeof after?.note === "string" ? `published a correction: “${after.note}”` : "published a correction";
    case "claim.reanchored":
      return describeReanchoring(after);
    case "claim.anchor_confirmed":
      return `confirmed the claim's new words: “${preview(String(after?.exact ?? ""))}”`;
    case "claim.anchor_placed":
      return `placed this claim on “${preview(String(after?.exact ?? ""))}”`;
    case "claim.anchor_orphaned":
      return "confirmed that this claim's words are gone from the passage";
    default:
      return `made a change (${entry.action})`;
  }
}

/** A revision of the passage, as it moved this claim (lib/revisions/server/create-revision.ts). */
function describeReanchoring(after: Record<string, unknown> | null): string {
  const revision = typeof after?.revision === "number" ? `revision ${after.revision}` : "a new revision";
  switch (after?.status) {
    case "changed":
      return `saved ${revision} of the passage, which edited this claim's words to “${preview(String(after.exact ?? ""))}”`;
    case "orphaned":
      return `saved ${revision} of the passage, which no longer has this claim's words`;
    default:
      return `saved ${revision} of the passage, where this claim's words moved`;
  }
}

function describeFieldChange(entry: ClaimHistoryEntry, context: HistoryWordingContext): string {
  const { before, after } = entry;
  switch (entry.field) {
    case "label":
      if (isEmpty(before)) return `labelled this ${labelName(after)}`;
      if (isEmpty(after)) return `removed the label ${labelName(before)}`;
      // An editor sending the label a claim already has confirms it as the final one (update-claim).
      if (before === after) return `confirmed the label ${labelName(after)}`;
      return `changed the label from ${labelName(before)} to ${labelName(after)}`;
    case "statement":
      return isEmpty(after) ? "cleared the statement" : `changed the statement to “${preview(String(after))}”`;
    case "verdictNote":
      if (isEmpty(after)) return "removed the verdict note";
      return isEmpty(before) ? `added a verdict note: “${preview(String(after))}”` : `changed the verdict note to “${preview(String(after))}”`;
    case "verdict": {
      const rating = (value: unknown) => `“${context.ratingName?.(String(value)) ?? String(value)}”`;
      if (isEmpty(after)) return `removed the verdict ${rating(before)}`;
      return isEmpty(before) ? `gave the verdict ${rating(after)}` : `changed the verdict from ${rating(before)} to ${rating(after)}`;
    }
    case "assigneeId":
      if (isEmpty(after)) return "unassigned this claim";
      if (after === entry.actor?.id) return "took this claim";
      return `assigned this to ${personName(String(after), context)}`;
    case "duplicateOfId":
      return isEmpty(after) ? "said this is not a duplicate after all" : "marked this as a duplicate of another claim";
    case "state":
      return `moved this to ${stateName(after)}`;
    default:
      return entry.field ? `changed the ${entry.field}` : `made a change (${entry.action})`;
  }
}

/** A change someone asked for, in words ("the label Factual", "the verdict “Mostly true”"), for messages about it. */
export function describeRequestedChange(field: string, value: unknown, context: HistoryWordingContext = {}): string {
  switch (field) {
    case "label":
      return `the label ${labelName(value)}`;
    case "state":
      return `the state ${stateName(value)}`;
    case "statement":
      return isEmpty(value) ? "an empty statement" : `the statement “${preview(String(value))}”`;
    case "verdictNote":
      return isEmpty(value) ? "no verdict note" : `the verdict note “${preview(String(value))}”`;
    case "verdict":
      return isEmpty(value) ? "no verdict" : `the verdict “${context.ratingName?.(String(value)) ?? String(value)}”`;
    case "assigneeId":
      return isEmpty(value) ? "no assignee" : `the assignee ${personName(String(value), context)}`;
    case "duplicateOfId":
      return isEmpty(value) ? "not a duplicate" : "a duplicate of another claim";
    case "correctionNote":
      return `the correction note “${preview(String(value))}”`;
    default:
      return field;
  }
}

function labelName(value: unknown): string {
  if (isEmpty(value)) return LABEL_DISPLAY.none.name;
  return typeof value === "string" && value in LABEL_DISPLAY ? LABEL_DISPLAY[value as keyof typeof LABEL_DISPLAY].name : String(value);
}

function stateName(value: unknown): string {
  return typeof value === "string" && value in STATE_DISPLAY ? STATE_DISPLAY[value as keyof typeof STATE_DISPLAY] : String(value);
}

function personName(userId: string, context: HistoryWordingContext): string {
  if (userId === context.viewerId) return "you";
  return context.memberName?.(userId) ?? "a former member";
}

/** A linked source by its title, else its web address's domain, else "a passage of this workspace". */
function describeSource(after: Record<string, unknown> | null): string {
  if (typeof after?.title === "string" && after.title.trim() !== "") return after.title.trim();
  if (typeof after?.url === "string") return domainOf(after.url);
  return "a passage of this workspace";
}

function domainOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
}

function preview(text: string): string {
  return text.length <= STATEMENT_PREVIEW_LENGTH ? text : `${text.slice(0, STATEMENT_PREVIEW_LENGTH - 1).trimEnd()}…`;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

const RELATIVE_STEPS: { unit: Intl.RelativeTimeFormatUnit; seconds: number }[] = [
  { unit: "year", seconds: 365 * 24 * 3600 },
  { unit: "month", seconds: 30 * 24 * 3600 },
  { unit: "week", seconds: 7 * 24 * 3600 },
  { unit: "day", seconds: 24 * 3600 },
  { unit: "hour", seconds: 3600 },
  { unit: "minute", seconds: 60 },
];

/** "just now", "5 minutes ago", "yesterday", "3 weeks ago": how long before `now` an entry happened. */
export function describeRelativeTime(at: string | Date, now: Date, locale = "en"): string {
  const elapsedSeconds = (now.getTime() - new Date(at).getTime()) / 1000;
  if (Math.abs(elapsedSeconds) < 45) return "just now";
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  for (const { unit, seconds } of RELATIVE_STEPS) {
    if (Math.abs(elapsedSeconds) >= seconds) return format.format(-Math.round(elapsedSeconds / seconds), unit);
  }
  return format.format(-Math.max(1, Math.round(elapsedSeconds / 60)), "minute");
}
