import { errorResponses, jsonBody, jsonContent, type RegisterPaths } from "@/lib/openapi/openapi-helpers";
import { ChangePasswordInputSchema, CreateUserInputSchema, MeSchema, RevokedSessionsSchema, UserSchema } from "@/lib/users/user.schemas";

export const registerUserPaths: RegisterPaths = (registry) => {
  registry.registerPath({
    method: "post",
    path: "/api/v1/users",
    tags: ["Accounts"],
    summary: "Sign up",
    security: [],
    request: jsonBody(CreateUserInputSchema),
    responses: { 201: jsonContent(UserSchema, "The new account"), ...errorResponses("validation_failed", "conflict", "rate_limited") },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/me",
    tags: ["Accounts"],
    summary: "The signed-in user",
    responses: { 200: jsonContent(MeSchema, "The caller"), ...errorResponses("unauthenticated") },
  });
  registry.registerPath({
    method: "delete",
    path: "/api/v1/me/sessions",
    tags: ["Accounts"],
    summary: "Sign out everywhere",
    description: "Ends every signed-in browser session of the caller, the one making the request included. API tokens are not affected; revoke them under /api/v1/tokens.",
    responses: { 200: jsonContent(RevokedSessionsSchema, "How many sessions were ended"), ...errorResponses("unauthenticated", "forbidden") },
  });
  registry.registerPath({
    method: "put",
    path: "/api/v1/me/password",
    tags: ["Accounts"],
    summary: "Change the caller's password",
    description:
      "Needs the current password. The new one must be at least 12 characters and not easy to guess; a 400 says why in `details` (path `body.newPassword`). Every other session of the caller is ended; the one making the request stays signed in. Wrong current passwords count against the sign-in attempt limit.",
    request: jsonBody(ChangePasswordInputSchema),
    responses: {
      200: jsonContent(RevokedSessionsSchema, "The password is changed; how many other sessions were ended"),
      ...errorResponses("validation_failed", "unauthenticated", "forbidden", "conflict", "rate_limited"),
    },
  });
};
