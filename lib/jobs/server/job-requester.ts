import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { permanentFailure } from "@/lib/jobs/server/job-kind";

/**
 * The person who queued a job, as the actor its work is done as (their rights are still checked: they
 * may have left the workspace meanwhile). A deleted account fails the job for good.
 */
export async function jobRequester(userId: string, asked: string): Promise<Actor> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true } });
  if (!user) throw permanentFailure(new AppError("not_found", `The person who asked for ${asked} no longer has an account.`));
  return { userId: user.id, email: user.email, name: user.name, via: "job" };
}
