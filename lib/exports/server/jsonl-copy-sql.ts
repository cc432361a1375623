import {
  isoTimestamp,
  jsonColumns,
  jsonRow,
  jsonRowOf,
  jsonText,
  jsonTextArray,
  jsonTextObject,
  LANE_CLAIM_AND_PASSAGE,
  laneSelect,
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
 * point to (claim passage, then span evidence in evidence order; listed by exportPlanSql), in that
 * order, if not deleted.
 */
export function jsonlCopySql({
  fromWhere,
  hidesUndecidedLabels,
  claimUrlPrefix,
  archivedUrlPrefix,
  lane,
  passageMentions,
}: {
  fromWhere: string;
  hidesUndecidedLabels: boolean;
  claimUrlPrefix: string;
  /** export-record.ts archivedUrl without its snapshot id. */
  archivedUrlPrefix: string;
  lane: CopyLane;
  /** The passage lines this lane writes, in order: [number of the claim they go before, passage id] (exportPlanSql). */
  passageMentions: readonly (readonly [number, string])[];
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
  // The line's outer objects are joined as text (jsonTextObject); the objects made mostly of
  // strings that need escaping stay row_to_json (jsonRow).
  const { ofString, ofPlainText, ofNumberOrJson, ofConstant } = jsonText;
  const claimLine = jsonTextObject([
    ["type", ofConstant("claim")],
    ["id", ofString("c.id")],
    ["passage", ofNumberOrJson(jsonRow(passageFields))],
    [
      "target",
      jsonTextObject([
        [
          "selector",
          jsonTextArray([
            ofNumberOrJson(
              jsonRow([
                ["type", "'TextQuoteSelector'::text"],
                ["exact", "c.exact"],
                ["prefix", "c.prefix"],
                ["suffix", "c.suffix"],
              ]),
            ),
            jsonTextObject([
              ["type", ofConstant("TextPositionSelector")],
              ["start", ofNumberOrJson("c.start")],
              ["end", ofNumberOrJson('c."end"')],
            ]),
          ]),
        ],
      ]),
    ],
    [
      "anchor",
      jsonTextObject([
        ["status", ofPlainText('c."anchorStatus"::text')],
        ["revision", ofNumberOrJson(`CASE WHEN c."anchorStatus" = 'orphaned' THEN c."anchorRevision" ELSE p.revision END`)],
        ["previousQuote", ofString(`CASE WHEN c."anchorStatus" = 'changed' THEN c."previousQuote" END`)],
      ]),
    ],
    ["statement", ofString("c.statement")],
    ["label", ofPlainText(visibleLabel(hidesUndecidedLabels))],
    ["state", ofPlainText("c.state::text")],
    [
      "verdict",
      ofNumberOrJson(
        jsonRowOf(
          [
            ["key", "r.key"],
            ["name", "r.name"],
            ["value", "r.value"],
          ],
          `"Rating" r`,
          `r."workspaceId" = c."workspaceId" AND r.key = c.verdict`,
        ),
      ),
    ],
    ["verdictNote", ofString('c."verdictNote"')],
    [
      "evidence",
      `('[' || coalesce((SELECT string_agg(row_to_json(o)::text, ',' ORDER BY l."createdAt", l.id)
        FROM "ClaimEvidence" l JOIN "Evidence" e ON e.id = l."evidenceId" CROSS JOIN LATERAL (SELECT ${jsonColumns(evidence)}) AS o
        WHERE l."claimId" = c.id AND l."deletedAt" IS NULL), '') || ']')`,
    ],
    [
      "reviewers",
      jsonTextObject([
        ["createdBy", ofNumberOrJson(jsonRowOf(person("u"), `"User" u`, `u.id = c."createdById"`))],
        ["assignee", ofNumberOrJson(jsonRowOf(person("u"), `"User" u`, `u.id = c."assigneeId"`))],
        [
          "verifiedBy",
          ofNumberOrJson(
            jsonRowOf(
              [
                ["id", "u.id"],
                ["name", "u.name"],
                ["at", isoTimestamp('c."decidedAt"')],
              ],
              `"User" u`,
              `c.state = 'verified' AND u.id = c."decidedById"`,
            ),
          ),
        ],
      ]),
    ],
    ["url", ofString(`${sqlLiteral(claimUrlPrefix)} || ${uriComponent("p.id")} || '?claim=' || ${uriComponent("c.id")}`)],
    ["createdAt", ofPlainText(isoTimestamp('c."createdAt"'))],
    ["updatedAt", ofPlainText(isoTimestamp('c."updatedAt"'))],
  ]);
  const passageLine = jsonRow([
    ["type", "'passage'::text"],
    ...passageFields,
    ["language", "p.language"],
    ["textHash", 'p."textHash"'],
    ["text", "p.text"],
  ]);
  // The passage lines go before the claim line of each batch's first claim.
  const mentions = passageMentions.length
    ? `(VALUES ${passageMentions.map(([at, passageId], order) => `(${at}::bigint, ${order}, ${sqlLiteral(passageId)})`).join(", ")})`
    : "(SELECT 0::bigint, 0, ''::text WHERE false)";
  return laneSelect(
    fromWhere,
    lane,
    `
      SELECT concat(
        CASE WHEN (s.n - 1) % ${batch} = 0 THEN (
          SELECT string_agg(concat(${passageLine}, E'\\n'), '' ORDER BY m.ord)
          FROM ${mentions} AS m (at, ord, pid) JOIN "Passage" p ON p.id = m.pid AND p."deletedAt" IS NULL
          WHERE m.at = s.n
        ) END,
        ${claimLine}, E'\\n') AS text
      FROM ${LANE_CLAIM_AND_PASSAGE}`,
  );
}
