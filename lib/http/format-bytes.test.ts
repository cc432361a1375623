import { describe, expect, it } from "vitest";
import { formatBytes } from "@/lib/http/format-bytes";

describe("formatBytes", () => {
  it("shows whole bytes below one kilobyte", () => {
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(1023)).toBe("1023 B");
  });

  it("rounds to one decimal in binary units and drops a zero decimal", () => {
    expect(formatBytes(1024)).toBe("1 KB");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(1024 + 40)).toBe("1 KB");
    expect(formatBytes(1024 + 60)).toBe("1.1 KB");
    expect(formatBytes(5 * 1024 * 1024)).toBe("5 MB");
    expect(formatBytes(1.26 * 1024 * 1024)).toBe("1.3 MB");
    expect(formatBytes(3 * 1024 * 1024 * 1024)).toBe("3 GB");
  });

  it("moves to the next unit when rounding reaches 1024", () => {
    expect(formatBytes(1024 * 1024 - 1)).toBe("1 MB");
    expect(formatBytes(1023.94 * 1024)).toBe("1023.9 KB");
  });
});
