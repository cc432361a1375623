import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { HTTP_METHODS, type HttpMethod } from "@/lib/http/endpoint";

export const APP_DIR = path.join(import.meta.dirname, "../../app");

export type ApiRouteFile = {
  /** The path template, as in the route tree: /api/v1/claims/{claimId}, /api/v1/{...path}. */
  template: string;
  /** The file, relative to app/: api/v1/claims/[claimId]/route.ts. */
  file: string;
  /** The methods the file implements itself (not the 405 answers for the others). */
  methods: HttpMethod[];
  /** A catch-all route answers for addresses no endpoint has (404s); it mounts no endpoint. */
  isCatchAll: boolean;
};

// next-auth's own handler and the redirect to the API reference page are not API operations.
const NOT_API = new Set(["api/auth/[...nextauth]/route.ts", "api/docs/route.ts"]);

/** Every route.ts under app/api that serves the API, read from the tree so that a new route is found without being listed. */
export function apiRouteFiles(): ApiRouteFile[] {
  const apiDir = path.join(APP_DIR, "api");
  const files = readdirSync(apiDir, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "route.ts")
    .map((file) => path.join("api", file).split(path.sep).join("/"))
    .filter((file) => !NOT_API.has(file));
  return files.sort().map((file) => {
    const template = `/${path.posix.dirname(file)}`.replace(/\[((?:\.\.\.)?\w+)\]/g, "{$1}");
    const source = readFileSync(path.join(APP_DIR, file), "utf8");
    const methods = [...source.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)]
      .map((match) => match[1] as HttpMethod)
      .filter((method) => HTTP_METHODS.includes(method));
    return { template, file, methods, isCatchAll: template.includes("{...") };
  });
}
