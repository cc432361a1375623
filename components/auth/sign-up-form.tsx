"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ApiError, formErrorMessage } from "@/lib/http/api-client";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { useSignUp } from "@/lib/users/client/user-queries";
import { FormField } from "@/components/ui/form-field";
import { isOverLimit } from "@/components/forms/character-count";
import { USER_NAME_MAX_LENGTH } from "@/lib/users/user.schemas";

export function SignUpForm({ destination }: { destination: string }) {
  const router = useRouter();
  const [signInError, setSignInError] = useState("");
  const createAccount = useSignUp();
  const error = createAccount.error;
  const fieldErrors = error instanceof ApiError ? error.fieldErrors() : {};

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    // The counter under the name already says what is wrong.
    if (isOverLimit(String(form.get("name") ?? "").trim(), USER_NAME_MAX_LENGTH)) return;
    createAccount.mutate(
      {
        name: String(form.get("name") ?? ""),
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
      },
      {
        onSuccess: ({ isSignedIn }) => {
          if (!isSignedIn) setSignInError("Your account was created, but signing in failed. Sign in to continue.");
          router.replace(destination);
          router.refresh();
        },
      },
    );
  }

  return (
    <div className="stack">
      <form className="stack card" onSubmit={onSubmit} noValidate>
        {(error || signInError) && (
          <p className="alert alert-error" role="alert">
            {signInError || (error && formErrorMessage(error, ["name", "email", "password"]))}
          </p>
        )}
        <FormField id="name" label="Name" autoComplete="name" error={fieldErrors.name} maxLength={USER_NAME_MAX_LENGTH} />
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
