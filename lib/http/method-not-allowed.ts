import { AppError } from "@/lib/http/errors";
import { jsonResponse } from "@/lib/http/json-response";

const ROUTE_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type RouteMethod = (typeof ROUTE_METHODS)[number];
type Handler = (...args: never[]) => Promise<Response> | Response;

/**
 * The answers for the methods a route file does not implement. Next.js would send an empty 405
 * (and an OPTIONS listing every exported method); the API answers in its error shape with an
 * `Allow` header naming what the route does. Every route file under app/api/v1 ends with
 * `export const { OPTIONS, PUT, PATCH, DELETE } = otherMethods({ GET, POST });` — the compiler refuses
 * a method listed twice, and lib/http/bad-input.int.test.ts one left out.
 */
export function otherMethods<T extends Partial<Record<RouteMethod, Handler>>>(implemented: T): Record<Exclude<RouteMethod, keyof T> | "OPTIONS", () => Response> {
  const methods = ROUTE_METHODS.filter((method) => implemented[method] !== undefined);
  const allow = [...methods, ...(methods.includes("GET") ? ["HEAD"] : []), "OPTIONS"].sort().join(", ");
  const notAllowed = () => {
    const error = new AppError("method_not_allowed", `This endpoint answers ${allow}; see /api/v1/openapi.json.`, { headers: { Allow: allow } });
    return jsonResponse(error.toBody(), { status: error.status, headers: error.headers });
  };
  const answers: Record<string, () => Response> = { OPTIONS: () => new Response(null, { status: 204, headers: { Allow: allow } }) };
  for (const method of ROUTE_METHODS) if (!methods.includes(method)) answers[method] = notAllowed;
  return answers as Record<Exclude<RouteMethod, keyof T> | "OPTIONS", () => Response>;
}
