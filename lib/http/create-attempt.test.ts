import { describe, expect, it } from "vitest";
import { CreateAttempt } from "@/lib/http/create-attempt";

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("CreateAttempt", () => {
  it("joins a repeat of the request in flight (a double click): one send, one key, the same answer", async () => {
    const attempt = new CreateAttempt();
    const keys: string[] = [];
    const answer = deferred<string>();
    const send = (key: string) => {
      keys.push(key);
      return answer.promise;
    };
    const first = attempt.send({ fingerprint: "POST /claims {}" }, send);
    const second = attempt.send({ fingerprint: "POST /claims {}" }, send);
    answer.resolve("created");
    expect(await Promise.all([first, second])).toEqual(["created", "created"]);
    expect(keys).toHaveLength(1);
  });

  it("retries a failed request with the same key, and starts a new attempt after a success or for another request", async () => {
    const attempt = new CreateAttempt();
    const keys: string[] = [];
    const failing = (key: string) => {
      keys.push(key);
      return Promise.reject(new Error("offline"));
    };
    const succeeding = (key: string) => {
      keys.push(key);
      return Promise.resolve(key);
    };
    await expect(attempt.send({ fingerprint: "a" }, failing)).rejects.toThrow("offline");
    await attempt.send({ fingerprint: "a" }, succeeding);
    await attempt.send({ fingerprint: "a" }, succeeding);
    await attempt.send({ fingerprint: "b" }, succeeding);
    expect(keys[1]).toBe(keys[0]);
    expect(new Set(keys).size).toBe(3);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{32}$/);
  });
});
