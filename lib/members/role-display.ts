import type { Role } from "@/lib/generated/prisma/enums";

/** How roles read as names in badges, tables and menus; prose keeps the lowercase word ("invited you as an editor"). */
export const ROLE_DISPLAY: Record<Role, string> = {
  owner: "Owner",
  editor: "Editor",
  reviewer: "Reviewer",
  viewer: "Viewer",
};
