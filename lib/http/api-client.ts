import type { ZodType } from "zod";
import type { CreateAttempt } from "@/lib/http/create-attempt";
import { endpointPath, type Endpoint, type EndpointAnswer, type EndpointBody, type EndpointParams, type EndpointQuery } from "@/lib/http/endpoint";
import type { ErrorCode, ErrorIssue } from "@/lib/http/errors";
import { alertMessage, CHECK_FIELDS_MESSAGE, fieldMessage, issueField } from "@/lib/http/field-messages";
import { tryParseJson } from "@/lib/try-parse-json";

// The browser's one HTTP client: every call to /api names an endpoint declared in
// lib/<feature>/*.endpoints.ts, so its path, input and answer types come from the declaration
// the server mounts. Components call the hooks in lib/<feature>/client, never fetch.

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

  /** Plain validation messages keyed by the first path segment after "body", for showing next to form fields. */
  fieldErrors(): Record<string, string> {
    const fields: Record<string, string> = {};
    for (const issue of this.issues()) {
      const field = issueField(issue);
      if (field !== undefined && !(field in fields)) fields[field] = fieldMessage(issue, field);
    }
    return fields;
  }

  /**
   * The sentence for a form's alert, given the fields it shows fieldErrors() next to: "Check the
   * highlighted fields." when every issue is shown there, else the plain words for the others.
   */
  formMessage(shownFields: readonly string[]): string {
    const issues = this.issues();
    if (issues.length === 0) return this.message;
    const elsewhere = issues.filter((issue) => !shownFields.includes(issueField(issue) ?? ""));
    if (elsewhere.length === 0) return CHECK_FIELDS_MESSAGE;
    return [...new Set(elsewhere.map(alertMessage))].join(" ");
  }

  private issues(): ErrorIssue[] {
    if (this.code !== "validation_failed" || !Array.isArray(this.details)) return [];
    return (this.details as ErrorIssue[]).filter((issue) => Array.isArray(issue?.path) && typeof issue.message === "string");
  }
}

/** The alert for a failed form or action: ApiError.formMessage for our API's answers, the error's own message otherwise. */
export function formErrorMessage(error: unknown, shownFields: readonly string[] = []): string {
  if (error instanceof ApiError) return error.formMessage(shownFields);
  return error instanceof Error ? error.message : "Something went wrong. Try again.";
}

const NETWORK_MESSAGE = "Could not reach ClaimDesk. Check your connection and try again.";

/** The ApiError for a failed answer, read from the API's error envelope `{ error: { code, message, details } }`. */
function apiErrorFrom(status: number, text: string): ApiError {
  const error = (tryParseJson(text) as { error?: { code?: ErrorCode; message?: string; details?: unknown } } | undefined)?.error;
  return new ApiError(status, error?.code ?? "internal", error?.message ?? unexplainedFailure(status), error?.details);
}

/** An answer without ClaimDesk's error shape comes from something in between (a proxy, a gateway): say what a person can do. */
function unexplainedFailure(status: number): string {
  if (status === 502 || status === 503 || status === 504) return `ClaimDesk could not be reached just now (the server in front of it answered ${status}). Wait a moment and try again.`;
  return `The server answered ${status} without saying why. Try again; if it keeps failing, tell your administrator.`;
}

/** What a call sends: the path parameters, query and JSON body its endpoint declares. */
export type CallInput<E extends Endpoint> = (E["params"] extends ZodType ? { params: EndpointParams<E> } : { params?: never }) &
  (E["query"] extends ZodType ? { query?: Partial<EndpointQuery<E>> } : { query?: never }) &
  (E["body"] extends ZodType ? { body: EndpointBody<E> } : { body?: never });

type CallOptions = {
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** Creating requests: sent with the attempt's Idempotency-Key, and joined when repeated while in flight. */
  attempt?: CreateAttempt;
};

/** The address of one call: the endpoint's path with its parameters, and its query string. */
export function endpointUrl(endpoint: Endpoint, input: { params?: unknown; query?: unknown }): string {
  const path = endpointPath(endpoint, input.params as Record<string, unknown> | undefined);
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries((input.query ?? {}) as Record<string, unknown>)) {
    if (value !== undefined && value !== null && value !== "") query.set(name, String(value));
  }
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

