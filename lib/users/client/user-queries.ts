"use client";

import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { callApi } from "@/lib/http/api-client";
import type { ChangePasswordInput, CreateUserInput } from "@/lib/users/user.schemas";
import { changePasswordEndpoint, createUserEndpoint, revokeMySessionsEndpoint } from "@/lib/users/users.endpoints";

/** Creates the account, then signs in with it; `isSignedIn` is false when only the sign-in failed. */
export function useSignUp() {
  return useMutation({
    mutationFn: async (input: CreateUserInput) => {
      const user = await callApi(createUserEndpoint, { body: input });
      const result = await signIn("credentials", { email: input.email, password: input.password, redirect: false });
      return { user, isSignedIn: Boolean(result?.ok) };
    },
  });
}

export function useChangePassword() {
  return useMutation({ mutationFn: (input: ChangePasswordInput) => callApi(changePasswordEndpoint, { body: input }) });
}

/** Ends every session of the caller on the server, this one included. */
export function useRevokeMySessions() {
  return useMutation({ mutationFn: () => callApi(revokeMySessionsEndpoint, {}) });
}
