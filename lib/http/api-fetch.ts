import type { CreateAttempt } from "@/lib/http/create-attempt";
import type { ErrorCode, ErrorIssue } from "@/lib/http/errors";

/** An error answer of our API, as seen by the browser. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | "network";
  readonly details: unknown;

  constructor(status: number, code: ErrorCode | "network", message: string, details?: unknown) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Validation messages keyed by the first path segment after "body", for showing next to form fields. */
  fieldErrors(): Record<string, string> {
    if (this.code !== "validation_failed" || !Array.isArray(this.details)) return {};
    const fields: Record<string, string> = {};
    for (const issue of this.details as ErrorIssue[]) {
      const field = issue.path[0] === "body" ? issue.path[1] : issue.path[0];
      if (field !== undefined && !(String(field) in fields)) fields[String(field)] = issue.message;
    }
    return fields;
  }
}

type ApiFetchOptions = {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Creating requests: sent with the attempt's Idempotency-Key, and joined when repeated while in flight. */
  attempt?: CreateAttempt;
};

/** The browser's one way to call /api/v1: JSON in and out, errors as ApiError. */
export async function apiFetch<T>(path: string, options: ApiFetchOptions = {}): Promise<T> {
  const { attempt, ...rest } = options;
  if (attempt) {
    const fingerprint = `${rest.method ?? "POST"} ${path} ${JSON.stringify(rest.body ?? null)}`;
    return attempt.send({ fingerprint }, (key) => apiFetch<T>(path, { ...rest, headers: { ...rest.headers, "Idempotency-Key": key } }));
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? (options.body === undefined ? "GET" : "POST"),
      headers: {
        Accept: "application/json",
        ...(options.body === undefined ? {} : { "Content-Type": "application/json" }),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: "same-origin",
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, "network", "Could not reach ClaimDesk. Check your connection and try again.");
  }
  const text = await response.text();
  const payload: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const error = (payload as { error?: { code?: ErrorCode; message?: string; details?: unknown } } | undefined)?.error;
    throw new ApiError(
      response.status,
      error?.code ?? "internal",
      error?.message ?? `The server answered ${response.status}.`,
      error?.details,
    );
  }
  return payload as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
