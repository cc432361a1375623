import "server-only";
import { lookup as dnsLookup } from "node:dns/promises";
import type { LookupAddress, LookupOptions } from "node:dns";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import type { Readable } from "node:stream";
import ipaddr from "ipaddr.js";
import { Agent, request } from "undici";
import { serverEnv } from "@/lib/env";
import { AppError, type ErrorCode } from "@/lib/http/errors";
import { formatBytes } from "@/lib/http/format-bytes";
import { type AddressPolicy, bareHostname, checkAddress, checkUrlShape, portOf } from "@/lib/fetching/address-policy";

// The one way the server fetches a web address (URL import, evidence capture, link checks, webhooks).
// Every hop is resolved once, checked, and connected to by that address only (no second lookup, so no
// DNS rebinding); redirects are followed by hand and checked again. docs/security.md › Server-side fetching.

export const URL_NOT_ALLOWED_MESSAGE = "That address points inside a private network; ClaimDesk only fetches public web pages.";

export type FetchFailureReason =
  | "not_allowed"
  | "dns"
  | "dns_unavailable"
  | "connection"
  | "timeout"
  | "too_large"
  | "content_type"
  | "too_many_redirects"
  | "bad_response";

const CODE_BY_REASON: Record<FetchFailureReason, ErrorCode> = {
  not_allowed: "url_not_allowed",
  content_type: "unsupported_media_type",
  too_large: "payload_too_large",
  dns: "fetch_failed",
  dns_unavailable: "fetch_failed",
  connection: "fetch_failed",
  timeout: "fetch_failed",
  too_many_redirects: "fetch_failed",
  bad_response: "fetch_failed",
};

/**
 * A fetch that was refused or failed; `reason` says why for callers (a link checker tells a dead name
 * from a timeout). Refused: 400 `url_not_allowed`; a page of a type or size the caller cannot take:
 * 415 / 413 (4xx: retrying will not help); the page could not be fetched: 502 `fetch_failed`.
 */
export class SafeFetchError extends AppError {
  readonly reason: FetchFailureReason;

  constructor(reason: FetchFailureReason, message: string, why?: string) {
    super(CODE_BY_REASON[reason], message, { details: { reason, ...(why ? { why } : {}) } });
    this.reason = reason;
  }
}

export type ResolvedAddress = { address: string; family: 4 | 6 };
/** Resolves a host name to its addresses; tests inject one so they need no DNS. */
export type HostResolver = (hostname: string) => Promise<ResolvedAddress[]>;

export type FetchSettings = AddressPolicy & {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
};

export type SafeFetchOptions = {
  /** Media types accepted for a 2xx answer (e.g. ["text/html", "text/plain"]), or "any". Other answers are read whatever their type. */
  accept: readonly string[] | "any";
  method?: "GET" | "HEAD" | "POST";
  /** The caller's own headers (e.g. a webhook signature). Cookie and Proxy-Authorization are dropped; Authorization is dropped when a redirect leaves the origin. */
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Defaults come from lib/env.ts (FETCH_*); tests pass their own. */
  settings?: Partial<FetchSettings>;
  resolveHost?: HostResolver;
  signal?: AbortSignal;
};

export type SafeFetchResult = {
  requestedUrl: string;
  /** After redirects. */
  finalUrl: string;
  status: number;
  /** The Content-Type header as sent, and its media type in lower case ("" when absent). */
  contentType: string;
  mediaType: string;
  headers: Record<string, string>;
  /** Decoded (Content-Encoding undone), at most `maxBytes`. */
  body: Buffer;
  /** Every URL requested, in order. */
  hops: string[];
  remoteAddress: string;
  fetchedAt: Date;
  elapsedMs: number;
};

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const DROPPED_HEADERS = new Set(["cookie", "cookie2", "proxy-authorization", "host", "connection", "content-length", "transfer-encoding"]);

const defaultResolver: HostResolver = async (hostname) => {
  const addresses = await dnsLookup(hostname, { all: true, verbatim: true });
  return addresses.map((entry) => ({ address: entry.address, family: entry.family === 6 ? 6 : 4 }));
};

/** The limits from the settings (lib/env.ts), with a User-Agent naming the public origin. */
export function fetchSettingsFromEnv(): FetchSettings {
  const env = serverEnv();
  const origin = env.PUBLIC_URL ?? env.NEXTAUTH_URL;
  return {
    timeoutMs: env.FETCH_TIMEOUT_MS,
    maxBytes: env.FETCH_MAX_BYTES,
    maxRedirects: env.FETCH_MAX_REDIRECTS,
    allowedPorts: env.FETCH_ALLOWED_PORTS ?? [],
    loopbackPort: env.FETCH_ALLOW_LOOPBACK_PORT,
    userAgent: userAgent(origin),
  };
}

export function userAgent(origin: string | undefined): string {
  return `ClaimDesk/1.0${origin ? ` (+${new URL(origin).origin})` : ""}`;
}

