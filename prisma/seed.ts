import type { DbClient } from "@/lib/db";
import {
  createClaimRecord,
  createPassageRecord,
  createUserRecord,
  createWorkspaceRecord,
  linkWebEvidenceRecord,
} from "@/lib/fixtures/factories";

export const DEMO_EMAIL = "demo@claimdesk.local";
export const DEMO_PASSWORD = "claimdesk-demo-2026";
export const DEMO_WORKSPACE_NAME = "Demo desk";

const HARBOUR_TEXT = `Port of Lindqvist reopens after record season

The Port of Lindqvist handled 4.2 million containers in 2025, up 12 percent on the year before, according to the harbour authority's annual report.

Mayor Ana Ferreira called the expansion "the best decision this city has made in a generation". Critics say the dredging cost closer to 900 million euros, not the 610 million euros the authority reported.

The new terminal opened on 3 March 2025 and employs 1,150 people. Frankly, the waterfront has never looked better.`;

const TRANSCRIPT_TEXT = `Radio debate, transcript (excerpt)

HOST: Minister, your ministry says unemployment fell to 5.1 percent in October.
MINISTER: That is correct, and it is the lowest rate since 2008. Our reforms are working.
OPPOSITION: The real figure is above 7 percent if you count people who stopped looking for work.
HOST: The statistics office will publish revised numbers on 14 December.
MINISTER: I think voters should judge us on results, not on slogans.`;

const SCRAPED_TEXT = `Home | News | Sport | Weather
Share this article

City council approves cycling plan

The council voted 31 to 12 on Tuesday to build 40 kilometres of protected bike lanes by 2028.
Supporters claim the plan will cut car traffic in the centre by a third, a figure the transport department has not confirmed.
This is a wonderful day for everyone who loves this city.

Related: Ten things to do this weekend
Cookie settings | Privacy`;

/** Creates the demo workspace once; running it again changes nothing. Throws on any failure. */
export async function seedDemoWorkspace(db: DbClient): Promise<{ created: boolean; email: string; password: string }> {
  const existing = await db.user.findUnique({ where: { email: DEMO_EMAIL }, select: { id: true } });
  if (existing) return { created: false, email: DEMO_EMAIL, password: DEMO_PASSWORD };

  await db.$transaction(
    async (tx) => {
      const owner = await createUserRecord(tx, { email: DEMO_EMAIL, name: "Demo Owner", password: DEMO_PASSWORD });
      const workspace = await createWorkspaceRecord(tx, { name: DEMO_WORKSPACE_NAME, ownerId: owner.id });
      const base = { workspaceId: workspace.id, createdById: owner.id };

      const harbour = await createPassageRecord(tx, {
        ...base,
        title: "Port of Lindqvist reopens after record season",
        text: HARBOUR_TEXT,
        sourceUrl: "https://news.example.org/lindqvist-port",
        publisher: "Lindqvist Courier",
        author: "M. Okafor",
        publishedAt: new Date("2026-02-10T08:00:00Z"),
      });
      const transcript = await createPassageRecord(tx, {
        ...base,
        title: "Radio debate on unemployment",
        text: TRANSCRIPT_TEXT,
        publisher: "Radio Nord",
        publishedAt: new Date("2026-11-02T18:00:00Z"),
      });
      const scraped = await createPassageRecord(tx, {
        ...base,
        title: "City council approves cycling plan",
        text: SCRAPED_TEXT,
        sourceUrl: "https://city.example.net/news/cycling-plan",
        publisher: "City News",
      });

      const containers = await createClaimRecord(tx, {
        ...base,
        passage: harbour,
        exact: "The Port of Lindqvist handled 4.2 million containers in 2025, up 12 percent on the year before",
        label: "factual",
        state: "verified",
        verdict: "true",
        verdictNote: "Matches table 3 of the harbour authority's annual report.",
      });
      await linkWebEvidenceRecord(tx, {
        ...base,
        claimId: containers.id,
        url: "https://harbour.example.org/annual-report-2025",
        title: "Annual report 2025",
        publisher: "Lindqvist Harbour Authority",
        quote: "Throughput: 4.2 million TEU (+12%)",
        stance: "supports",
      });
      await createClaimRecord(tx, {
        ...base,
        passage: harbour,
        exact: "the best decision this city has made in a generation",
        label: "opinion",
        state: "in_review",
      });
      await createClaimRecord(tx, {
        ...base,
        passage: harbour,
        exact: "the dredging cost closer to 900 million euros, not the 610 million euros the authority reported",
        label: "disputed",
        state: "draft",
      });
      await createClaimRecord(tx, {
        ...base,
        passage: transcript,
        exact: "unemployment fell to 5.1 percent in October",
        label: "factual",
        state: "in_review",
      });
      await createClaimRecord(tx, {
        ...base,
        passage: transcript,
        exact: "The real figure is above 7 percent if you count people who stopped looking for work.",
        label: "disputed",
        state: "draft",
      });
      await createClaimRecord(tx, {
        ...base,
        passage: scraped,
        exact: "The council voted 31 to 12 on Tuesday to build 40 kilometres of protected bike lanes by 2028.",
        state: "draft",
      });
    },
    { timeout: 30_000 },
  );
  return { created: true, email: DEMO_EMAIL, password: DEMO_PASSWORD };
}
