-- The default rating scale for every workspace that has none yet (new workspaces get it from
-- createWorkspace; lib/ratings/default-rating-scale.ts holds the same list).
INSERT INTO "Rating" ("workspaceId", "key", "name", "description", "value", "position", "updatedAt")
SELECT w.id, d.key, d.name, d.description, d.value, d.position, CURRENT_TIMESTAMP
FROM "Workspace" w
CROSS JOIN (VALUES
  ('true', 'True', 'The claim is accurate and nothing significant is missing.', 5, 0),
  ('mostly-true', 'Mostly true', 'The claim is accurate but needs clarification or additional information.', 4, 1),
  ('half-true', 'Half true', 'The claim is partially accurate but leaves out important details or takes things out of context.', 3, 2),
  ('mostly-false', 'Mostly false', 'The claim contains an element of truth but ignores facts that would give a different impression.', 2, 3),
  ('false', 'False', 'The claim is not accurate.', 1, 4),
  ('misleading', 'Misleading', 'The claim uses accurate facts to give a false impression.', NULL, 5),
  ('unproven', 'Unproven', 'The evidence available can neither prove nor disprove the claim.', NULL, 6)
) AS d(key, name, description, value, position)
WHERE NOT EXISTS (SELECT 1 FROM "Rating" r WHERE r."workspaceId" = w.id);
