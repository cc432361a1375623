import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getSessionActor } from "@/lib/auth/server/session";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage() {
  if (await getSessionActor()) redirect("/workspaces");
  return (
    <div className="narrow">
      <h1>Create your ClaimDesk account</h1>
      <SignUpForm />
    </div>
  );
}