function refuse(why: string): never {
  throw new SafeFetchError("not_allowed", URL_NOT_ALLOWED_MESSAGE, why);
}

function parseUrl(input: string): URL {
  try {
    return new URL(input);
  } catch {
    throw new SafeFetchError("not_allowed", "That is not a web address; use one that starts with http:// or https://.");
  }
}

/**
 * The address a fetch of `url` would connect to, after checking scheme, port and every address the host
 * resolves to (one bad address refuses the host). Throws SafeFetchError("not_allowed"); callers may use
 * it to refuse a URL before queuing work.
 */
export async function resolveAllowedAddress(
  url: URL,
  policy: AddressPolicy,
  resolveHost: HostResolver = defaultResolver,
): Promise<ResolvedAddress> {
  const shape = checkUrlShape(url, policy);
  if (!shape.isAllowed) {
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new SafeFetchError("not_allowed", "ClaimDesk only fetches web pages: use an address that starts with http:// or https://.", shape.why);
    }
    refuse(shape.why);
  }
  const hostname = bareHostname(url);
  const port = portOf(url);
  let addresses: ResolvedAddress[];
  if (ipaddr.isValid(hostname)) {
    addresses = [{ address: hostname, family: ipaddr.parse(hostname).kind() === "ipv6" ? 6 : 4 }];
  } else {
    try {
      addresses = await resolveHost(hostname);
    } catch (error) {
      // EAI_AGAIN: the name server did not answer, which passes; any other failure means no such name.
      if ((error as NodeJS.ErrnoException | null)?.code === "EAI_AGAIN") {
        throw new SafeFetchError("dns_unavailable", `The name ${hostname} could not be looked up just now (its name server did not answer).`);
      }
      throw new SafeFetchError("dns", `The name ${hostname} could not be found.`);
    }
    if (addresses.length === 0) throw new SafeFetchError("dns", `The name ${hostname} could not be found.`);
  }
  for (const entry of addresses) {
    const verdict = checkAddress(entry.address, port, policy);
    if (!verdict.isAllowed) refuse(`${hostname} resolves to ${verdict.why}`);
  }
  return addresses[0]!;
}

/** Checks a URL the way safeFetch would, without fetching it. */
export async function checkFetchableUrl(input: string, options: Pick<SafeFetchOptions, "settings" | "resolveHost"> = {}): Promise<URL> {
  const settings = { ...fetchSettingsFromEnvIfNeeded(options.settings) };
  const url = parseUrl(input);
  await resolveAllowedAddress(url, settings, options.resolveHost);
  return url;
}

function fetchSettingsFromEnvIfNeeded(given: Partial<FetchSettings> | undefined): FetchSettings {
  const isComplete =
    given?.timeoutMs !== undefined &&
    given.maxBytes !== undefined &&
    given.maxRedirects !== undefined &&
    given.allowedPorts !== undefined &&
    given.userAgent !== undefined;
  return isComplete ? (given as FetchSettings) : { ...fetchSettingsFromEnv(), ...given };
}

/** An agent whose every connection goes to `pinned`, whatever name the URL holds (TLS still checks that name). */
function pinnedAgent(pinned: ResolvedAddress, timeoutMs: number): Agent {
  const lookup = (
    _hostname: string,
    options: LookupOptions,
    callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    if (options.all) callback(null, [{ address: pinned.address, family: pinned.family }]);
    else callback(null, pinned.address, pinned.family);
  };
  return new Agent({ connect: { lookup, timeout: timeoutMs }, connections: 1, pipelining: 0 });
}

function outgoingHeaders(given: Record<string, string> | undefined, settings: FetchSettings, isSameOrigin: boolean, accept: SafeFetchOptions["accept"]) {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(given ?? {})) {
    const lower = name.toLowerCase();
    if (DROPPED_HEADERS.has(lower)) continue;
    if (lower === "authorization" && !isSameOrigin) continue;
    headers[lower] = value;
  }
  headers["user-agent"] = settings.userAgent;
  headers["accept-encoding"] = "gzip, deflate, br";
  headers.accept ??= accept === "any" ? "*/*" : `${accept.join(", ")};q=1, */*;q=0.1`;
  return headers;
}

function headerText(value: string | string[] | undefined): string {
  return Array.isArray(value) ? value.join(", ") : (value ?? "");
}

async function readCapped(body: Readable, encoding: string, maxBytes: number): Promise<Buffer> {
  const decoder =
    encoding === "gzip" || encoding === "x-gzip"
      ? createGunzip()
      : encoding === "deflate"
        ? createInflate()
        : encoding === "br"
          ? createBrotliDecompress()
          : null;
  const source: AsyncIterable<Buffer> = decoder ? body.pipe(decoder) : body;
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of source) {
      size += chunk.length;
      // Counted after decoding, so a small compressed answer cannot expand past the cap.
      if (size > maxBytes) {
        throw new SafeFetchError("too_large", `The page is larger than ${formatBytes(maxBytes)}; ClaimDesk stops reading there.`);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    body.destroy();
    decoder?.destroy();
    throw error;
  }
  return Buffer.concat(chunks);
}

