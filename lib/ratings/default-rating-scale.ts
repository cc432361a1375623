/** A rating as a workspace's scale holds it, in order. */
export type RatingDefinition = { key: string; name: string; description: string; value: number | null };

/**
 * The scale every new workspace starts with (and existing ones got in the backfill migration,
 * prisma/migrations/*_default_rating_scale). Owners change it in the workspace settings.
 */
export const DEFAULT_RATING_SCALE: readonly RatingDefinition[] = [
  { key: "true", name: "True", description: "The claim is accurate and nothing significant is missing.", value: 5 },
  { key: "mostly-true", name: "Mostly true", description: "The claim is accurate but needs clarification or additional information.", value: 4 },
  { key: "half-true", name: "Half true", description: "The claim is partially accurate but leaves out important details or takes things out of context.", value: 3 },
  { key: "mostly-false", name: "Mostly false", description: "The claim contains an element of truth but ignores facts that would give a different impression.", value: 2 },
  { key: "false", name: "False", description: "The claim is not accurate.", value: 1 },
  { key: "misleading", name: "Misleading", description: "The claim uses accurate facts to give a false impression.", value: null },
  { key: "unproven", name: "Unproven", description: "The evidence available can neither prove nor disprove the claim.", value: null },
];

/** The default scale as rows of `Rating` for one workspace, in order. */
export function defaultRatingRows(workspaceId: string) {
  return DEFAULT_RATING_SCALE.map((rating, position) => ({ workspaceId, position, ...rating }));
}
