import { describe, expect, it } from "vitest";
import { countCharacters, describeCharacterCount, formatCharacterCount, formatCount } from "./character-count";

describe("formatCount", () => {
  it("groups thousands with a no-break space", () => {
    expect(formatCount(0)).toBe("0");
    expect(formatCount(999)).toBe("999");
    expect(formatCount(4980)).toBe("4\u00a0980");
    expect(formatCount(1_234_567)).toBe("1\u00a0234\u00a0567");
  });
});

describe("countCharacters", () => {
  it("counts as the API does, in UTF-16 code units", () => {
    expect(countCharacters("é🙂", 10).length).toBe(3);
  });

  it("is near the limit in its last tenth and over it past the limit", () => {
    expect(countCharacters("a".repeat(4499), 5000)).toMatchObject({ isNear: false, isOver: false });
    expect(countCharacters("a".repeat(4500), 5000)).toMatchObject({ isNear: true, isOver: false });
    expect(countCharacters("a".repeat(5000), 5000)).toMatchObject({ isNear: true, isOver: false });
    expect(countCharacters("a".repeat(5001), 5000)).toMatchObject({ isNear: true, isOver: true });
  });
});

describe("formatCharacterCount and describeCharacterCount", () => {
  it("shows used over allowed, and says what is left", () => {
    const count = countCharacters("a".repeat(4980), 5000);
    expect(formatCharacterCount(count)).toBe("4\u00a0980 / 5\u00a0000");
    expect(describeCharacterCount(count)).toBe("20 of 5\u00a0000 characters left.");
    expect(describeCharacterCount(countCharacters("a".repeat(99), 100))).toBe("1 of 100 character left.");
  });

  it("says how many are too many past the limit", () => {
    expect(describeCharacterCount(countCharacters("a".repeat(5020), 5000))).toBe("20 characters too many: the limit is 5\u00a0000.");
    expect(describeCharacterCount(countCharacters("a".repeat(101), 100))).toBe("1 character too many: the limit is 100.");
  });
});
