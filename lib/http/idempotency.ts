import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/errors";

const PENDING_STATUS = 0;
const MAX_KEY_LENGTH = 255;

type StoredResponse = { status: number; body: unknown };

/**
 * Runs a creating request at most once per (user, method and path, Idempotency-Key).
 * A placeholder row is claimed first, so two concurrent retries cannot both create.
 */
export async function runIdempotently(
  input: { userId: string; key: string; scope: string; rawBody: string },
  create: () => Promise<StoredResponse>,
): Promise<StoredResponse & { isReplay: boolean }> {
  if (input.key.length === 0 || input.key.length > MAX_KEY_LENGTH) {
    throw new AppError("validation_failed", `Idempotency-Key must be 1 to ${MAX_KEY_LENGTH} characters long.`);
  }
  const requestHash = createHash("sha256").update(input.rawBody).digest("hex");
  const where = { userId_scope_key: { userId: input.userId, scope: input.scope, key: input.key } };

  const existing = await db.idempotencyKey.findUnique({ where });
  if (existing) return replay(existing, requestHash);

  let placeholderId: string;
  try {
    const placeholder = await db.idempotencyKey.create({
      data: { ...where.userId_scope_key, requestHash, responseStatus: PENDING_STATUS, responseBody: {} },
      select: { id: true },
    });
    placeholderId = placeholder.id;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await db.idempotencyKey.findUnique({ where });
      if (winner) return replay(winner, requestHash);
    }
    throw error;
  }

  try {
    const response = await create();
    if (response.status >= 200 && response.status < 300) {
      await db.idempotencyKey.update({
        where: { id: placeholderId },
        data: { responseStatus: response.status, responseBody: response.body as Prisma.InputJsonValue },
      });
    } else {
      await db.idempotencyKey.delete({ where: { id: placeholderId } });
    }
    return { ...response, isReplay: false };
  } catch (error) {
    // A failed attempt must not block the retry it invites.
    await db.idempotencyKey.delete({ where: { id: placeholderId } }).catch(() => undefined);
    throw error;
  }
}

function replay(
  stored: { requestHash: string; responseStatus: number; responseBody: unknown },
  requestHash: string,
): StoredResponse & { isReplay: true } {
  if (stored.requestHash !== requestHash) {
    throw new AppError(
      "validation_failed",
      "This Idempotency-Key was already used with a different request body. Use a new key for a new request.",
      { status: 422 },
    );
  }
  if (stored.responseStatus === PENDING_STATUS) {
    throw new AppError("conflict", "A request with this Idempotency-Key is still being processed. Retry in a moment.", {
      headers: { "Retry-After": "1" },
    });
  }
  return { status: stored.responseStatus, body: stored.responseBody, isReplay: true };
}
