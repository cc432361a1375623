import "server-only";
import { can } from "@/lib/auth/permissions";
import { ClaimsFilterSchema, type ClaimsFilter } from "@/lib/claims/claim.schemas";
import { hidesUndecidedLabels, type ClaimViewer } from "@/lib/claims/server/claim-view";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { containsText } from "@/lib/search/contains-text";
import type { SavedView, SavedViewFilterProblem } from "@/lib/views/view.schemas";

export const savedViewSelect = {
  id: true,
  workspaceId: true,
  ownerId: true,
  name: true,
  visibility: true,
  filter: true,
  createdAt: true,
  updatedAt: true,
  owner: { select: { id: true, name: true } },
} as const satisfies Prisma.SavedViewSelect;

type SavedViewRow = Prisma.SavedViewGetPayload<{ select: typeof savedViewSelect }>;

/** Who may rename, change or delete a view: its owner, and editors and owners for shared views. */
export function canEditSavedView(view: { ownerId: string; visibility: "personal" | "shared" }, actor: { userId: string; role: Role }): boolean {
  return view.ownerId === actor.userId || (view.visibility === "shared" && can(actor.role, "view.share"));
}

const DEFAULT_FILTER: ClaimsFilter = ClaimsFilterSchema.parse({});

/**
 * A stored filter read with today's schema: what it no longer understands is left out (and said),
 * so a view saved by an older version still opens.
 */
function parseStoredFilter(stored: unknown): { filter: ClaimsFilter; problems: SavedViewFilterProblem[] } {
  const whole = ClaimsFilterSchema.safeParse(stored);
  if (whole.success) return { filter: whole.data, problems: [] };
  const fields = typeof stored === "object" && stored !== null ? Object.entries(stored) : [];
  const shape: Record<string, { safeParse: (value: unknown) => { success: boolean; data?: unknown } }> = ClaimsFilterSchema.shape;
  const kept: Record<string, unknown> = {};
  const dropped: string[] = [];
  for (const [field, value] of fields) {
    const parsed = shape[field]?.safeParse(value);
    if (parsed?.success) kept[field] = parsed.data;
    else dropped.push(field);
  }
  const filter = ClaimsFilterSchema.safeParse(kept);
  return {
    filter: filter.success ? filter.data : DEFAULT_FILTER,
    problems: [{ field: "filter", message: `Part of this view's filter is no longer understood and is left out${dropped.length ? ` (${dropped.join(", ")})` : ""}.` }],
  };
}

/**
 * Every view's filter as it applies now: a passage that was deleted or an assignee who left is
 * left out and named in `notApplied`. Two queries for all the views, whatever their number.
 */
async function resolveFilters(workspaceId: string, rows: SavedViewRow[]): Promise<{ filter: ClaimsFilter; notApplied: SavedViewFilterProblem[] }[]> {
  const parsed = rows.map((row) => parseStoredFilter(row.filter));
  const passageIds = [...new Set(parsed.flatMap(({ filter }) => (filter.passageId ? [filter.passageId] : [])))];
  const assigneeIds = [...new Set(parsed.flatMap(({ filter }) => (filter.assigneeId ? [filter.assigneeId] : [])))];
  const [livePassages, members] = await Promise.all([
    passageIds.length ? db.passage.findMany({ where: { workspaceId, id: { in: passageIds }, deletedAt: null }, select: { id: true } }) : [],
    assigneeIds.length ? db.membership.findMany({ where: { workspaceId, userId: { in: assigneeIds } }, select: { userId: true } }) : [],
  ]);
  const livePassageIds = new Set(livePassages.map((passage) => passage.id));
  const memberIds = new Set(members.map((member) => member.userId));
  return parsed.map(({ filter, problems }) => {
    const notApplied = [...problems];
    const applied = { ...filter };
    if (filter.passageId && !livePassageIds.has(filter.passageId)) {
      delete applied.passageId;
      notApplied.push({ field: "passageId", message: "The passage this view was limited to has been deleted; it now shows claims from every passage." });
    }
    if (filter.assigneeId && !memberIds.has(filter.assigneeId)) {
      delete applied.assigneeId;
      notApplied.push({ field: "assigneeId", message: "The person this view was limited to is no longer a member; it now shows claims of every assignee." });
    }
    return { filter: applied, notApplied };
  });
}

/** The SQL condition of one filter over `c` (a claim); the same rules as claimFilterConditions in list-claims.ts. */
function filterSql(filter: ClaimsFilter, isLabelHidden: boolean): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (filter.label === "none") parts.push(isLabelHidden ? Prisma.sql`(c.label IS NULL OR c."labelDecidedById" IS NULL)` : Prisma.sql`c.label IS NULL`);
  else if (filter.label) parts.push(Prisma.sql`c.label = ${filter.label}::"ClaimLabel"`, ...(isLabelHidden ? [Prisma.sql`c."labelDecidedById" IS NOT NULL`] : []));
  if (filter.state) parts.push(Prisma.sql`c.state = ${filter.state}::"ReviewState"`);
  if (filter.passageId) parts.push(Prisma.sql`c."passageId" = ${filter.passageId}`);
  if (filter.assigneeId) parts.push(Prisma.sql`c."assigneeId" = ${filter.assigneeId}`);
  if (filter.q) {
    const pattern = `%${containsText(filter.q).contains}%`;
    parts.push(Prisma.sql`(c.statement ILIKE ${pattern} OR c.exact ILIKE ${pattern})`);
  }
  return parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`;
}

/** The live claims each filter keeps, in one pass over the workspace's claims. */
async function countClaimsPerFilter(workspaceId: string, filters: ClaimsFilter[], viewer: ClaimViewer): Promise<number[]> {
  if (filters.length === 0) return [];
  const isLabelHidden = hidesUndecidedLabels(viewer);
  const counts = Prisma.join(filters.map((filter) => Prisma.sql`count(*) FILTER (WHERE ${filterSql(filter, isLabelHidden)})::int`));
  const [row] = await db.$queryRaw<{ counts: number[] }[]>(Prisma.sql`
    SELECT ARRAY[${counts}] AS counts
    FROM "Claim" AS c JOIN "Passage" AS p ON p.id = c."passageId"
    WHERE c."workspaceId" = ${workspaceId} AND c."deletedAt" IS NULL AND p."deletedAt" IS NULL`);
  return row?.counts ?? filters.map(() => 0);
}

/** Views as the API answers them: filters checked against what still exists, live counts, whether the caller may edit. */
export async function toSavedViews(rows: SavedViewRow[], actor: { userId: string } & ClaimViewer): Promise<SavedView[]> {
  const workspaceId = rows[0]?.workspaceId;
  if (!workspaceId) return [];
  const resolved = await resolveFilters(workspaceId, rows);
  const counts = await countClaimsPerFilter(
    workspaceId,
    resolved.map(({ filter }) => filter),
    actor,
  );
  return rows.map((row, index) => ({
    id: row.id,
    workspaceId: row.workspaceId,
    name: row.name,
    visibility: row.visibility,
    filter: resolved[index]?.filter ?? DEFAULT_FILTER,
    notApplied: resolved[index]?.notApplied ?? [],
    claimCount: counts[index] ?? 0,
    owner: row.owner,
    canEdit: canEditSavedView(row, actor),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }));
}
