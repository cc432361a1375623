/** Every JSON answer says its charset, as docs/api-v1.md promises (`Response.json` says none). */
export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

export function jsonResponse(body: unknown, init: { status?: number; headers?: Record<string, string> | undefined } = {}): Response {
  return new Response(JSON.stringify(body), { status: init.status ?? 200, headers: { ...init.headers, "content-type": JSON_CONTENT_TYPE } });
}
