import { z } from "zod";
import { text } from "@/lib/http/text.schemas";

export const SEARCH_KINDS = ["passage", "claim", "evidence", "comment"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
export const SearchKindSchema = z.enum(SEARCH_KINDS).meta({ id: "SearchKind" });
export const SEARCH_KIND_DISPLAY: Record<SearchKind, string> = { passage: "Passage", claim: "Claim", evidence: "Evidence", comment: "Comment" };
/** Tab and sentence words for many results of a kind ("evidence" has no plural). */
export const SEARCH_KIND_PLURAL: Record<SearchKind, string> = { passage: "Passages", claim: "Claims", evidence: "Evidence", comment: "Comments" };

export const SEARCH_LIMIT_DEFAULT = 20;
export const SEARCH_LIMIT_MAX = 100;
export const SEARCH_TERMS_MAX_LENGTH = 200;

export const SearchQuerySchema = z.object({
  q: text()
    .trim()
    .min(1, "Type a word or phrase to search for")
    .max(SEARCH_TERMS_MAX_LENGTH, `Search terms are at most ${SEARCH_TERMS_MAX_LENGTH} characters`)
    .describe('Web-search syntax: words, "quoted phrases", OR, and -excluded words'),
  kind: SearchKindSchema.optional().describe("Only results of this kind"),
  limit: z.coerce.number().int().min(1).max(SEARCH_LIMIT_MAX).default(SEARCH_LIMIT_DEFAULT),
});
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

export const SEARCH_MATCHES = ["text", "similar", "url"] as const;
export type SearchMatch = (typeof SEARCH_MATCHES)[number];

/** Where a highlighted word starts and ends in `snippet`, in UTF-16 code units, end exclusive. */
export const HighlightRangeSchema = z.tuple([z.int().min(0), z.int().min(0)]).meta({ id: "HighlightRange" });
export type HighlightRange = z.infer<typeof HighlightRangeSchema>;

export const SearchHitSchema = z
  .object({
    kind: SearchKindSchema,
    id: text().describe("The id of the passage, claim, evidence record or comment"),
    title: text().describe("Passage title (passages, claims), evidence title or URL, or the statement of the commented claim"),
    snippet: text().describe("Plain text, never HTML: an excerpt around the matching words"),
    highlights: z.array(HighlightRangeSchema).describe("The matching words in `snippet`"),
    passageId: text().describe("The passage to open"),
    claimId: text().nullable().describe("The claim to open in it (null for passages)"),
    rank: z.number().describe("Higher is better: statement and title matches above quotes, quotes above passage text; matches of similar words below every text match"),
    matchedBy: z
      .enum(SEARCH_MATCHES)
      .describe(
        "What matched: `text` the words as typed (full text, stemmed); `similar` words spelled like them, tried when the words as typed find fewer than 3 results; `url` a web address: for a query such as `un.org` or `un.org/en`, claims with evidence linked there, that evidence, and passages whose source URL is there (subdomains included)",
      ),
  })
  .meta({ id: "SearchHit" });
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const SearchResultSchema = z.object({ items: z.array(SearchHitSchema) }).meta({ id: "SearchResult" });
export type SearchResult = z.infer<typeof SearchResultSchema>;

/** The page a search hit opens: the passage, with the claim selected when there is one. */
export function searchHitHref(workspaceId: string, hit: Pick<SearchHit, "passageId" | "claimId">): string {
  const passage = `/w/${workspaceId}/passages/${hit.passageId}`;
  return hit.claimId ? `${passage}?claim=${hit.claimId}` : passage;
}
