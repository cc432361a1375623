import {
  isoTimestamp,
  jsonColumns,
  jsonRow,
  jsonRowOf,
  laneSelect,
  orderedScopeCte,
  sqlLiteral,
  uriComponent,
  visibleLabel,
  type CopyLane,
  type JsonFields,
} from "@/lib/exports/server/copy-export-sql";
import { EXPORT_BATCH_SIZE } from "@/lib/exports/server/read-export-claims";

/**
 * The JSONL export's lines after the header, rendered by PostgreSQL (formats/jsonl.ts's
 * jsonlPassageLine and jsonlClaimLine, byte for byte). Passages come as the batched writer put
 * them: before each group of EXPORT_BATCH_SIZE claims, every passage that group is the first to
 * point to (claim passage, then span evidence in evidence order), in that order, if not deleted.
 */
export function jsonlCopySql({
  fromWhere,
  hidesUndecidedLabels,
  claimUrlPrefix,
  archivedUrlPrefix,
  lane,
}: {
  fromWhere: string;
  hidesUndecidedLabels: boolean;
  claimUrlPrefix: string;
  /** export-record.ts archivedUrl without its snapshot id. */
  archivedUrlPrefix: string;
  lane: CopyLane;
}): string {
  const batch = EXPORT_BATCH_SIZE;
  const person = (alias: string) => [["id", `${alias}.id`], ["name", `${alias}.name`]] satisfies JsonFields;
  const evidence: JsonFields = [
    ["stance", "l.stance::text"],
    ["note", "l.note"],
    ["kind", "e.kind::text"],
    ["url", "e.url"],
    ["title", "e.title"],
    ["publisher", "e.publisher"],
    ["quote", "e.quote"],
    ["accessedAt", isoTimestamp('e."accessedAt"')],
    ["passageId", 'e."passageId"'],
    ["start", "e.start"],
    ["end", 'e."end"'],
    ["archivedUrl", `${sqlLiteral(archivedUrlPrefix)} || ${uriComponent('e."snapshotId"')}`],
  ];
  // The passage as a claim line names it, and the start of its own line.
  const passageFields: JsonFields = [
    ["id", "p.id"],
    ["title", "p.title"],
    ["sourceUrl", 'p."sourceUrl"'],
    ["publisher", "p.publisher"],
    ["author", "p.author"],
    ["publishedAt", isoTimestamp('p."publishedAt"')],
  ];
  const claimLine = jsonRow([
    ["type", "'claim'::text"],
    ["id", "c.id"],
    ["passage", jsonRow(passageFields)],
    [
      "target",
      jsonRow([
        [
          "selector",
          `array_to_json(ARRAY[${jsonRow([
            ["type", "'TextQuoteSelector'::text"],
            ["exact", "c.exact"],
            ["prefix", "c.prefix"],
            ["suffix", "c.suffix"],
          ])}, ${jsonRow([
            ["type", "'TextPositionSelector'::text"],
            ["start", "c.start"],
            ["end", 'c."end"'],
          ])}])`,
        ],
      ]),
    ],
    [
      "anchor",
      jsonRow([
        ["status", 'c."anchorStatus"::text'],
        ["revision", `CASE WHEN c."anchorStatus" = 'orphaned' THEN c."anchorRevision" ELSE p.revision END`],
      ]),
    ],
    ["statement", "c.statement"],
    ["label", visibleLabel(hidesUndecidedLabels)],
    ["state", "c.state::text"],
    [
      "verdict",
      jsonRowOf(
        [
          ["key", "r.key"],
          ["name", "r.name"],
          ["value", "r.value"],
        ],
        `"Rating" r`,
        `r."workspaceId" = c."workspaceId" AND r.key = c.verdict`,
      ),
    ],
    ["verdictNote", 'c."verdictNote"'],
    [
      "evidence",
      `coalesce((SELECT array_to_json(array_agg(row_to_json(o) ORDER BY l."createdAt", l.id))
        FROM "ClaimEvidence" l JOIN "Evidence" e ON e.id = l."evidenceId" CROSS JOIN LATERAL (SELECT ${jsonColumns(evidence)}) AS o
        WHERE l."claimId" = c.id AND l."deletedAt" IS NULL), '[]'::json)`,
    ],
    [
      "reviewers",
      jsonRow([
        ["createdBy", jsonRowOf(person("u"), `"User" u`, `u.id = c."createdById"`)],
        ["assignee", jsonRowOf(person("u"), `"User" u`, `u.id = c."assigneeId"`)],
        [
          "verifiedBy",
          jsonRowOf(
            [
              ["id", "u.id"],
              ["name", "u.name"],
              ["at", isoTimestamp('c."decidedAt"')],
            ],
            `"User" u`,
            `c.state = 'verified' AND u.id = c."decidedById"`,
          ),
        ],
      ]),
    ],
    ["url", `${sqlLiteral(claimUrlPrefix)} || ${uriComponent("p.id")} || '?claim=' || ${uriComponent("c.id")}`],
    ["createdAt", isoTimestamp('c."createdAt"')],
    ["updatedAt", isoTimestamp('c."updatedAt"')],
  ]);
  const passageLine = jsonRow([
    ["type", "'passage'::text"],
    ...passageFields,
    ["language", "p.language"],
    ["textHash", 'p."textHash"'],
    ["text", "p.text"],
  ]);
  return `
    WITH ${orderedScopeCte(fromWhere)},
    first_mentions AS MATERIALIZED (
      SELECT DISTINCT ON (pid) pid, (n - 1) / ${batch} AS batch, n, k FROM (
        SELECT s.n, 0::bigint AS k, s."passageId" AS pid FROM scope s
        UNION ALL
        SELECT s.n, row_number() OVER (PARTITION BY l."claimId" ORDER BY l."createdAt", l.id), e."passageId"
        FROM scope s JOIN "ClaimEvidence" l ON l."claimId" = s.id AND l."deletedAt" IS NULL JOIN "Evidence" e ON e.id = l."evidenceId"
      ) AS mentions
      WHERE pid IS NOT NULL
      ORDER BY pid, n, k
    )
    ${laneSelect(
      lane,
      `
      SELECT 0 AS part, f.n, f.k, concat(${passageLine}, E'\\n') AS text
        FROM first_mentions f JOIN "Passage" p ON p.id = f.pid AND p."deletedAt" IS NULL
        WHERE (s.n - 1) % ${batch} = 0 AND f.batch = (s.n - 1) / ${batch}
      UNION ALL
      SELECT 1, 0, 0, concat(${claimLine}, E'\\n')
        FROM "Claim" c JOIN "Passage" p ON p.id = c."passageId" WHERE c.id = s.id
      ORDER BY 1, 2, 3`,
    )}`;
}
