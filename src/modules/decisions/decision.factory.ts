import type { Deps } from '../../storage';
import { testActor } from '../organizations/organization.factory';
import type { Decision } from './decision';
import type { DecisionInput } from './decision.schema';
import { recordDecision } from './decision.service';

/** Test-only builder: an adopted raadsbesluit with vote totals. Not exported from index.ts. */
export const aDecision = (deps: Deps, organizationId: string, overrides: Partial<DecisionInput> = {}): Promise<Decision> =>
  recordDecision(deps, testActor, organizationId, {
    kind: 'raadsbesluit',
    title: 'Raadsbesluit fietsparkeren stationsgebied',
    body: 'gemeenteraad',
    date: '2026-03-12',
    reference: 'RB-2026-031',
    sourceUrl: 'https://example.org/raad/2026-031',
    outcome: 'adopted',
    votes: { for: 25, against: 10, abstain: 0 },
    ...overrides,
  });

/** Votes per party that add up to the factory's totals (25 for, 10 against), sorted by party. */
export const partyVotesOf25to10 = [
  { party: 'CDA', for: 0, against: 6, abstain: 0 },
  { party: 'D66', for: 12, against: 0, abstain: 0 },
  { party: 'GroenLinks', for: 13, against: 0, abstain: 0 },
  { party: 'VVD', for: 0, against: 4, abstain: 0 },
];
