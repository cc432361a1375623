import { z } from "zod";
import { IdSchema, nameText, text } from "@/lib/http/text.schemas";
import { pageSchema } from "@/lib/http/pagination";

export const API_TOKEN_EXPIRY_DAYS_MAX = 365;
export const API_TOKEN_NAME_MAX_LENGTH = 100;

export const CreateApiTokenInputSchema = z
  .object({
    name: nameText()
      .trim()
      .min(1, "Enter a name for the token, e.g. the script that will use it")
      .max(API_TOKEN_NAME_MAX_LENGTH, `Token names are at most ${API_TOKEN_NAME_MAX_LENGTH} characters`),
    expiresInDays: z
      .number()
      .int("Give the expiry as a whole number of days")
      .min(1, "A token lasts at least 1 day")
      .max(API_TOKEN_EXPIRY_DAYS_MAX, `A token lasts at most ${API_TOKEN_EXPIRY_DAYS_MAX} days; leave expiresInDays out for one that never expires`)
      .nullish()
      .describe("Days until the token expires; leave out (or null) for a token that never expires"),
  })
  .meta({ id: "CreateApiTokenInput" });
export type CreateApiTokenInput = z.infer<typeof CreateApiTokenInputSchema>;

export const ApiTokenSchema = z
  .object({
    id: text(),
    name: text(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable().describe("Updated at most once a minute"),
    expiresAt: z.iso.datetime().nullable().describe("null: never expires"),
    revokedAt: z.iso.datetime().nullable(),
    isActive: z.boolean().describe("Neither revoked nor expired"),
  })
  .meta({ id: "ApiToken" });
export type ApiToken = z.infer<typeof ApiTokenSchema>;

export const NewApiTokenSchema = z
  .object({
    id: text(),
    name: text(),
    token: text().describe("The bearer secret (`cd_…`); shown only in this response and stored only as a hash"),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "NewApiToken" });
export type NewApiToken = z.infer<typeof NewApiTokenSchema>;

// One page holds every token (nextCursor is always null); the shape is the API's usual list.
export const ApiTokenListSchema = pageSchema(ApiTokenSchema);
export type ApiTokenList = z.infer<typeof ApiTokenListSchema>;

export const ApiTokenIdParamsSchema = z.object({ tokenId: IdSchema });
