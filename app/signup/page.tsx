import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { getSessionActor } from "@/lib/auth/server/session";

export const metadata: Metadata = { title: "Create an account" };

type SignUpPageProps = { searchParams: Promise<{ callbackUrl?: string }> };

export default async function SignUpPage({ searchParams }: SignUpPageProps) {
  // An invitation link survives the detour through creating an account.
  const destination = safeCallbackPath((await searchParams).callbackUrl);
  if (await getSessionActor()) redirect(destination);
  return (
    <div className="narrow">
      <h1>Create your ClaimDesk account</h1>
      <SignUpForm destination={destination} />
    </div>
  );
}
