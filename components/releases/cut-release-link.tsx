"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";

const FILTER_KEYS = ["label", "state", "passageId", "assigneeId", "q"];

/** "Cut a release from this filter": the releases page with the claims table's current filter. */
export function CutReleaseLink({ workspaceId }: { workspaceId: string }) {
  const searchParams = useSearchParams();
  const filter = new URLSearchParams([...searchParams.entries()].filter(([key]) => FILTER_KEYS.includes(key)));
  const query = filter.toString();
  return <Link href={`/w/${encodeURIComponent(workspaceId)}/releases${query ? `?${query}` : ""}`}>Cut a release from this filter</Link>;
}
