import { checkHealth } from "@/lib/health/check-health";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const health = await checkHealth();
  if (health.status === "ok") return Response.json(health);
  return Response.json(health, { status: 503, headers: { "Retry-After": String(health.retryAfterSeconds) } });
}