function describeNetworkError(error: unknown, signal: AbortSignal, timeoutMs: number, userSignal?: AbortSignal): SafeFetchError | unknown {
  if (error instanceof SafeFetchError) return error;
  if (signal.aborted && !userSignal?.aborted) {
    return new SafeFetchError("timeout", `The page did not answer within ${Math.round(timeoutMs / 100) / 10} seconds.`);
  }
  if (userSignal?.aborted) return error;
  const code = (error as { code?: string }).code ?? "";
  if (code === "UND_ERR_CONNECT_TIMEOUT" || code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT") {
    return new SafeFetchError("timeout", `The page did not answer within ${Math.round(timeoutMs / 100) / 10} seconds.`);
  }
  if (code.startsWith("Z_") || code === "ERR_BROTLI_DECOMPRESSION_FAILED") {
    return new SafeFetchError("bad_response", "The page's compressed answer could not be read.");
  }
  return new SafeFetchError("connection", "The server of that address could not be reached.", code || undefined);
}

/**
 * Fetches a public web address. Only http and https, default ports unless configured, public unicast
 * addresses only (every redirect hop checked again, at most `maxRedirects`), `timeoutMs` for everything,
 * at most `maxBytes` read, the caller's content types for a 2xx answer; never sends cookies.
 * Answers of any status are returned; refusals and failures throw SafeFetchError.
 */
export async function safeFetch(input: string, options: SafeFetchOptions): Promise<SafeFetchResult> {
  const settings = fetchSettingsFromEnvIfNeeded(options.settings);
  const started = performance.now();
  const timeout = AbortSignal.timeout(settings.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  const firstUrl = parseUrl(input);
  const hops: string[] = [];
  let url = firstUrl;
  let method = options.method ?? "GET";
  let body = options.body;

  for (;;) {
    hops.push(url.href);
    const agents: Agent[] = [];
    try {
      const pinned = await raceAbort(resolveAllowedAddress(url, settings, options.resolveHost), signal);
      const agent = pinnedAgent(pinned, settings.timeoutMs);
      agents.push(agent);
      const response = await request(url, {
        method,
        headers: outgoingHeaders(options.headers, settings, url.origin === firstUrl.origin, options.accept),
        body: method === "GET" || method === "HEAD" ? undefined : body,
        dispatcher: agent,
        signal,
        headersTimeout: settings.timeoutMs,
        bodyTimeout: settings.timeoutMs,
      });
      const location = headerText(response.headers.location);
      if (REDIRECT_STATUSES.has(response.statusCode) && location !== "") {
        await response.body.dump().catch(() => undefined);
        if (hops.length > settings.maxRedirects) {
          throw new SafeFetchError("too_many_redirects", `The page redirected more than ${settings.maxRedirects} times.`);
        }
        url = new URL(location, url);
        if (response.statusCode === 303 || ((response.statusCode === 301 || response.statusCode === 302) && method === "POST")) {
          method = "GET";
          body = undefined;
        }
        continue;
      }
      const contentType = headerText(response.headers["content-type"]);
      const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
      const isSuccess = response.statusCode >= 200 && response.statusCode < 300;
      if (isSuccess && options.accept !== "any" && !options.accept.includes(mediaType)) {
        await response.body.dump().catch(() => undefined);
        throw new SafeFetchError(
          "content_type",
          `The page is ${mediaType === "" ? "of no stated type" : mediaType}; ClaimDesk can read ${options.accept.join(" or ")} here.`,
        );
      }
      const declaredLength = Number(headerText(response.headers["content-length"]) || "0");
      if (declaredLength > settings.maxBytes && headerText(response.headers["content-encoding"]) === "") {
        response.body.destroy();
        throw new SafeFetchError("too_large", `The page is larger than ${formatBytes(settings.maxBytes)}; ClaimDesk stops reading there.`);
      }
      const encoding = headerText(response.headers["content-encoding"]).trim().toLowerCase();
      const content = method === "HEAD" ? Buffer.alloc(0) : await readCapped(response.body, encoding, settings.maxBytes);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(response.headers)) headers[name] = headerText(value);
      return {
        requestedUrl: firstUrl.href,
        finalUrl: url.href,
        status: response.statusCode,
        contentType,
        mediaType,
        headers,
        body: content,
        hops,
        remoteAddress: pinned.address,
        fetchedAt: new Date(),
        elapsedMs: Math.round(performance.now() - started),
      };
    } catch (error) {
      throw describeNetworkError(error, signal, settings.timeoutMs, options.signal);
    } finally {
      for (const agent of agents) void agent.destroy().catch(() => undefined);
    }
  }
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
