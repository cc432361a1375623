import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { IDEMPOTENCY_KEY_MAX_LENGTH, IDEMPOTENCY_KEY_REUSED_STATUS } from "@/lib/http/endpoint";
import { AppError } from "@/lib/http/errors";

const PENDING_STATUS = 0;
/** A pending key belongs to its request this long past the last renewal; the request renews it while it runs. */
export const PENDING_LEASE_MS = 2 * 60 * 1000;
const LEASE_RENEWAL_MS = PENDING_LEASE_MS / 4;
/** Answers larger than this are stored by reference when their route can read them back. */
export const INLINE_ANSWER_LIMIT_BYTES = 4 * 1024;
const CLEANUP_INTERVAL_MS = 60 * 1000;
const CLEANUP_BATCH_SIZE = 1000;

/** An answer as a replay gives it again: status, body and the route's own headers (ETag and the like). */
type StoredResponse = { status: number; body: unknown; headers?: Record<string, string> };

/**
 * How a route stores a large answer by reference: `toReference` keeps what cannot be read back
 * (small), `fromReference` rebuilds the very same answer from it and data that never changes.
 */
export type AnswerReference<TBody> = {
  toReference(body: TBody): Prisma.InputJsonValue;
  fromReference(reference: Prisma.JsonValue): Promise<TBody>;
};

type KeyRow = {
  id: string;
  requestHash: string;
  responseStatus: number;
  responseBody: Prisma.JsonValue;
  responseHeaders: Prisma.JsonValue;
  isAnswerByReference: boolean;
  pendingUntil: Date | null;
  createdAt: Date;
};

/**
 * Runs a creating request at most once per (user, method and path, Idempotency-Key) within
 * IDEMPOTENCY_TTL_HOURS. A placeholder row is claimed first, so two concurrent retries cannot both
 * create; the placeholder is leased, so a request that died (process killed) does not hold its key
 * for ever: once the lease runs out, a retry takes the key over and runs the request.
 */
export async function runIdempotently(
  input: { userId: string; key: string; scope: string; rawBody: string; answerReference?: AnswerReference<unknown> },
  create: () => Promise<StoredResponse>,
): Promise<StoredResponse & { isReplay: boolean }> {
  if (input.key.length === 0 || input.key.length > IDEMPOTENCY_KEY_MAX_LENGTH) {
    throw new AppError("validation_failed", `Idempotency-Key must be 1 to ${IDEMPOTENCY_KEY_MAX_LENGTH} characters long.`);
  }
  const requestHash = createHash("sha256").update(input.rawBody).digest("hex");
  const identity = { userId: input.userId, scope: input.scope, key: input.key };

  // Twice at most: a dead or expired row is removed once, then the key is claimed or lost to a concurrent retry.
  for (let attempt = 0; attempt < 2; attempt++) {
    const existing = await db.idempotencyKey.findUnique({ where: { userId_scope_key: identity } });
    if (existing && !(await removeIfUnused(existing))) return replay(existing, requestHash, input.answerReference);

    const placeholderId = await claimKey(identity, requestHash);
    if (placeholderId) return { ...(await runAndRecord(placeholderId, create, input.answerReference)), isReplay: false };
  }
  throw stillProcessing();
}

/** Deletes keys older than IDEMPOTENCY_TTL_HOURS, oldest first, one batch; returns how many. */
export async function deleteExpiredIdempotencyKeys(now = new Date()): Promise<number> {
  return db.$executeRaw`
    DELETE FROM "IdempotencyKey" WHERE id IN (
      SELECT id FROM "IdempotencyKey" WHERE "createdAt" < ${expiryCutoff(now)} ORDER BY "createdAt" LIMIT ${CLEANUP_BATCH_SIZE}
    )`;
}

let lastCleanupAt = 0;

async function cleanUpNowAndThen(): Promise<void> {
  if (Date.now() - lastCleanupAt < CLEANUP_INTERVAL_MS) return;
  lastCleanupAt = Date.now();
  await deleteExpiredIdempotencyKeys().catch((error: unknown) => console.error("Deleting expired idempotency keys failed", error));
}

function expiryCutoff(now: Date): Date {
  return new Date(now.getTime() - serverEnv().IDEMPOTENCY_TTL_HOURS * 60 * 60 * 1000);
}

