import { errorResponses, jsonBody, jsonContent, type RegisterPaths } from "@/lib/openapi/openapi-helpers";
import { CreateUserInputSchema, MeSchema, UserSchema } from "@/lib/users/user.schemas";

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
};
