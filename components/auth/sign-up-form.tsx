"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ApiError, apiFetch } from "@/lib/http/api-fetch";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import type { CreateUserInput, User } from "@/lib/users/user.schemas";
import { FormField } from "@/components/ui/form-field";

export function SignUpForm({ destination }: { destination: string }) {
  const router = useRouter();
  const [signInError, setSignInError] = useState("");
  const createAccount = useMutation({
    mutationFn: async (input: CreateUserInput) => {
      const user = await apiFetch<User>("/api/v1/users", { body: input });
      const result = await signIn("credentials", { email: input.email, password: input.password, redirect: false });
      if (!result?.ok) setSignInError("Your account was created, but signing in failed. Sign in to continue.");
      return user;
    },
    onSuccess: () => {
      router.replace(destination);
      router.refresh();
    },
  });
  const error = createAccount.error;
  const fieldErrors = error instanceof ApiError ? error.fieldErrors() : {};

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    createAccount.mutate({
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    });
  }

  return (
    <div className="stack">
      <form className="stack card" onSubmit={onSubmit} noValidate>
        {(error || signInError) && (
          <p className="alert alert-error" role="alert">
            {signInError || (Object.keys(fieldErrors).length > 0 ? "Fix the fields marked below." : error?.message)}
          </p>
        )}
        <FormField id="name" label="Name" autoComplete="name" error={fieldErrors.name} />
        <FormField id="email" label="Email" type="email" autoComplete="email" error={fieldErrors.email} />
        <FormField
          id="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${PASSWORD_MIN_LENGTH} characters, and not easy to guess.`}
          error={fieldErrors.password}
        />
        <button type="submit" disabled={createAccount.isPending}>
          {createAccount.isPending ? "Creating your account…" : "Create account"}
        </button>
      </form>
      <p>
        Already have an account? <Link href={destination === "/" ? "/signin" : `/signin?callbackUrl=${encodeURIComponent(destination)}`}>Sign in</Link>
      </p>
    </div>
  );
}
