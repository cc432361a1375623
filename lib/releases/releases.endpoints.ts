import { EXPORT_FORMATS } from "@/lib/exports/export.schemas";
import { endpoint, file, json, noContent } from "@/lib/http/endpoint";
import {
  CreateReleaseInputSchema,
  DataPackageSchema,
  ListReleasesQuerySchema,
  ReleaseDiffQuerySchema,
  ReleaseDiffSchema,
  ReleaseFileParamsSchema,
  ReleaseListSchema,
  ReleaseParamsSchema,
  ReleaseSchema,
  ReleaseSettingsSchema,
  UpdateReleaseSettingsInputSchema,
} from "@/lib/releases/release.schemas";
import { WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";

const tags = ["Releases"];

/** The media types of the stored formats (as the export endpoint's). */
const RELEASE_CONTENT_TYPES = ["application/x-ndjson", "text/csv", "application/ld+json"] as const;

export const listReleasesEndpoint = endpoint({
  method: "GET",
  path: "/api/v1/workspaces/{workspaceId}/releases",
  summary: "The workspace's releases, newest first (any member)",
  tags,
  auth: "required",
  params: WorkspaceIdParamsSchema,
  query: ListReleasesQuerySchema,
  responses: { 200: json(ReleaseListSchema, "One page of releases; `nextCursor` continues") },
  errors: ["not_found"],
});

export const createReleaseEndpoint = endpoint({
  method: "POST",
  path: "/api/v1/workspaces/{workspaceId}/releases",
  summary: "Cut a release: a numbered, immutable snapshot of the verified claims a filter keeps, in every export format (editors and owners)",
  description:
    "Reads the claims in one snapshot, as the export endpoint does, and stores the bytes of the four formats: downloads stay byte-identical forever. Only verified claims: a filter with another `state` is refused (400). The licence is the workspace's release licence (…/release-settings, chosen by owners); a different `licence` needs the owner role (403). At least one claim and at most RELEASE_MAX_CLAIMS claims (and RELEASE_MAX_BYTES of files), else 400. Numbers go 1, 2, … per workspace. Shares the export slots (EXPORT_MAX_PER_USER: 429, EXPORT_MAX_CONCURRENT: 503).",
  tags,
  auth: "required",
  params: WorkspaceIdParamsSchema,
  body: CreateReleaseInputSchema,
  isIdempotent: true,
  responses: { 201: json(ReleaseSchema, "The release, with its files' sizes and SHA-256 checksums") },
  errors: ["forbidden", "not_found"],
});

export const getReleaseEndpoint = endpoint({
  method: "GET",
  path: "/api/v1/workspaces/{workspaceId}/releases/{number}",
  summary: "One release by its number (any member)",
  tags,
  auth: "required",
  params: ReleaseParamsSchema,
  responses: { 200: json(ReleaseSchema, "The release") },
  errors: ["not_found"],
});

export const downloadReleaseFileEndpoint = endpoint({
  method: "GET",
  path: "/api/v1/workspaces/{workspaceId}/releases/{number}/files/{format}",
  summary: `Download one format of a release (${EXPORT_FORMATS.join(", ")}), byte-identical to the day it was cut`,
  description:
    "The stored bytes, as an attachment named claimdesk-<workspace>-release-<n>.<ext>. `ETag` is the file's SHA-256 (quoted); `If-None-Match` with it answers 304.",
  tags,
  auth: "required",
  params: ReleaseFileParamsSchema,
  responses: {
    200: file(RELEASE_CONTENT_TYPES, "The file"),
    304: noContent("Not modified: `If-None-Match` named this file's ETag"),
  },
  errors: ["not_found"],
});

export const diffReleasesEndpoint = endpoint({
  method: "GET",
  path: "/api/v1/workspaces/{workspaceId}/releases/{number}/diff",
  summary: "Compare a release with another: claims added, removed, and changed with the fields that changed",
  tags,
  auth: "required",
  params: ReleaseParamsSchema,
  query: ReleaseDiffQuerySchema,
  responses: { 200: json(ReleaseDiffSchema, "From release `against` to release `number`") },
  errors: ["not_found"],
});

export const releaseDataPackageEndpoint = endpoint({
  method: "GET",
  path: "/api/v1/workspaces/{workspaceId}/releases/{number}/datapackage.json",
  summary: "A Frictionless Data Package describing the release: title, publisher, licence, date, and each file with its size and sha256 hash",
  tags,
  auth: "required",
  params: ReleaseParamsSchema,
  responses: { 200: json(DataPackageSchema, "datapackage.json; resource paths are relative to it (files/<format>)") },
  errors: ["not_found"],
});

export const getReleaseSettingsEndpoint = endpoint({
  method: "GET",
  path: "/api/v1/workspaces/{workspaceId}/release-settings",
  summary: "The workspace's release licence, chosen by its owners (any member)",
  tags,
  auth: "required",
  params: WorkspaceIdParamsSchema,
  responses: { 200: json(ReleaseSettingsSchema, "The settings") },
  errors: ["not_found"],
});

export const updateReleaseSettingsEndpoint = endpoint({
  method: "PUT",
  path: "/api/v1/workspaces/{workspaceId}/release-settings",
  summary: "Choose the licence the workspace's releases carry (owners); releases already cut keep theirs",
  tags,
  auth: "required",
  params: WorkspaceIdParamsSchema,
  body: UpdateReleaseSettingsInputSchema,
  responses: { 200: json(ReleaseSettingsSchema, "The settings") },
  errors: ["forbidden", "not_found"],
});
