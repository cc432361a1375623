/** Who is making a request, as resolved by the route wrapper from a session cookie or an API token. */
export type Actor = {
  userId: string;
  email: string;
  name: string;
  /** `job`: a background job acting for the person who queued it (lib/jobs). */
  via: "session" | "token" | "job";
  /** The UserSession behind a session cookie (absent for API tokens). */
  sessionId?: string;
  /** The API token behind a bearer secret (absent for sessions). */
  tokenId?: string;
};
