import { DATABASE_RETRY_AFTER_SECONDS } from "@/lib/http/database-unavailable";
import { ApiError, callApi } from "@/lib/http/api-client";
import { healthEndpoint, type Health } from "@/lib/health/health.endpoints";

/**
 * Asks the health check whether the database is reachable. Its 503 carries a Health body rather
 * than the error envelope, so ApiError keeps none of it; the server's retry delay is the shared constant.
 */
export async function readHealth(): Promise<Health> {
  try {
    return await callApi(healthEndpoint, {}, { headers: { "Cache-Control": "no-cache" } });
  } catch (error) {
    if (error instanceof ApiError && error.status === 503) return { status: "degraded", db: "unreachable", retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS };
    throw error;
  }
}
