import "server-only";
import { headers } from "next/headers";
import { publicOrigin } from "@/lib/http/client-address";

/** The app's public origin for a server component (absolute links in JSON-LD), as routes get it from their request. */
export async function pageOrigin(): Promise<string> {
  const incoming = await headers();
  return publicOrigin(new Request(`http://${incoming.get("host") ?? "localhost"}/`, { headers: incoming }));
}
