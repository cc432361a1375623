// The reference is an app page (it needs the app's layout and CSP); this address is the documented one.
// A relative Location keeps the browser on the name it used (request.url is always Next's own localhost).
export function GET(): Response {
  return new Response(null, { status: 308, headers: { Location: "/docs/api" } });
}
