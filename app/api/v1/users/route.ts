import { consumeSignUpAllowance } from "@/lib/auth/server/sign-up-rate-limit";
import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { createUser } from "@/lib/users/server/create-user";
import { createUserEndpoint } from "@/lib/users/users.endpoints";

export const POST = defineRoute(createUserEndpoint, {
  handler: async ({ body, request }) => {
    await consumeSignUpAllowance(request);
    return { status: 201, body: await createUser(body) };
  },
});

export const { OPTIONS, GET, PUT, PATCH, DELETE } = otherMethods({ POST });
