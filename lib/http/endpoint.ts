import type { z, ZodType } from "zod";
import { ERROR_STATUS, type ErrorCode } from "@/lib/http/errors";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** A JSON answer with its schema, an answer without a body, or a file in one of the given media types. */
export type ResponseDeclaration =
  | { description: string; schema: ZodType }
  | { description: string; isEmpty: true }
  | { description: string; contentTypes: readonly string[] };

/**
 * Everything a client needs to know about one API operation, stated once: the route file mounts it
 * (defineRoute parses with these schemas), the OpenAPI document describes it, and the browser's
 * client calls it with these types. Pure zod, so server and browser import the same object.
 */
export type Endpoint = {
  method: HttpMethod;
  /** The path template, as in the route tree: /api/v1/claims/{claimId}. */
  path: `/api/${string}`;
  summary: string;
  description?: string;
  tags: readonly string[];
  auth: "required" | "none";
  params?: ZodType;
  query?: ZodType;
  /** A JSON request body. */
  body?: ZodType;
  /** A body that is not JSON (a file upload, in one or more media types), described for the document; the route reads it itself. */
  upload?: { contentType: string | readonly string[]; schema: ZodType };
  /** Request headers the operation reads, for the document (If-Match, Idempotency-Key…). */
  headers?: ZodType;
  /** Creating operations: a retried request with the same Idempotency-Key returns the first answer. */
  isIdempotent?: boolean;
  /** Every successful answer, by status. */
  responses: Readonly<Record<number, ResponseDeclaration>>;
  /** The errors the operation itself can answer; those every route can give are added (see implicitErrors). */
  errors: readonly ErrorCode[];
};

/** Declares an endpoint; the identity function keeps its literal types for the route and the client. */
export function endpoint<const E extends Endpoint>(declaration: E): E {
  return declaration;
}

export const json = <S extends ZodType>(schema: S, description: string) => ({ description, schema });
export const noContent = (description: string) => ({ description, isEmpty: true as const });
export const file = (contentTypes: readonly string[], description: string) => ({ description, contentTypes });

/**
 * The errors defineRoute itself can answer for an endpoint, whatever its handler does: bad input,
 * a missing or invalid sign-in, a cross-site cookie write, an unreadable body, the write rate
 * limit, a busy Idempotency-Key, and a database that cannot be reached.
 */
export function implicitErrors(declaration: Endpoint): ErrorCode[] {
  const isWrite = declaration.method !== "GET";
  const codes: ErrorCode[] = ["unauthenticated", "unavailable"];
  if (declaration.params || declaration.query || declaration.body || declaration.upload || declaration.isIdempotent) codes.push("validation_failed");
  if (isWrite) codes.push("forbidden", "rate_limited");
  if (declaration.body || declaration.upload) codes.push("payload_too_large");
  if (declaration.body) codes.push("unsupported_media_type");
  if (declaration.isIdempotent) codes.push("conflict");
  return codes;
}

/** An Idempotency-Key sent again with a different body (lib/http/idempotency.ts); code validation_failed. */
export const IDEMPOTENCY_KEY_REUSED_STATUS = 422;
export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;

/** Every error status an endpoint can answer: its own errors and defineRoute's. */
export function errorStatuses(declaration: Endpoint): Set<number> {
  const codes = new Set([...declaration.errors, ...implicitErrors(declaration), "internal" as const]);
  const statuses = new Set<number>([...codes].map((code) => ERROR_STATUS[code]));
  if (declaration.isIdempotent) statuses.add(IDEMPOTENCY_KEY_REUSED_STATUS);
  return statuses;
}

type Input<S> = S extends ZodType ? z.input<S> : undefined;
type Output<S> = S extends ZodType ? z.output<S> : undefined;

export type EndpointParams<E extends Endpoint> = Input<E["params"]>;
export type EndpointQuery<E extends Endpoint> = Input<E["query"]>;
export type EndpointBody<E extends Endpoint> = Input<E["body"]>;
export type ParsedParams<E extends Endpoint> = Output<E["params"]>;
export type ParsedQuery<E extends Endpoint> = Output<E["query"]>;
export type ParsedBody<E extends Endpoint> = Output<E["body"]>;

/**
 * The JSON a successful call answers (undefined for an empty answer). 304 is left out: a browser's
 * fetch turns it into the cached 200, and callers that send If-None-Match themselves read the status.
 */
export type EndpointAnswer<E extends Endpoint> = {
  [Status in Exclude<keyof E["responses"], 304>]: E["responses"][Status] extends { schema: infer S extends ZodType } ? z.output<S> : undefined;
}[Exclude<keyof E["responses"], 304>];

/** The path of one call: the template with its parameters filled in. */
export function endpointPath(declaration: Pick<Endpoint, "path">, params: Record<string, unknown> | undefined): string {
  return declaration.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new Error(`${declaration.path}: the parameter ${name} is missing`);
    return encodeURIComponent(String(value));
  });
}