/** Calls a JSON endpoint; answers its declared success body, or throws ApiError. */
export function callApi<E extends Endpoint>(endpoint: E, input: CallInput<E>, options: CallOptions = {}): Promise<EndpointAnswer<E>> {
  const url = endpointUrl(endpoint, input);
  const { attempt, ...rest } = options;
  if (attempt) {
    const body: unknown = input.body;
    const fingerprint = `${endpoint.method} ${url} ${JSON.stringify(body ?? null)}`;
    return attempt.send({ fingerprint }, (key) => send(endpoint, url, body, { ...rest, headers: { ...rest.headers, "Idempotency-Key": key } }));
  }
  return send(endpoint, url, input.body, rest);
}

async function send<E extends Endpoint>(endpoint: E, url: string, body: unknown, options: Omit<CallOptions, "attempt">): Promise<EndpointAnswer<E>> {
  const response = await request(url, {
    method: endpoint.method,
    headers: { Accept: "application/json", ...(body === undefined ? {} : { "Content-Type": "application/json" }), ...options.headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: options.signal,
  });
  const text = await response.text();
  if (!response.ok) throw apiErrorFrom(response.status, text);
  return (text ? tryParseJson(text) : undefined) as EndpointAnswer<E>;
}

/**
 * Opens a file answer (an export) for streaming: the caller reads the body as it arrives to show
 * progress. Throws ApiError for an error answer.
 */
export async function openDownload<E extends Endpoint>(endpoint: E, input: CallInput<E>, options: { signal?: AbortSignal } = {}): Promise<Response & { body: ReadableStream<Uint8Array<ArrayBuffer>> }> {
  const response = await request(endpointUrl(endpoint, input), { method: endpoint.method, signal: options.signal });
  if (!response.ok || !response.body) throw apiErrorFrom(response.status, await response.text());
  return response as Response & { body: ReadableStream<Uint8Array<ArrayBuffer>> };
}

type UploadInput<E extends Endpoint> = (E["params"] extends ZodType ? { params: EndpointParams<E> } : { params?: never }) & {
  /** The file or form, sent as is; a Blob goes with `contentType`, a FormData sets its own. */
  body: Blob | FormData;
  contentType?: string;
};

/**
 * Uploads a file to an endpoint that declares `upload`, reporting the fraction sent (fetch cannot
 * report upload progress, so this uses XMLHttpRequest). With an attempt, a repeated upload of the
 * same file reuses its Idempotency-Key.
 */
export function uploadToApi<E extends Endpoint>(
  endpoint: E,
  input: UploadInput<E>,
  options: { attempt?: CreateAttempt; fingerprint?: string; onProgress?: (fraction: number) => void; headers?: Record<string, string> } = {},
): Promise<EndpointAnswer<E>> {
  const url = endpointUrl(endpoint, input);
  const upload = (idempotencyKey?: string) =>
    new Promise<EndpointAnswer<E>>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(endpoint.method, url);
      xhr.setRequestHeader("Accept", "application/json");
      if (input.contentType) xhr.setRequestHeader("Content-Type", input.contentType);
      for (const [name, value] of Object.entries(options.headers ?? {})) xhr.setRequestHeader(name, value);
      if (idempotencyKey) xhr.setRequestHeader("Idempotency-Key", idempotencyKey);
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) options.onProgress?.(event.loaded / event.total);
      };
      xhr.onerror = () => reject(new ApiError(0, "network", NETWORK_MESSAGE));
      xhr.onload = () => {
        if (xhr.status >= 200 && xhr.status < 300) resolve(tryParseJson(xhr.responseText) as EndpointAnswer<E>);
        else reject(apiErrorFrom(xhr.status, xhr.responseText));
      };
      xhr.send(input.body);
    });
  if (!options.attempt) return upload();
  return options.attempt.send({ fingerprint: `${endpoint.method} ${url} ${options.fingerprint ?? ""}` }, upload);
}

async function request(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, credentials: "same-origin" });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, "network", NETWORK_MESSAGE);
  }
}


