import { describe, expect, it } from "vitest";
import { isPassingFetchFailure, isPassingHttpStatus } from "@/lib/fetching/fetch-retry";
import { SafeFetchError } from "@/lib/fetching/safe-fetch";
import { AppError } from "@/lib/http/errors";

describe("which fetch failures are worth retrying", () => {
  it("retries server errors, 408 and 429, not a missing or forbidden page", () => {
    expect([500, 502, 503, 504, 408, 429].map(isPassingHttpStatus)).toEqual([true, true, true, true, true, true]);
    expect([400, 401, 403, 404, 410, 451].map(isPassingHttpStatus)).toEqual([false, false, false, false, false, false]);
  });

  it("retries a timeout, a dropped connection or a name server that did not answer, never a refused address, a wrong type or an oversized page", () => {
    expect(isPassingFetchFailure(new SafeFetchError("timeout", "slow"))).toBe(true);
    expect(isPassingFetchFailure(new SafeFetchError("connection", "refused"))).toBe(true);
    expect(isPassingFetchFailure(new SafeFetchError("dns_unavailable", "no answer from the name server"))).toBe(true);
    for (const reason of ["not_allowed", "dns", "too_large", "content_type", "too_many_redirects", "bad_response"] as const) {
      expect(isPassingFetchFailure(new SafeFetchError(reason, reason))).toBe(false);
    }
    expect(isPassingFetchFailure(new AppError("fetch_failed", "not a fetch error"))).toBe(false);
  });
});
