import { endpoint, json } from "@/lib/http/endpoint";
import { ChangePasswordInputSchema, CreateUserInputSchema, MeSchema, RevokedSessionsSchema, UserSchema } from "@/lib/users/user.schemas";

const tags = ["Accounts"];

export const createUserEndpoint = endpoint({
  method: "POST",
  path: "/api/v1/users",
  summary: "Sign up",
  tags,
  auth: "none",
  body: CreateUserInputSchema,
  responses: { 201: json(UserSchema, "The new account") },
  errors: ["conflict"],
});

export const getMeEndpoint = endpoint({
  method: "GET",
  path: "/api/v1/me",
  summary: "The signed-in user",
  tags,
  auth: "required",
  responses: { 200: json(MeSchema, "The caller") },
  errors: [],
});

export const revokeMySessionsEndpoint = endpoint({
  method: "DELETE",
  path: "/api/v1/me/sessions",
  summary: "Sign out everywhere",
  description:
    "Ends every signed-in browser session of the caller, the one making the request included. API tokens are not affected; revoke them under /api/v1/tokens.",
  tags,
  auth: "required",
  responses: { 200: json(RevokedSessionsSchema, "How many sessions were ended") },
  errors: ["forbidden"],
});

export const changePasswordEndpoint = endpoint({
  method: "PUT",
  path: "/api/v1/me/password",
  summary: "Change the caller's password",
  description:
    "Needs the current password. The new one must be at least 12 characters and not easy to guess; a 400 says why in `details` (path `body.newPassword`). Every other session of the caller is ended; the one making the request stays signed in. Wrong current passwords count against the sign-in attempt limit.",
  tags,
  auth: "required",
  body: ChangePasswordInputSchema,
  responses: { 200: json(RevokedSessionsSchema, "The password is changed; how many other sessions were ended") },
  errors: ["forbidden", "conflict", "rate_limited"],
});
