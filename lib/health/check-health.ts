import "server-only";
import { db } from "@/lib/db";
import { DATABASE_RETRY_AFTER_SECONDS } from "@/lib/http/database-unavailable";
import type { Health } from "@/lib/health/health.endpoints";

const DB_TIMEOUT_MS = 3000;

export async function checkHealth(): Promise<Health> {
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("database timeout")), DB_TIMEOUT_MS).unref()),
    ]);
    return { status: "ok", db: "ok" };
  } catch (error) {
    console.error("Health check: database unreachable:", error instanceof Error ? error.message.trim().split("\n").at(-1) : error);
    return { status: "degraded", db: "unreachable", retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS };
  }
}
