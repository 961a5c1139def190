import { recordDecision, type Decision, type DecisionInput } from '../decisions';
import type { SeedContext } from './seed-context';

/**
 * The council of Voorbeeldstad: 37 seats, as Gemeentewet art. 8 gives a municipality of
 * 80,001–100,000 inhabitants (Voorbeeldstad has about 87,000). The coalition is Lokaal Voorbeeldstad, VVD, D66 and CDA: 23 seats.
 */
export const COUNCIL_SEATS = {
  'Lokaal Voorbeeldstad': 9,
  'GroenLinks-PvdA': 7,
  VVD: 6,
  D66: 4,
  CDA: 4,
  SP: 3,
  ChristenUnie: 2,
  'Partij voor de Dieren': 2,
} as const;

export type Party = keyof typeof COUNCIL_SEATS;
const PARTIES = Object.keys(COUNCIL_SEATS) as Party[];

/** How a party voted: all for, all against, or split (e.g. `{ for: 3, against: 1 }`). */
type PartyChoice = 'for' | 'against' | { for: number; against: number };

/**
 * Votes of a council meeting, per party and in total, so the totals always equal the party sums
 * (the decisions schema rejects anything else). `absent` lists members who did not vote. Members
 * present vote for or against: Dutch council rules know no abstention, so `abstain` stays 0.
 */
export const councilVote = (
  choices: Partial<Record<Party, PartyChoice>>,
  absent: Partial<Record<Party, number>> = {},
): Pick<DecisionInput, 'votes' | 'partyVotes'> => {
  const partyVotes = PARTIES.map((party) => {
    const present = COUNCIL_SEATS[party] - (absent[party] ?? 0);
    const choice = choices[party] ?? 'against';
    if (typeof choice === 'object') {
      if (choice.for + choice.against !== present) throw new Error(`split vote of ${party} does not add up to ${present}`);
      return { party, for: choice.for, against: choice.against, abstain: 0 };
    }
    return { party, for: choice === 'for' ? present : 0, against: choice === 'against' ? present : 0, abstain: 0 };
  });
  const sum = (key: 'for' | 'against') => partyVotes.reduce((n, p) => n + p[key], 0);
  return { votes: { for: sum('for'), against: sum('against'), abstain: 0 }, partyVotes };
};

/** Where the council's documents live on the demo website. */
export const councilUrl = (path: string): string => `https://voorbeeldstad.example/raad/${path}`;

type RecordedKind = 'raadsbesluit' | 'motie' | 'amendement' | 'collegebesluit';

/** Reference prefix and website folder per kind, e.g. RB-2025-041 at /raad/besluiten/rb-2025-041. */
const NUMBERING: Record<RecordedKind, [prefix: string, folder: string]> = {
  raadsbesluit: ['RB', 'besluiten'],
  motie: ['M', 'moties'],
  amendement: ['A', 'amendementen'],
  collegebesluit: ['CB', 'collegebesluiten'],
};

/**
 * Records a decision of the council (or, for a collegebesluit, of the college), numbered the way
 * the griffie numbers them: kind, year of the meeting and a serial. Outcome defaults to adopted.
 */
export const recordCouncilDecision = (
  ctx: SeedContext,
  changeId: string,
  input: Omit<DecisionInput, 'changeId' | 'body' | 'reference' | 'sourceUrl' | 'outcome' | 'kind'> & {
    kind: RecordedKind;
    serial: string;
    outcome?: DecisionInput['outcome'];
  },
): Promise<Decision> => {
  const { serial, ...decision } = input;
  const [prefix, folder] = NUMBERING[input.kind];
  const reference = `${prefix}-${input.date.slice(0, 4)}-${serial}`;
  return recordDecision(ctx.deps, ctx.actor, ctx.organizationId, {
    ...decision,
    changeId,
    outcome: input.outcome ?? 'adopted',
    body: input.kind === 'collegebesluit' ? 'college van burgemeester en wethouders' : 'gemeenteraad',
    reference,
    sourceUrl: councilUrl(`${folder}/${reference.toLowerCase()}`),
  });
};
