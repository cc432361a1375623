import { checkHealth } from "@/lib/health/check-health";
import { healthEndpoint } from "@/lib/health/health.endpoints";
import { defineOpenRoute } from "@/lib/http/define-route";
import { jsonResponse } from "@/lib/http/json-response";

export const dynamic = "force-dynamic";

export const GET = defineOpenRoute(healthEndpoint, async () => {
  const health = await checkHealth();
  if (health.status === "ok") return jsonResponse(health);
  return jsonResponse(health, { status: 503, headers: { "Retry-After": String(health.retryAfterSeconds) } });
});
