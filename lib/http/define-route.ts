import "server-only";
import type { NextRequest } from "next/server";
import { z, type ZodType } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { actorFromApiToken } from "@/lib/auth/server/api-token-auth";
import { resolveSessionActor } from "@/lib/auth/server/resolve-session-actor";
import { publicOrigin, requestOrigin } from "@/lib/http/client-address";
import { databaseUnavailable, isDatabaseUnavailable } from "@/lib/http/database-unavailable";
import { errorStatuses, type Endpoint, type ParsedBody, type ParsedParams, type ParsedQuery } from "@/lib/http/endpoint";
import { isResponseCheckOn } from "@/lib/env";
import { AppError, ErrorBodySchema, type ErrorIssue } from "@/lib/http/errors";
import { bodyCutOff, isClientGone, readLimitedBody } from "@/lib/http/read-limited-body";
import { runIdempotently, type AnswerReference } from "@/lib/http/idempotency";
import { consumeWriteAllowance } from "@/lib/http/write-rate-limit";
import { JSON_CONTENT_TYPE, jsonResponse } from "@/lib/http/json-response";

const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

type RouteContext = { params: Promise<Record<string, string | string[]>> };

type HandlerInput<TActor, TParams, TQuery, TBody> = {
  actor: TActor;
  params: TParams;
  query: TQuery;
  body: TBody;
  request: NextRequest;
};

/**
 * What a handler returns: a finished Response, JSON with a status and headers, or JSON text already
 * serialised (by PostgreSQL, for large reads), sent as it is (as UTF-8 bytes when the handler keeps
 * them encoded, so a cached answer is not encoded again on each request). Under test every answer is still
 * parsed and held to the endpoint's schema (checkResponse), so the text keeps the contract.
 */
export type RouteResult =
  | Response
  | { status?: number; body: unknown; headers?: Record<string, string> }
  | { status?: number; json: string | Uint8Array<ArrayBuffer>; headers?: Record<string, string> };

type Implementation<E extends Endpoint, TBody> = {
  bodyLimitBytes?: number;
  /** Reads a body that is not just JSON (file uploads); `fingerprint` identifies it for Idempotency-Key. */
  readBody?: (request: NextRequest) => Promise<{ body: TBody; fingerprint: string }>;
  /** Idempotent routes with large answers: how a stored answer is kept by reference and read back on replay. */
  answerReference?: AnswerReference<unknown>;
  handler: (
    input: HandlerInput<E["auth"] extends "required" ? Actor : Actor | null, ParsedParams<E>, ParsedQuery<E>, TBody>,
  ) => Promise<RouteResult>;
};

/** A route handler as Next.js calls it, carrying the endpoint it mounts (read by the OpenAPI document and the tests). */
export type MountedRoute<E extends Endpoint = Endpoint> = ((request: NextRequest, context: RouteContext) => Promise<Response>) & {
  endpoint: E;
};

/**
 * The one wrapper every /api route goes through: mounts an endpoint declared in lib/<feature>/*.endpoints.ts,
 * resolves the caller (session cookie or bearer token), refuses cross-site cookie mutations, parses
 * input with the endpoint's schemas, and turns every error into the API's error shape. Handlers stay
 * a few lines that call one use case.
 */
export function defineRoute<const E extends Endpoint, TBody = ParsedBody<E>>(endpoint: E, implementation: Implementation<E, TBody>): MountedRoute<E> {
  const route = async (request: NextRequest, context: RouteContext): Promise<Response> => {
    const response = await answer(endpoint, implementation, request, context);
    if (isResponseCheckOn()) await checkResponse(endpoint, request, response);
    return response;
  };
  return Object.assign(route, { endpoint });
}

/**
 * A route that answers without the API's wrapper (no sign-in, no input, its own errors): the health
 * check must answer when the database cannot, and the OpenAPI document is public. It still mounts
 * an endpoint, so the document describes it and tests hold it to its declaration.
 */
export function defineOpenRoute<const E extends Endpoint>(endpoint: E, handler: () => Promise<Response>): ((request: NextRequest) => Promise<Response>) & { endpoint: E } {
  const route = async (request: NextRequest): Promise<Response> => {
    const response = await handler();
    if (isResponseCheckOn()) await checkResponse(endpoint, request, response);
    return response;
  };
  return Object.assign(route, { endpoint });
}

