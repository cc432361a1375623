import { z } from "zod";
import { endpoint, json } from "@/lib/http/endpoint";

export const HealthSchema = z
  .discriminatedUnion("status", [
    z.object({ status: z.literal("ok"), db: z.literal("ok") }),
    /** The app runs but cannot reach its database (down, restarting, or full); retrying later may succeed. */
    z.object({ status: z.literal("degraded"), db: z.literal("unreachable"), retryAfterSeconds: z.number().int() }),
  ])
  .meta({ id: "Health" });

export type Health = z.infer<typeof HealthSchema>;

export const healthEndpoint = endpoint({
  method: "GET",
  path: "/api/health",
  summary: "Liveness and database reachability",
  tags: ["Health"],
  auth: "none",
  responses: {
    200: json(HealthSchema, "Healthy"),
    503: json(HealthSchema, "The database is unreachable (with `Retry-After`)"),
  },
  errors: [],
});
