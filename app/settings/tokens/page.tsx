import type { Metadata } from "next";
import { ApiTokens } from "@/components/settings/api-tokens";
import { requirePageActor } from "@/lib/auth/server/session";
import { listApiTokens } from "@/lib/tokens/server/list-api-tokens";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage() {
  const actor = await requirePageActor("/settings/tokens");
  const { items: tokens } = await listApiTokens({ actor });
  return (
    <div className="stack">
      <h1>API tokens</h1>
      <p className="muted">
        A token lets a script or another tool call the <a href="/api/v1/openapi.json">ClaimDesk API</a> as you, with your
        access to every workspace you are a member of. Send it as <code>Authorization: Bearer &lt;token&gt;</code>. Revoke
        a token as soon as you no longer need it or suspect someone else has it.
      </p>
      <ApiTokens tokens={tokens} />
    </div>
  );
}
