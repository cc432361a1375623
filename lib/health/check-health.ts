import "server-only";
import { db } from "@/lib/db";

const DB_TIMEOUT_MS = 3000;

export async function checkHealth(): Promise<{ status: "ok" | "error"; db: "ok" | "unreachable" }> {
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("database timeout")), DB_TIMEOUT_MS).unref()),
    ]);
    return { status: "ok", db: "ok" };
  } catch (error) {
    console.error("Health check: database unreachable", error);
    return { status: "error", db: "unreachable" };
  }
}