/** An expired key, or a pending one whose request died, counts as never used: it is deleted. */
async function removeIfUnused(row: KeyRow): Promise<boolean> {
  const now = new Date();
  const isExpired = row.createdAt < expiryCutoff(now);
  const isAbandoned = row.responseStatus === PENDING_STATUS && row.pendingUntil !== null && row.pendingUntil < now;
  if (!isExpired && !isAbandoned) return false;
  // Conditional, so that of two retries taking over the same dead key only one deletes it.
  await db.idempotencyKey.deleteMany({
    where: {
      id: row.id,
      OR: [{ createdAt: { lt: expiryCutoff(now) } }, { responseStatus: PENDING_STATUS, pendingUntil: { lt: now } }],
    },
  });
  return true;
}

async function claimKey(identity: { userId: string; scope: string; key: string }, requestHash: string): Promise<string | null> {
  await cleanUpNowAndThen();
  try {
    const placeholder = await db.idempotencyKey.create({
      data: { ...identity, requestHash, responseStatus: PENDING_STATUS, responseBody: {}, pendingUntil: leaseEnd() },
      select: { id: true },
    });
    return placeholder.id;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return null;
    throw error;
  }
}

async function runAndRecord(
  placeholderId: string,
  create: () => Promise<StoredResponse>,
  answerReference: AnswerReference<unknown> | undefined,
): Promise<StoredResponse> {
  // Conditional on the id: a request that lost its lease (stalled past it) must not touch the row of the one that took over.
  const renewal = setInterval(() => {
    db.idempotencyKey
      .updateMany({ where: { id: placeholderId, responseStatus: PENDING_STATUS }, data: { pendingUntil: leaseEnd() } })
      .catch((error: unknown) => console.error("Renewing an idempotency key's lease failed", error));
  }, LEASE_RENEWAL_MS);
  renewal.unref();
  try {
    const response = await create();
    if (response.status >= 200 && response.status < 300) {
      const isByReference = answerReference !== undefined && jsonBytes(response.body) > INLINE_ANSWER_LIMIT_BYTES;
      await db.idempotencyKey.updateMany({
        where: { id: placeholderId },
        data: {
          responseStatus: response.status,
          responseBody: isByReference ? answerReference.toReference(response.body) : (response.body as Prisma.InputJsonValue),
          responseHeaders: response.headers ?? Prisma.DbNull,
          isAnswerByReference: isByReference,
          pendingUntil: null,
        },
      });
    } else {
      await db.idempotencyKey.deleteMany({ where: { id: placeholderId } });
    }
    return response;
  } catch (error) {
    // A failed attempt must not block the retry it invites.
    await db.idempotencyKey.deleteMany({ where: { id: placeholderId } }).catch(() => undefined);
    throw error;
  } finally {
    clearInterval(renewal);
  }
}

async function replay(
  stored: KeyRow,
  requestHash: string,
  answerReference: AnswerReference<unknown> | undefined,
): Promise<StoredResponse & { isReplay: true }> {
  if (stored.requestHash !== requestHash) {
    throw new AppError(
      "validation_failed",
      "This Idempotency-Key was already used with a different request body. Use a new key for a new request.",
      { status: IDEMPOTENCY_KEY_REUSED_STATUS },
    );
  }
  if (stored.responseStatus === PENDING_STATUS) throw stillProcessing();
  const headers = storedHeaders(stored.responseHeaders);
  if (!stored.isAnswerByReference) return { status: stored.responseStatus, body: stored.responseBody, headers, isReplay: true };
  if (!answerReference) throw new Error("An idempotency key stores its answer by reference, but its route cannot read it back");
  return { status: stored.responseStatus, body: await answerReference.fromReference(stored.responseBody), headers, isReplay: true };
}

/** The headers a key stored with its answer (none for keys written before they were kept). */
function storedHeaders(value: Prisma.JsonValue): Record<string, string> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

function stillProcessing(): AppError {
  return new AppError("conflict", "A request with this Idempotency-Key is still being processed. Retry in a moment.", {
    headers: { "Retry-After": "1" },
  });
}

function leaseEnd(): Date {
  return new Date(Date.now() + PENDING_LEASE_MS);
}

function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? "", "utf8");
}
