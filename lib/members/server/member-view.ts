import "server-only";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Member } from "@/lib/members/member.schemas";

export const memberSelect = {
  userId: true,
  role: true,
  createdAt: true,
  user: { select: { name: true, email: true } },
} as const;

type MemberRow = { userId: string; role: Role; createdAt: Date; user: { name: string; email: string } };

export function toMember(row: MemberRow): Member {
  return { userId: row.userId, name: row.user.name, email: row.user.email, role: row.role, joinedAt: row.createdAt.toISOString() };
}