/**
 * The query as one value per name. A name given twice is refused rather than read as its last (or
 * first) value: `format=jsonl&format=csv` must not quietly pick one. Lists are comma-separated.
 */
function singleValuedQuery(searchParams: URLSearchParams): Record<string, string> {
  const query = new Map<string, string>();
  for (const [name, value] of searchParams) {
    if (query.has(name)) {
      const message = `The query parameter “${name}” is given more than once; give it once (a list is comma-separated, e.g. ${name}=a,b).`;
      throw new AppError("validation_failed", message, { details: [{ path: ["query", name], message }] });
    }
    query.set(name, value);
  }
  return Object.fromEntries(query);
}

/**
 * The query, refusing a parameter the endpoint does not read: a misspelt filter (`lable=factual`)
 * would otherwise be dropped and the answer would hold every claim, for a script to act on.
 */
function knownQuery(schema: ZodType | undefined, query: Record<string, string>): Record<string, string> {
  if (!(schema instanceof z.ZodObject)) return query;
  const known = Object.keys(schema.shape);
  const unknown = Object.keys(query).find((name) => !known.includes(name));
  if (unknown !== undefined) {
    const message = `Unknown query parameter “${unknown}”; this endpoint reads ${known.join(", ")}.`;
    throw new AppError("validation_failed", message, { details: [{ path: ["query", unknown], message }] });
  }
  return query;
}

async function answer<E extends Endpoint, TBody>(
  endpoint: E,
  implementation: Implementation<E, TBody>,
  request: NextRequest,
  context: RouteContext,
): Promise<Response> {
  try {
    const actor = await resolveActor(request);
    if (actor?.via === "session" && !SAFE_METHODS.has(request.method)) assertSameOrigin(request);
    // Before the sign-in check, so writes refused for want of one are counted against their address too.
    if (!SAFE_METHODS.has(request.method)) await consumeWriteAllowance(actor, request);
    if (endpoint.auth === "required" && !actor) {
      throw new AppError("unauthenticated", "Sign in, or send an API token as `Authorization: Bearer <token>`.");
    }

    const params = parseInput(endpoint.params, await context.params, "path");
    const query = parseInput(endpoint.query, knownQuery(endpoint.query, singleValuedQuery(request.nextUrl.searchParams)), "query");
    const customBody = implementation.readBody ? await implementation.readBody(request) : undefined;
    const rawBody = customBody?.fingerprint ?? (endpoint.body ? await readBody(request, implementation.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES) : "");
    const body = customBody ? customBody.body : endpoint.body ? parseInput(endpoint.body, parseJson(rawBody), "body") : undefined;
    const run = () =>
      implementation.handler({
        actor: actor as never,
        params: params as ParsedParams<E>,
        query: query as ParsedQuery<E>,
        body: body as TBody,
        request,
      });

    const idempotencyKey = request.headers.get("idempotency-key");
    if (endpoint.isIdempotent && idempotencyKey !== null && actor) {
      const result = await runIdempotently(
        {
          userId: actor.userId,
          key: idempotencyKey,
          scope: `${request.method} ${request.nextUrl.pathname}`,
          rawBody,
          answerReference: implementation.answerReference,
        },
        async () => toJsonResult(await run()),
      );
      return jsonResponse(result.body, { status: result.status, headers: { ...result.headers, ...(result.isReplay && { "Idempotent-Replayed": "true" }) } });
    }
    const result = await run();
    if (result instanceof Response) return result;
    if ("json" in result) {
      return new Response(result.json, { status: result.status ?? 200, headers: { "content-type": JSON_CONTENT_TYPE, ...result.headers } });
    }
    return jsonResponse(result.body, { status: result.status ?? 200, headers: result.headers });
  } catch (error) {
    return errorResponse(error, request);
  }
}

/**
 * Under test, every answer is held to its endpoint's declaration: a success status it declares,
 * with a body its schema accepts, or an error it (or defineRoute) can give. A mismatch throws, so
 * the test that received it fails naming the difference. Production does not pay for this.
 */
