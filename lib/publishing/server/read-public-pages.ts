import "server-only";
import { cache } from "react";
import { cachedPublicRead, publicCacheTags } from "@/lib/publishing/server/public-cache";
import { getPassageReport } from "@/lib/publishing/server/get-passage-report";
import { getPublicFactCheck } from "@/lib/publishing/server/get-public-fact-check";

// The cached reads of the public pages: each is tagged with what expires it (public-cache.ts), and read
// once per request (React's cache) though the metadata and the page both ask.

export const readFactCheck = cache((slug: string) => cachedPublicRead(["fact-check", slug], [publicCacheTags.factCheck(slug)], () => getPublicFactCheck(slug)));

export const readPassageReport = cache((passageId: string) =>
  cachedPublicRead(["passage-report", passageId], [publicCacheTags.passage(passageId)], () => getPassageReport(passageId)),
);
