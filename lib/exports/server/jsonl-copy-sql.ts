import { jsonDate, jsonObject, jsonValue, laneSelect, orderedScopeCte, type CopyLane, sqlLiteral, uriComponent, visibleLabel } from "@/lib/exports/server/copy-export-sql";
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
  const person = (alias: string) => jsonObject([["id", jsonValue(`${alias}.id`)], ["name", jsonValue(`${alias}.name`)]]);
  const evidence = jsonObject([
    ["stance", jsonValue("l.stance::text")],
    ["note", jsonValue("l.note")],
    ["kind", jsonValue("e.kind::text")],
    ["url", jsonValue("e.url")],
    ["title", jsonValue("e.title")],
    ["publisher", jsonValue("e.publisher")],
    ["quote", jsonValue("e.quote")],
    ["accessedAt", jsonDate('e."accessedAt"')],
    ["passageId", jsonValue('e."passageId"')],
    ["start", jsonValue("e.start")],
    ["end", jsonValue('e."end"')],
    ["archivedUrl", jsonValue(`${sqlLiteral(archivedUrlPrefix)} || ${uriComponent('e."snapshotId"')}`)],
  ]);
  const claimLine = jsonObject([
    ["type", `'"claim"'`],
    ["id", jsonValue("c.id")],
    [
      "passage",
      jsonObject([
        ["id", jsonValue("p.id")],
        ["title", jsonValue("p.title")],
        ["sourceUrl", jsonValue('p."sourceUrl"')],
        ["publisher", jsonValue("p.publisher")],
        ["author", jsonValue("p.author")],
        ["publishedAt", jsonDate('p."publishedAt"')],
      ]),
    ],
    [
      "target",
      `concat('{"selector":[', ${jsonObject([
        ["type", `'"TextQuoteSelector"'`],
        ["exact", jsonValue("c.exact")],
        ["prefix", jsonValue("c.prefix")],
        ["suffix", jsonValue("c.suffix")],
      ])}, ',', ${jsonObject([
        ["type", `'"TextPositionSelector"'`],
        ["start", jsonValue("c.start")],
        ["end", jsonValue('c."end"')],
      ])}, ']}')`,
    ],
    [
      "anchor",
      jsonObject([
        ["status", jsonValue('c."anchorStatus"::text')],
        ["revision", jsonValue(`CASE WHEN c."anchorStatus" = 'orphaned' THEN c."anchorRevision" ELSE p.revision END`)],
      ]),
    ],
    ["statement", jsonValue("c.statement")],
    ["label", jsonValue(visibleLabel(hidesUndecidedLabels))],
    ["state", jsonValue("c.state::text")],
    [
      "verdict",
      `coalesce((SELECT ${jsonObject([
        ["key", jsonValue("r.key")],
        ["name", jsonValue("r.name")],
        ["value", jsonValue("r.value")],
      ])} FROM "Rating" r WHERE r."workspaceId" = c."workspaceId" AND r.key = c.verdict), 'null')`,
    ],
    ["verdictNote", jsonValue('c."verdictNote"')],
    [
      "evidence",
      `coalesce((SELECT concat('[', string_agg(${evidence}, ',' ORDER BY l."createdAt", l.id), ']')
        FROM "ClaimEvidence" l JOIN "Evidence" e ON e.id = l."evidenceId" WHERE l."claimId" = c.id AND l."deletedAt" IS NULL), '[]')`,
    ],
    [
      "reviewers",
      jsonObject([
        ["createdBy", `coalesce((SELECT ${person("u")} FROM "User" u WHERE u.id = c."createdById"), 'null')`],
        ["assignee", `coalesce((SELECT ${person("u")} FROM "User" u WHERE u.id = c."assigneeId"), 'null')`],
        [
          "verifiedBy",
          `coalesce((SELECT ${jsonObject([
            ["id", jsonValue("u.id")],
            ["name", jsonValue("u.name")],
            ["at", jsonDate('c."decidedAt"')],
          ])} FROM "User" u WHERE c.state = 'verified' AND u.id = c."decidedById"), 'null')`,
        ],
      ]),
    ],
    ["url", jsonValue(`${sqlLiteral(claimUrlPrefix)} || ${uriComponent("p.id")} || '?claim=' || ${uriComponent("c.id")}`)],
    ["createdAt", jsonDate('c."createdAt"')],
    ["updatedAt", jsonDate('c."updatedAt"')],
  ]);
  const passageLine = jsonObject([
    ["type", `'"passage"'`],
    ["id", jsonValue("p.id")],
    ["title", jsonValue("p.title")],
    ["sourceUrl", jsonValue('p."sourceUrl"')],
    ["publisher", jsonValue("p.publisher")],
    ["author", jsonValue("p.author")],
    ["publishedAt", jsonDate('p."publishedAt"')],
    ["language", jsonValue("p.language")],
    ["textHash", jsonValue('p."textHash"')],
    ["text", jsonValue("p.text")],
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
