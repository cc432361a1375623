import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/auth-options";
import { guardAuthPost } from "@/lib/auth/server/guard-auth-post";

type NextAuthContext = { params: Promise<{ nextauth: string[] }> };

function handle(request: NextRequest, context: NextAuthContext) {
  return NextAuth(request, context, authOptions()) as Promise<Response>;
}

export const GET = handle;

export async function POST(request: NextRequest, context: NextAuthContext): Promise<Response> {
  const { nextauth } = await context.params;
  const guarded = await guardAuthPost(request, nextauth.join("/"));
  return guarded instanceof Response ? guarded : handle(guarded, context);
}
