/** The parts of a JSONL claim line that say nothing about the claim's content. */
const IGNORED_FIELDS = new Set(["type", "id", "url", "updatedAt"]);

type ClaimLine = Record<string, unknown> & { id: string; statement: string };

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** JSON with object keys sorted, so two equal values compare equal whatever order they were written in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (isPlainObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .filter((key) => value[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** The claim lines of a ClaimDesk JSONL file by claim id (the header and passage lines are skipped). */
export function claimLinesOf(jsonl: string): Map<string, ClaimLine> {
  const claims = new Map<string, ClaimLine>();
  for (const line of jsonl.split("\n")) {
    // Passage lines carry whole texts; they are never parsed.
    if (line.length === 0 || line.startsWith('{"type":"passage"') || line.startsWith('{"type":"export"')) continue;
    const parsed: unknown = JSON.parse(line);
    if (isPlainObject(parsed) && parsed.type === "claim" && typeof parsed.id === "string") {
      claims.set(parsed.id, { ...parsed, id: parsed.id, statement: typeof parsed.statement === "string" ? parsed.statement : "" });
    }
  }
  return claims;
}

/** The fields two versions of a claim line differ in; nested objects by their own fields (passage.title). */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const fields: string[] = [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => !IGNORED_FIELDS.has(key)).sort();
  for (const key of keys) {
    const [old, now] = [before[key], after[key]];
    if (isPlainObject(old) && isPlainObject(now) && key !== "target") {
      const inner = [...new Set([...Object.keys(old), ...Object.keys(now)])].sort();
      for (const field of inner) if (canonicalJson(old[field]) !== canonicalJson(now[field])) fields.push(`${key}.${field}`);
    } else if (canonicalJson(old) !== canonicalJson(now)) fields.push(key);
  }
  return fields;
}

export type ClaimSetDiff = {
  added: { id: string; statement: string }[];
  removed: { id: string; statement: string }[];
  changed: { id: string; statement: string; fields: string[] }[];
  unchangedCount: number;
};

/** What changed from `against` (older) to `release` (newer), each list in the newer file's order (removed: the older's). */
export function diffClaimSets(release: Map<string, ClaimLine>, against: Map<string, ClaimLine>): ClaimSetDiff {
  const diff: ClaimSetDiff = { added: [], removed: [], changed: [], unchangedCount: 0 };
  for (const [id, claim] of release) {
    const old = against.get(id);
    if (!old) {
      diff.added.push({ id, statement: claim.statement });
      continue;
    }
    const fields = changedFields(old, claim);
    if (fields.length) diff.changed.push({ id, statement: claim.statement, fields });
    else diff.unchangedCount += 1;
  }
  for (const [id, claim] of against) if (!release.has(id)) diff.removed.push({ id, statement: claim.statement });
  return diff;
}
