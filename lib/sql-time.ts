import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/** A time as a value for a timestamp(3) column, which holds UTC, whatever the session's time zone. */
export const utcTimestampSql = (at: Date | null) => Prisma.sql`(${at?.toISOString() ?? null}::timestamptz AT TIME ZONE 'UTC')`;
