import { AppError } from "@/lib/http/errors";
import { JSON_CONTENT_TYPE } from "@/lib/http/json-response";

/**
 * Why an address cannot be served, or null. Next.js decodes path segments before routing and
 * answers one that is not UTF-8 (%ED%A0%80, an unpaired surrogate) with a plain-text 500 before any
 * route or page runs; a NUL (%00) in a page's id or query would reach PostgreSQL, which refuses it.
 * The API's schemas name a NUL in a path id or query parameter themselves, so the API is spared that check.
 * `target` is the request line's target as sent: path and query, still percent-encoded.
 */
export function readableAddressProblem(target: string): string | null {
  const queryStart = target.indexOf("?");
  const pathname = queryStart === -1 ? target : target.slice(0, queryStart);
  const search = queryStart === -1 ? "" : target.slice(queryStart);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return "The path is not valid percent-encoded UTF-8; encode ids with encodeURIComponent.";
  }
  if (isApiPath(pathname)) return null;
  return decoded.includes("\u0000") || safeDecode(search).includes("\u0000") ? "The address holds a NUL character (%00); remove it." : null;
}

export const isApiPath = (pathname: string) => pathname.startsWith("/api/");

/** The answer to an unreadable address: the API's error shape under /api, words for pages. */
export function unreadableAddressAnswer(target: string, problem: string): { contentType: string; body: string } {
  if (isApiPath(target)) {
    const error = new AppError("validation_failed", problem, { details: [{ path: ["path"], message: problem }] });
    return { contentType: JSON_CONTENT_TYPE, body: JSON.stringify(error.toBody()) };
  }
  return { contentType: "text/plain; charset=utf-8", body: `${problem}\n` };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}
