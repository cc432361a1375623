"use client";

import { useState } from "react";
import { AssigneePicker } from "@/components/assignment/assignee-picker";
import { describeBulkOutcome } from "@/components/claims-table/bulk-summary";
import { useBulkUpdateClaims, usePassageClaims } from "@/lib/claims/client/claim-queries";

/** Editors hand every claim of a passage to one reviewer at once. */
export function AssignPassageClaims({ workspaceId, passageId }: { workspaceId: string; passageId: string }) {
  const claims = usePassageClaims(passageId);
  const assign = useBulkUpdateClaims(workspaceId);
  const [summary, setSummary] = useState("");
  const items = claims.data ?? [];
  if (items.length === 0) return null;

  return (
    <details className="assign-passage">
      <summary>{items.length === 1 ? "Assign this passage's claim" : `Assign all ${items.length} claims of this passage`}</summary>
      <AssigneePicker
        workspaceId={workspaceId}
        label="Assign every claim to"
        submitLabel="Assign all"
        isPending={assign.isPending}
        onAssign={(assigneeId) =>
          assign.mutate(
            {
              claimIds: items.map((claim) => claim.id),
              changes: { assigneeId },
              versions: Object.fromEntries(items.map((claim) => [claim.id, claim.version])),
            },
            { onSuccess: (outcome) => setSummary(describeBulkOutcome(outcome)), onError: (error) => setSummary(`Nothing was changed: ${error.message}`) },
          )
        }
      />
      <p role="status">{summary}</p>
    </details>
  );
}
