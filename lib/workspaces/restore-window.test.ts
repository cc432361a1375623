import { describe, expect, it } from "vitest";
import { DAY_MS } from "@/lib/time-units";
import { RESTORE_WINDOW_DAYS, restorableUntil, restoreWindowStart } from "@/lib/workspaces/restore-window";

describe("the restore window", () => {
  it("is 30 days, ending the same instant from either side", () => {
    expect(RESTORE_WINDOW_DAYS).toBe(30);
    const deletedAt = new Date("2026-01-01T10:00:00.000Z");
    expect(restorableUntil(deletedAt).toISOString()).toBe("2026-01-31T10:00:00.000Z");
    expect(restoreWindowStart(restorableUntil(deletedAt)).getTime()).toBe(deletedAt.getTime());
    expect(DAY_MS).toBe(86_400_000);
  });
});
