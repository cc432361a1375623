import "server-only";
import { db } from "@/lib/db";
import { DATABASE_RETRY_AFTER_SECONDS } from "@/lib/http/database-unavailable";

const DB_TIMEOUT_MS = 3000;

export type Health =
  | { status: "ok"; db: "ok" }
  /** The app runs but cannot reach its database (down, restarting, or full); retrying later may succeed. */
  | { status: "degraded"; db: "unreachable"; retryAfterSeconds: number };

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
