"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";


type SignInFormProps = {
  callbackUrl?: string;
  initialError?: string;
  oauthProviders: { id: string; name: string }[];
};

export function SignInForm({ callbackUrl, initialError, oauthProviders }: SignInFormProps) {
  const router = useRouter();
  const [error, setError] = useState(initialError ? signInErrorMessage(initialError) : "");
  const [isSubmitting, setIsSubmitting] = useState(false);
  const destination = safeCallbackPath(callbackUrl);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setIsSubmitting(true);
    setError("");
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    setIsSubmitting(false);
    if (result?.ok) {
      router.replace(destination);
      router.refresh();
      return;
    }
    setError(signInErrorMessage(result?.error ?? "", result?.url));
  }

  return (
    <div className="stack">
      <form className="stack card" onSubmit={(event) => void onSubmit(event)} noValidate>
        {error && (
          <p className="alert alert-error" role="alert">
            {error}
          </p>
        )}
        <div>
          <label htmlFor="email">Email</label>
          <input id="email" name="email" type="email" autoComplete="email" required />
        </div>
        <div>
          <label htmlFor="password">Password</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required />
        </div>
        <button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {oauthProviders.map((provider) => (
        <button
          key={provider.id}
          type="button"
          className="button-secondary"
          onClick={() => void signIn(provider.id, { callbackUrl: destination })}
        >
          Continue with {provider.name}
        </button>
      ))}
      <p>
        New to ClaimDesk?{" "}
          <Link href={destination === "/" ? "/signup" : `/signup?callbackUrl=${encodeURIComponent(destination)}`}>Create an account</Link>
      </p>
    </div>
  );
}
