import { z } from "zod";
import { ClaimLabelSchema, ClaimsFilterSchema } from "@/lib/claims/claim.schemas";
import { EXPORT_FORMATS } from "@/lib/exports/export.schemas";
import { PaginationQuerySchema } from "@/lib/http/pagination";
import { IdSchema, nameText, text } from "@/lib/http/text.schemas";
import { WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";

export const RELEASE_NAME_MAX_LENGTH = 120;
/** Releases per page of the releases page. */
export const RELEASES_PAGE_SIZE = 50;

/** The licences a release can carry, by SPDX id: open data and open content licences researchers cite. */
export const RELEASE_LICENCES = {
  "CC-BY-4.0": { title: "Creative Commons Attribution 4.0 International", url: "https://creativecommons.org/licenses/by/4.0/" },
  "CC-BY-SA-4.0": { title: "Creative Commons Attribution Share Alike 4.0 International", url: "https://creativecommons.org/licenses/by-sa/4.0/" },
  "CC0-1.0": { title: "Creative Commons Zero v1.0 Universal", url: "https://creativecommons.org/publicdomain/zero/1.0/" },
  "ODbL-1.0": { title: "Open Data Commons Open Database License v1.0", url: "https://opendatacommons.org/licenses/odbl/1-0/" },
  "ODC-By-1.0": { title: "Open Data Commons Attribution License v1.0", url: "https://opendatacommons.org/licenses/by/1-0/" },
  "PDDL-1.0": { title: "Open Data Commons Public Domain Dedication & License 1.0", url: "https://opendatacommons.org/licenses/pddl/1-0/" },
} as const;
export const RELEASE_LICENCE_IDS = Object.keys(RELEASE_LICENCES) as [keyof typeof RELEASE_LICENCES, ...(keyof typeof RELEASE_LICENCES)[]];

export type ReleaseLicence = keyof typeof RELEASE_LICENCES;

export const ReleaseLicenceSchema = z
  .enum(RELEASE_LICENCE_IDS, { error: `Choose a licence by its SPDX id: ${RELEASE_LICENCE_IDS.join(", ")}` })
  .meta({ id: "ReleaseLicence" });

export const ReleaseFormatSchema = z.enum(EXPORT_FORMATS, { error: `Choose a format: ${EXPORT_FORMATS.join(", ")}` }).meta({ id: "ReleaseFormat" });

const VERIFIED_ONLY = "A release holds verified claims only: leave out `state` or set it to verified.";

/**
 * The claims list filter a release is cut with (a saved view's filter fits as it is). Releases are
 * verified claim sets: any other state is refused, never silently widened. `sort` and `order` are
 * accepted and ignored: a release is always in the export order (created, then id).
 */
export const ReleaseFilterInputSchema = ClaimsFilterSchema.extend({
  state: z.literal("verified", { error: VERIFIED_ONLY }).default("verified").describe("Always verified (the default); other states are refused"),
})
  .strict()
  .meta({ id: "ReleaseFilterInput" });

/** The filter as a release stores it: what selects claims, without sort and order. */
export const ReleaseFilterSchema = z
  .object({
    state: z.literal("verified"),
    label: z.union([ClaimLabelSchema, z.literal("none")]).optional(),
    passageId: IdSchema.optional(),
    assigneeId: IdSchema.optional(),
    q: text().optional(),
  })
  .meta({ id: "ReleaseFilter" });
export type ReleaseFilter = z.infer<typeof ReleaseFilterSchema>;

export const CreateReleaseInputSchema = z
  .object({
    name: nameText()
      .trim()
      .min(1, "Give the release a name")
      .max(RELEASE_NAME_MAX_LENGTH, `Release names are at most ${RELEASE_NAME_MAX_LENGTH} characters`),
    filter: ReleaseFilterInputSchema.default({ state: "verified", sort: "created_desc" }),
    licence: ReleaseLicenceSchema.nullable()
      .optional()
      .describe("SPDX id of the licence, or null for none. Left out: the workspace's release licence. Only owners may give one that differs from it (403)"),
  })
  .strict()
  .meta({ id: "CreateReleaseInput" });
export type CreateReleaseInput = z.infer<typeof CreateReleaseInputSchema>;

export const ReleaseFileSchema = z
  .object({
    format: ReleaseFormatSchema,
    url: text().describe("The file's address, relative to the server"),
    fileName: text(),
    size: z.int().min(0).describe("Bytes"),
    sha256: text().describe("SHA-256 of the file's bytes, hex; also its ETag"),
  })
  .meta({ id: "ReleaseFile" });

export const ReleaseSchema = z
  .object({
    number: z.int().min(1),
    name: text(),
    createdAt: z.iso.datetime(),
    createdBy: z.object({ id: text(), name: text() }).nullable().describe("Null when the person's account was deleted"),
    claimCount: z.int().min(0),
    sha256: text().describe("SHA-256 of the canonical JSONL file, hex"),
    filter: ReleaseFilterSchema,
    licence: ReleaseLicenceSchema.nullable(),
    files: z.array(ReleaseFileSchema),
  })
  .meta({ id: "Release" });
export type Release = z.infer<typeof ReleaseSchema>;

export const ReleaseListSchema = z.object({ items: z.array(ReleaseSchema), nextCursor: text().nullable() }).meta({ id: "ReleaseList" });
export type ReleaseList = z.infer<typeof ReleaseListSchema>;

export const ListReleasesQuerySchema = PaginationQuerySchema;
export type ListReleasesQuery = z.infer<typeof ListReleasesQuerySchema>;

const ReleaseNumberSchema = z.coerce
  .number({ error: "A release number is a whole number from 1" })
  .int("A release number is a whole number from 1")
  .min(1, "A release number is a whole number from 1")
  .max(2_147_483_647, "No release has a number that large");

export const ReleaseParamsSchema = WorkspaceIdParamsSchema.extend({ number: ReleaseNumberSchema });
export const ReleaseFileParamsSchema = ReleaseParamsSchema.extend({ format: ReleaseFormatSchema });
export const ReleaseDiffQuerySchema = z.strictObject({ against: ReleaseNumberSchema.describe("The release to compare with (the older one, usually)") });

const DiffClaimSchema = z.object({ id: text(), statement: text() });
export const ReleaseDiffSchema = z
  .object({
    release: z.object({ number: z.int(), name: text(), claimCount: z.int(), sha256: text() }),
    against: z.object({ number: z.int(), name: text(), claimCount: z.int(), sha256: text() }),
    added: z.array(DiffClaimSchema).describe("In `release`, not in `against`"),
    removed: z.array(DiffClaimSchema).describe("In `against`, not in `release`"),
    changed: z
      .array(DiffClaimSchema.extend({ fields: z.array(text()).describe("Changed fields of the JSONL claim line; nested ones dotted: passage.title, reviewers.verifiedBy") }))
      .describe("In both, with different content (updatedAt alone does not count)"),
    unchangedCount: z.int().min(0),
  })
  .meta({ id: "ReleaseDiff" });
export type ReleaseDiff = z.infer<typeof ReleaseDiffSchema>;

/** A Frictionless Data Package (v2) describing a release's files; loosely typed, its builder is tested. */
export const DataPackageSchema = z
  .object({
    $schema: text(),
    name: text(),
    id: text(),
    title: text(),
    description: text(),
    version: text(),
    created: z.iso.datetime(),
    licenses: z.array(z.object({ name: text(), path: text(), title: text() })).optional(),
    contributors: z.array(z.object({ title: text(), roles: z.array(text()) })),
    keywords: z.array(text()),
    resources: z.array(
      z.object({
        name: text(),
        path: text(),
        format: text(),
        mediatype: text(),
        encoding: text(),
        bytes: z.int(),
        hash: text().describe("sha256:<hex>"),
      }),
    ),
  })
  .meta({ id: "DataPackage" });
export type DataPackage = z.infer<typeof DataPackageSchema>;

export const ReleaseSettingsSchema = z
  .object({ licence: ReleaseLicenceSchema.nullable().describe("The licence releases carry unless an owner gives another; null: none chosen") })
  .meta({ id: "ReleaseSettings" });
export type ReleaseSettings = z.infer<typeof ReleaseSettingsSchema>;

export const UpdateReleaseSettingsInputSchema = z
  .object({ licence: ReleaseLicenceSchema.nullable().describe("SPDX id, or null for no licence") })
  .strict()
  .meta({ id: "UpdateReleaseSettingsInput" });
export type UpdateReleaseSettingsInput = z.infer<typeof UpdateReleaseSettingsInputSchema>;