async function checkResponse(endpoint: Endpoint, request: NextRequest, response: Response): Promise<void> {
  const where = `${endpoint.method} ${endpoint.path}`;
  if (request.method !== endpoint.method) throw new Error(`${where} was called with ${request.method}`);
  if (!pathMatches(endpoint.path, request.nextUrl.pathname)) throw new Error(`${where} answered ${request.nextUrl.pathname}`);
  const declared = endpoint.responses[response.status];
  if (!declared && response.status >= 400) {
    if (!errorStatuses(endpoint).has(response.status)) {
      throw new Error(`${where} answered ${response.status}, which it does not declare in errors: ${await response.clone().text()}`);
    }
    ErrorBodySchema.parse(await response.clone().json());
    return;
  }
  if (!declared) throw new Error(`${where} answered ${response.status}, which it does not declare in responses`);
  if ("schema" in declared) {
    const parsed = declared.schema.safeParse(await response.clone().json());
    if (!parsed.success) throw new Error(`${where} answered ${response.status} with a body its schema refuses: ${z.prettifyError(parsed.error)}`);
  } else if ("isEmpty" in declared) {
    if ((await response.clone().text()) !== "") throw new Error(`${where} answered ${response.status} with a body where it declares none`);
  } else {
    const type = response.headers.get("content-type")?.split(";")[0]?.trim() ?? "";
    if (!declared.contentTypes.includes(type)) throw new Error(`${where} answered ${type}, not one of ${declared.contentTypes.join(", ")}`);
  }
}

function pathMatches(template: string, pathname: string): boolean {
  const pattern = template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{\.\.\.\w+\}/g, ".+").replace(/\{\w+\}/g, "[^/]+");
  return new RegExp(`^${pattern}$`).test(pathname);
}

export function errorResponse(error: unknown, request?: Request): Response {
  if (error instanceof AppError) {
    return jsonResponse(error.toBody(), { status: error.status, headers: error.headers });
  }
  if (error instanceof z.ZodError) {
    return errorResponse(validationError("The request is not valid.", error.issues));
  }
  // A hung-up client reads no answer; a dropped database connection (also ECONNRESET) is a 503.
  if (request?.signal.aborted) return errorResponse(bodyCutOff(error));
  if (isDatabaseUnavailable(error)) {
    console.error("Database unavailable in API route:", error instanceof Error ? error.message.trim().split("\n").at(-1) : error);
    return errorResponse(databaseUnavailable());
  }
  if (isClientGone(error, request)) return errorResponse(bodyCutOff(error));
  const unstorable = unstorableInput(error);
  if (unstorable) {
    // The schemas refuse these first; reaching here means a field without one, so say where to look.
    console.warn("Input PostgreSQL could not store reached the database; its schema should refuse it", error);
    return errorResponse(unstorable);
  }
  console.error("Unhandled error in API route", error);
  return jsonResponse(
    { error: { code: "internal", message: "Something went wrong on our side. Try again; if it keeps failing, tell your administrator." } },
    { status: 500 },
  );
}

function validationError(message: string, issues: readonly z.core.$ZodIssue[], pathPrefix?: string): AppError {
  const details: ErrorIssue[] = issues.flatMap(withClosestUnionOption).map((issue) => ({
    path: [...(pathPrefix ? [pathPrefix] : []), ...issue.path.map((part) => (typeof part === "symbol" ? String(part) : part))],
    message: issue.message,
    ...issueLimits(issue),
  }));
  return new AppError("validation_failed", `${message} ${details.map((d) => `${d.path.join(".") || "input"}: ${d.message}`).join("; ")}`, {
    details,
  });
}

// What a client needs to word its own message for the field; never the input itself (it may be a password).
function issueLimits(issue: z.core.$ZodIssue): Omit<ErrorIssue, "path" | "message"> {
  switch (issue.code) {
    case "too_big":
      return { code: issue.code, origin: issue.origin, maximum: Number(issue.maximum), ...(issue.inclusive === false ? { inclusive: false } : {}) };
    case "too_small":
      return { code: issue.code, origin: issue.origin, minimum: Number(issue.minimum), ...(issue.inclusive === false ? { inclusive: false } : {}) };
    case "invalid_format":
      return { code: issue.code, format: issue.format };
    case "invalid_type":
      // The input is kept on the issue only when parsed with reportInput, so a missing field is told apart only then.
      return { code: issue.code, expected: issue.expected, ...("input" in issue && issue.input === undefined ? { isMissing: true } : {}) };
    case "invalid_value":
      return { code: issue.code, values: issue.values.filter((value) => value === null || ["string", "number", "boolean"].includes(typeof value)) as (string | number | boolean | null)[] };
    default:
      return { code: issue.code };
  }
}

