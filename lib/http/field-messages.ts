import type { ErrorIssue } from "@/lib/http/errors";
import { formatBytes } from "@/lib/http/format-bytes";

// The API's issue messages are precise, for whoever sent the request; a form shows a plain sentence
// next to the field instead, worded here from the issue's code and limits (see ErrorIssueSchema).

export const CHECK_FIELDS_MESSAGE = "Check the highlighted fields.";

const GENERIC_REQUIRED = "This field is required.";

// Where "This field is required." would leave a person guessing what to do.
const REQUIRED_BY_FIELD: Record<string, string> = {
  url: "Enter the web address of the source.",
  sourceUrl: "Enter the web address of the source.",
  passageId: "Select the passage text to use as evidence.",
  email: "Enter an email address.",
  password: "Enter your password.",
  currentPassword: "Enter your current password.",
  newPassword: "Enter a new password.",
  text: "Paste or type the text of the passage.",
  statement: "Enter the claim's statement.",
};

// Names for fields whose message is shown away from the field (in the form's alert).
const FIELD_LABELS: Record<string, string> = {
  url: "Source URL",
  sourceUrl: "Source URL",
  passageId: "Passage text",
  start: "Start of the passage text",
  end: "End of the passage text",
  accessedAt: "Accessed on",
  expiresInDays: "Expiry",
  verdictNote: "Verdict note",
  body: "Comment",
};

const FORMAT_MESSAGES: Record<string, string> = {
  url: "Enter a web address, such as https://example.org/report.",
  email: "Enter an email address, such as ana@example.org.",
  date: "Enter a date, such as 2026-11-01.",
  datetime: "Enter a date, such as 2026-11-01.",
};

/** The form field an issue belongs to: the first path segment after `body` (or `query`), if any. */
export function issueField(issue: Pick<ErrorIssue, "path">): string | undefined {
  const [first, second] = issue.path;
  const field = first === "body" || first === "query" ? second : first;
  return field === undefined ? undefined : String(field);
}

/** The sentence for an empty required field. */
function requiredMessage(field?: string): string {
  return (field !== undefined && REQUIRED_BY_FIELD[field]) || GENERIC_REQUIRED;
}

/** A plain sentence for one issue, to show next to its field. */
export function fieldMessage(issue: ErrorIssue, field = issueField(issue)): string {
  switch (issue.code) {
    case "too_big":
      return issue.maximum === undefined ? apiSentence(issue) : limitMessage("most", issue.origin, issue.maximum, issue.inclusive !== false);
    case "too_small":
      if (issue.minimum === undefined) return apiSentence(issue);
      if (issue.origin === "string" && (issue.minimum < 1 || (issue.minimum === 1 && issue.inclusive !== false))) return requiredMessage(field);
      return limitMessage("least", issue.origin, issue.minimum, issue.inclusive !== false);
    case "invalid_format":
      return (issue.format !== undefined && FORMAT_MESSAGES[issue.format]) || apiSentence(issue, "Check the format of this field.");
    case "invalid_type":
      if (issue.isMissing) return requiredMessage(field);
      return issue.expected === "number" || issue.expected === "int" ? "Enter a number." : apiSentence(issue);
    case "invalid_value":
      return apiSentence(issue, issue.values?.length ? `Choose one of: ${issue.values.join(", ")}.` : undefined);
    default:
      return apiSentence(issue);
  }
}

/**
 * The same sentence for the form's alert, where it is read away from the field: it names the field
 * unless the sentence already says what to do there.
 */
export function alertMessage(issue: ErrorIssue): string {
  const field = issueField(issue);
  const sentence = fieldMessage(issue, field);
  if (field === undefined || Object.values(REQUIRED_BY_FIELD).includes(sentence) || sentence === FORMAT_MESSAGES[issue.format ?? ""]) return sentence;
  return `${fieldLabel(field)}: ${sentence}`;
}

function fieldLabel(field: string): string {
  const words = FIELD_LABELS[field] ?? field.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// "most" for too_big, "least" for too_small; a limit that is not inclusive moves one whole unit.
function limitMessage(bound: "most" | "least", origin: string | undefined, limit: number, isInclusive: boolean): string {
  const allowed = isInclusive ? limit : bound === "most" ? limit - 1 : limit + 1;
  switch (origin) {
    case "string":
      return `Use at ${bound} ${count(allowed)} characters.`;
    case "number":
    case "int":
    case "bigint":
      if (bound === "most") return isInclusive ? `Use a number no greater than ${count(limit)}.` : `Use a number less than ${count(limit)}.`;
      return isInclusive ? `Use a number of at least ${count(limit)}.` : `Use a number greater than ${count(limit)}.`;
    case "array":
    case "set":
      return bound === "least" && allowed <= 1 ? "Choose at least one." : `Give at ${bound} ${count(allowed)} items.`;
    case "file":
      return `Use a file of at ${bound} ${formatBytes(limit)}.`;
    case "date":
      return `Use a date no ${bound === "most" ? "later" : "earlier"} than ${new Date(limit).toISOString().slice(0, 10)}.`;
    default:
      return `Use at ${bound} ${count(limit)}.`;
  }
}

const count = (value: number) => value.toLocaleString("en-US");

// zod's own messages ("Invalid input: …", "Too big: …") are for developers; ours (written in the
// schemas and use cases) are already sentences for people, so they are shown as they are.
function apiSentence(issue: ErrorIssue, fallback = "Check this field."): string {
  const message = issue.message.trim();
  if (message === "" || /^(Invalid|Too (big|small)|Unrecognized key)/.test(message)) return fallback;
  return /[.!?]$/.test(message) ? message : `${message}.`;
}
