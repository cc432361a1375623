import "server-only";
import { randomBytes } from "node:crypto";
import { hashApiToken } from "@/lib/auth/server/api-token-auth";
import { publicOrigin } from "@/lib/http/client-address";

const SECRET_BYTES = 32;

/** A new invitation secret for the link, and the SHA-256 that is all the database keeps of it. */
export function newInvitationSecret(): { secret: string; tokenHash: string } {
  const secret = randomBytes(SECRET_BYTES).toString("base64url");
  return { secret, tokenHash: hashInvitationToken(secret) };
}

// The same SHA-256 hex digest as API tokens: one way of fingerprinting secrets.
export const hashInvitationToken = hashApiToken;

/** Links point at the configured public address when there is one, else at the address the request came to. */
export function invitationUrl(request: Request, secret: string): string {
  return new URL(`/invitations/${secret}`, publicOrigin(request)).toString();
}