// 22021 and 22P05: text with NUL or not encodable; 22008: a date outside PostgreSQL's range. Prisma
// wraps the driver's error, so the code sits in meta.driverAdapterError.cause.
const UNSTORABLE_INPUT_CODES = new Set(["22021", "22P05", "22008"]);

function unstorableInput(error: unknown): AppError | null {
  const wrapped = (error as { meta?: { driverAdapterError?: { cause?: { code?: unknown } } } } | null)?.meta?.driverAdapterError?.cause?.code;
  const direct = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  const code = typeof wrapped === "string" ? wrapped : direct;
  if (typeof code !== "string" || !UNSTORABLE_INPUT_CODES.has(code)) return null;
  const message =
    code === "22008"
      ? "The request holds a date that cannot be stored; use a date between the years 1 and 9999."
      : "The request holds text that cannot be stored (a NUL character or an unpaired UTF-16 surrogate); remove it and send it again.";
  return new AppError("validation_failed", message, { details: [{ path: [], message }] });
}

// When no option of a union matches, its issue names only the union; an option that came closest
// (strictly fewest issues) names the field that is wrong, so its issues are listed after it.
function withClosestUnionOption(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== "invalid_union" || issue.errors.length === 0) return [issue];
  const fewest = Math.min(...issue.errors.map((option) => option.length));
  const closest = issue.errors.filter((option) => option.length === fewest);
  if (closest.length !== 1 || !closest[0]) return [issue];
  return [issue, ...closest[0].flatMap((inner) => withClosestUnionOption({ ...inner, path: [...issue.path, ...inner.path] }))];
}

export function parseInput<T>(schema: ZodType<T> | undefined, value: unknown, where: "path" | "query" | "body"): T | undefined {
  if (!schema) return undefined;
  const parsed = schema.safeParse(value, { reportInput: true });
  if (parsed.success) return parsed.data;
  throw validationError(`Invalid ${where === "path" ? "path" : where === "query" ? "query parameters" : "request body"}.`, parsed.error.issues, where);
}

export function parseJson(raw: string): unknown {
  if (raw.trim() === "") throw new AppError("validation_failed", "The request body is empty; send a JSON object.", { details: [{ path: ["body"], message: "Empty body" }] });
  try {
    return JSON.parse(raw);
  } catch (error) {
    const reason = error instanceof Error ? error.message : "unreadable";
    throw new AppError("validation_failed", `The request body is not valid JSON (${reason}).`, {
      details: [{ path: ["body"], message: `Malformed JSON: ${reason}` }],
    });
  }
}

/** Reads a JSON request body within a size limit, refusing other media types. */
export async function readBody(request: Request, limitBytes: number): Promise<string> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) {
    throw new AppError("unsupported_media_type", "Send the request body as JSON with `Content-Type: application/json`.");
  }
  return new TextDecoder().decode(await readLimitedBody(request, limitBytes));
}

async function resolveActor(request: NextRequest): Promise<Actor | null> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const actor = match?.[1] ? await actorFromApiToken(match[1]) : null;
    if (!actor) throw new AppError("unauthenticated", "The API token is invalid, expired or revoked. Create a new one in Settings → API tokens.");
    return actor;
  }
  return resolveSessionActor(request);
}

// Cookie-authenticated changes must come from our own pages (CSRF); scripts use bearer tokens.
function assertSameOrigin(request: NextRequest): void {
  const origin = request.headers.get("origin");
  // The app answers to any name it is reached by (localhost, an address, a LAN name), so the
  // request's own Host is the reference, not one configured URL.
  const allowed = new Set([requestOrigin(request), publicOrigin(request)]);
  const isSameOrigin = origin ? allowed.has(origin) : request.headers.get("sec-fetch-site") === "same-origin";
  if (!isSameOrigin) {
    throw new AppError(
      "forbidden",
      "Cross-site request refused: changes made with a session cookie must come from ClaimDesk itself. Scripts should use an API token.",
    );
  }
}

function toJsonResult(result: RouteResult): { status: number; body: unknown; headers?: Record<string, string> } {
  if (result instanceof Response) throw new Error("Idempotent and JSON routes must return a JSON result");
  const body: unknown = "json" in result ? JSON.parse(typeof result.json === "string" ? result.json : new TextDecoder().decode(result.json)) : result.body;
  return { status: result.status ?? 200, body, headers: result.headers };
}
