import { consumeSignUpAllowance } from "@/lib/auth/server/sign-up-rate-limit";
import { defineRoute } from "@/lib/http/define-route";
import { createUser } from "@/lib/users/server/create-user";
import { CreateUserInputSchema } from "@/lib/users/user.schemas";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const POST = defineRoute({
  auth: "none",
  body: CreateUserInputSchema,
  handler: async ({ body, request }) => {
    await consumeSignUpAllowance(request);
    return { status: 201, body: await createUser(body) };
  },
});

export const { OPTIONS, GET, PUT, PATCH, DELETE } = otherMethods({ POST });
