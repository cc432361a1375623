/**
 * A case-insensitive Prisma `contains` filter for what a person typed. Prisma passes `contains` to
 * ILIKE as it is, so a % or _ must be escaped to mean itself.
 */
export function containsText(text: string) {
  return { contains: text.replace(/[\\%_]/g, "\\$&"), mode: "insensitive" } as const;
}
