import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    user?: DefaultSession["user"] & { id?: string };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** The UserSession row this browser's sign-in created; revoking it ends the session. */
    sid?: string;
  }
}
