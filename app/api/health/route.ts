import { checkHealth } from "@/lib/health/check-health";
import { healthEndpoint } from "@/lib/health/health.endpoints";
import { defineOpenRoute } from "@/lib/http/define-route";

export const dynamic = "force-dynamic";

export const GET = defineOpenRoute(healthEndpoint, async () => {
  const health = await checkHealth();
  if (health.status === "ok") return Response.json(health);
  return Response.json(health, { status: 503, headers: { "Retry-After": String(health.retryAfterSeconds) } });
});
