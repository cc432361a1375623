import { expect } from "vitest";

type ListAnswer<Item> = { items: Item[]; nextCursor: string | null };

/**
 * Follows `nextCursor` from the first page to the last, asking for `limit` items a page, and returns
 * every item in the order the pages gave them. `fetchPage` gets the `limit` and `cursor` parameters.
 */
export async function readEveryPage<Item>(
  fetchPage: (search: string) => Promise<{ status: number; body: unknown }>,
  limit: number,
): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | null = null;
  do {
    const response = await fetchPage(`limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`);
    expect(response.status).toBe(200);
    const page = response.body as ListAnswer<Item>;
    expect(page.items.length).toBeLessThanOrEqual(limit);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return items;
}
