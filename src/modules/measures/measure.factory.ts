import type { Deps } from '../../storage';
import { testActor } from '../organizations/organization.factory';
import type { Contribution, Measure } from './measure';
import type { ContributionInput, MeasureInput } from './measure.schema';
import { addContribution, createMeasure } from './measure.service';

/** Test-only builders. Not exported from index.ts. */
export const aMeasure = (deps: Deps, changeId: string, overrides: Partial<MeasureInput> = {}): Promise<Measure> =>
  createMeasure(deps, testActor, changeId, {
    title: 'Stalling onder het Stationsplein bouwen',
    description: 'Een bewaakte stalling voor 2000 fietsen, gratis de eerste 24 uur.',
    status: 'planned',
    cost: 4_250_000,
    startDate: '2026-09-01',
    endDate: '2027-09-01',
    ...overrides,
  });

export const aContribution = (deps: Deps, measureId: string, goalId: string, overrides: Partial<ContributionInput> = {}): Promise<Contribution> =>
  addContribution(deps, testActor, measureId, {
    goalId,
    mechanism: 'Wie een gratis plek dichtbij heeft, zet de fiets niet op de stoep.',
    assumptions: 'De stalling ligt op de looproute naar de perrons.',
    expectedEffect: 20,
    evidenceStrength: 'plausible',
    evidenceLinks: ['https://example.org/onderzoek/fietsparkeren'],
    ...overrides,
  });
