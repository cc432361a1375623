import Link from "next/link";
import { redirect } from "next/navigation";
import { getSessionActor } from "@/lib/auth/server/session";

export default async function HomePage() {
  const actor = await getSessionActor();
  if (actor) redirect("/workspaces");
  return (
    <div className="stack narrow">
      <h1>Fact-check together</h1>
      <p>
        ClaimDesk is where a desk marks the claims inside articles, transcripts and scraped pages, labels each one as
        factual, opinion or disputed, links the evidence, reviews it to verified, and exports the result.
      </p>
      <div className="row">
        <Link href="/signin" className="button">
          Sign in
        </Link>
        <Link href="/signup" className="button button-secondary">
          Create an account
        </Link>
      </div>
    </div>
  );
}
