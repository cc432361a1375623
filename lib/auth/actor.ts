/** Who is making a request, as resolved by the route wrapper from a session cookie or an API token. */
export type Actor = {
  userId: string;
  email: string;
  name: string;
  via: "session" | "token";
};
