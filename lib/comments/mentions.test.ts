import { describe, expect, it } from "vitest";
import { findMentions, mentionQueryAt } from "./mentions";

const members = [
  { userId: "u-ana", name: "Ana", email: "ana@desk.test" },
  { userId: "u-ana-lima", name: "Ana Lima", email: "lima@desk.test" },
  { userId: "u-bo", name: "Bo Chen", email: "bo@desk.test" },
];

describe("findMentions", () => {
  it("finds members by name, preferring the longest name, case-insensitively", () => {
    const body = "@ana lima and @Bo Chen: please check. cc @Ana";
    expect(findMentions(body, members)).toEqual([
      { userId: "u-ana-lima", start: 0, end: 9 },
      { userId: "u-bo", start: 14, end: 22 },
      { userId: "u-ana", start: 41, end: 45 },
    ]);
  });

  it("accepts an email handle and ignores addresses, partial words and strangers", () => {
    expect(findMentions("ask @bo@desk.test", members)).toEqual([{ userId: "u-bo", start: 4, end: 17 }]);
    expect(findMentions("mail ana@desk.test", members)).toEqual([]);
    expect(findMentions("@Anastasia said so", members)).toEqual([]);
    expect(findMentions("@Zed is not a member", members)).toEqual([]);
  });

  it("ends a name at punctuation", () => {
    expect(findMentions("Thanks, @Bo Chen!", members)).toEqual([{ userId: "u-bo", start: 8, end: 16 }]);
  });
});

describe("mentionQueryAt", () => {
  it("reads the mention being typed before the caret", () => {
    expect(mentionQueryAt("please @Ana L", 13)).toEqual({ start: 7, query: "Ana L" });
    expect(mentionQueryAt("@", 1)).toEqual({ start: 0, query: "" });
  });

  it("is null outside a mention", () => {
    expect(mentionQueryAt("no mention here", 5)).toBeNull();
    expect(mentionQueryAt("mail ana@desk", 13)).toBeNull();
    expect(mentionQueryAt("@Ana\nnext line", 14)).toBeNull();
  });
});
