import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/api-client";
import type { ErrorIssue } from "@/lib/http/errors";
import { alertMessage, CHECK_FIELDS_MESSAGE, fieldMessage, issueField } from "@/lib/http/field-messages";

const issue = (fields: Partial<ErrorIssue> & Pick<ErrorIssue, "code">): ErrorIssue => ({ path: ["body", "title"], message: "Too big: expected string to have <=500 characters", ...fields });

describe("fieldMessage", () => {
  it("words length limits in characters, whatever the API's message says", () => {
    expect(fieldMessage(issue({ code: "too_big", origin: "string", maximum: 500 }))).toBe("Use at most 500 characters.");
    expect(fieldMessage(issue({ code: "too_big", origin: "string", maximum: 10_000, message: "Quotes are at most 10000 characters" }))).toBe("Use at most 10,000 characters.");
    expect(fieldMessage(issue({ code: "too_small", origin: "string", minimum: 12, message: "Too short" }))).toBe("Use at least 12 characters.");
  });

  it("says a field is required for an empty string, a missing field, and with the field's own words where it has them", () => {
    expect(fieldMessage(issue({ code: "too_small", origin: "string", minimum: 1, path: ["body", "name"], message: "Enter a workspace name" }))).toBe("This field is required.");
    expect(fieldMessage(issue({ code: "invalid_type", expected: "string", isMissing: true, path: ["body", "title"] }))).toBe("This field is required.");
    expect(fieldMessage(issue({ code: "invalid_type", expected: "string", isMissing: true, path: ["body", "url"], message: "Give either a source URL, or a passage with start and end, but not both" }))).toBe(
      "Enter the web address of the source.",
    );
    expect(fieldMessage(issue({ code: "too_small", origin: "string", minimum: 1, path: ["body", "passageId"], message: "Give an id" }))).toBe("Select the passage text to use as evidence.");
  });

  it("words formats with an example", () => {
    expect(fieldMessage(issue({ code: "invalid_format", format: "url", message: "Invalid URL" }))).toBe("Enter a web address, such as https://example.org/report.");
    expect(fieldMessage(issue({ code: "invalid_format", format: "email", message: "Invalid email address" }))).toBe("Enter an email address, such as ana@example.org.");
    expect(fieldMessage(issue({ code: "invalid_format", format: "regex", message: "Invalid string: must match pattern /x/" }))).toBe("Check the format of this field.");
  });

  it("words numbers, lists and files by their limit", () => {
    expect(fieldMessage(issue({ code: "too_big", origin: "number", maximum: 365 }))).toBe("Use a number no greater than 365.");
    expect(fieldMessage(issue({ code: "too_big", origin: "number", maximum: 365, inclusive: false }))).toBe("Use a number less than 365.");
    expect(fieldMessage(issue({ code: "too_small", origin: "number", minimum: 1 }))).toBe("Use a number of at least 1.");
    expect(fieldMessage(issue({ code: "too_small", origin: "array", minimum: 1 }))).toBe("Choose at least one.");
    expect(fieldMessage(issue({ code: "too_big", origin: "array", maximum: 200 }))).toBe("Give at most 200 items.");
    expect(fieldMessage(issue({ code: "too_big", origin: "file", maximum: 5 * 1024 * 1024 }))).toBe("Use a file of at most 5 MB.");
    expect(fieldMessage(issue({ code: "invalid_type", expected: "number", message: "Invalid input: expected number, received string" }))).toBe("Enter a number.");
  });

  it("keeps the sentences our schemas and use cases wrote for people, and replaces zod's own", () => {
    expect(fieldMessage(issue({ code: "custom", message: "This password is too easy to guess" }))).toBe("This password is too easy to guess.");
    expect(fieldMessage(issue({ code: "custom", message: "Sent more than once." }))).toBe("Sent more than once.");
    expect(fieldMessage(issue({ code: "invalid_value", values: ["supports", "refutes"], message: 'Invalid option: expected one of "supports"|"refutes"' }))).toBe(
      "Choose one of: supports, refutes.",
    );
    expect(fieldMessage({ path: ["body", "x"], message: "Invalid input" })).toBe("Check this field.");
  });
});

describe("issueField and alertMessage", () => {
  it("find the field after body or query, and name it when the message is read away from it", () => {
    expect(issueField({ path: ["body", "title"] })).toBe("title");
    expect(issueField({ path: ["query", "cursor"] })).toBe("cursor");
    expect(issueField({ path: ["body"] })).toBeUndefined();
    expect(alertMessage(issue({ code: "too_big", origin: "string", maximum: 500, path: ["body", "verdictNote"] }))).toBe("Verdict note: Use at most 500 characters.");
    expect(alertMessage(issue({ code: "too_big", origin: "string", maximum: 200, path: ["body", "publisherName"] }))).toBe("Publisher name: Use at most 200 characters.");
    expect(alertMessage(issue({ code: "too_small", origin: "string", minimum: 1, path: ["body", "passageId"] }))).toBe("Select the passage text to use as evidence.");
  });
});

describe("ApiError", () => {
  const tooLong = new ApiError(400, "validation_failed", "Invalid request body. body.title: Too big: expected string to have <=500 characters", [
    { path: ["body", "title"], message: "Too big: expected string to have <=500 characters", code: "too_big", origin: "string", maximum: 500 },
  ]);

  it("gives plain words per field", () => {
    expect(tooLong.fieldErrors()).toEqual({ title: "Use at most 500 characters." });
  });

  it("says to check the highlighted fields when each issue is shown by its field, and words the rest otherwise", () => {
    expect(tooLong.formMessage(["title"])).toBe(CHECK_FIELDS_MESSAGE);
    expect(tooLong.formMessage([])).toBe("Title: Use at most 500 characters.");
  });

  it("keeps its message for answers without issues", () => {
    const conflict = new ApiError(409, "conflict", "Someone changed this claim.", { current: { id: "c1" } });
    expect(conflict.fieldErrors()).toEqual({});
    expect(conflict.formMessage(["title"])).toBe("Someone changed this claim.");
  });
});
