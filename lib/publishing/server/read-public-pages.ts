import "server-only";
import { cachedPublicRead, publicCacheTags } from "@/lib/publishing/server/public-cache";
import { getPassageReport } from "@/lib/publishing/server/get-passage-report";
import { getPublicFactCheck } from "@/lib/publishing/server/get-public-fact-check";

// The cached reads of the public pages: each is tagged with what expires it (public-cache.ts).

export const readFactCheck = (slug: string) => cachedPublicRead(["fact-check", slug], [publicCacheTags.factCheck(slug)], () => getPublicFactCheck(slug));

export const readPassageReport = (passageId: string) =>
  cachedPublicRead(["passage-report", passageId], [publicCacheTags.passage(passageId)], () => getPassageReport(passageId));
