// The reference is an app page (it needs the app's layout and CSP); this address is the documented one.
export function GET(request: Request): Response {
  return Response.redirect(new URL("/docs/api", request.url), 308);
}
