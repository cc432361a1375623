import type { WithdrawnFactCheck } from "@/lib/publishing/public-fact-check";
import { workspaceFeedPath } from "@/lib/publishing/slug";
import { publicDateTime } from "./public-dates";

export function WithdrawnNotice({ withdrawn }: { withdrawn: WithdrawnFactCheck }) {
  return (
    <div className="stack narrow">
      <h1>Fact-check withdrawn</h1>
      <p>
        {withdrawn.workspace.name} withdrew this fact-check on <time dateTime={withdrawn.withdrawnAt}>{publicDateTime(withdrawn.withdrawnAt)}</time>.
      </p>
      <p>
        <a href={workspaceFeedPath(withdrawn.workspace.id, "atom")}>{withdrawn.workspace.name}&apos;s published fact-checks (Atom feed)</a>
      </p>
    </div>
  );
}
