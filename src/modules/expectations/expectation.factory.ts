import type { Deps } from '../../storage';
import { createGoal, type Goal, type GoalContentInput } from '../goals';
import { testActor } from '../organizations/organization.factory';
import type { Conflict, Expectation, Statement } from './expectation';
import type { ConflictInput, ExpectationInput, StatementInput } from './expectation.schema';
import { recordConflict } from './conflict.service';
import { recordExpectation } from './expectation.service';
import { recordStatement } from './statement.service';

/** Test-only builders, through the services (so built data obeys the rules). Not exported from index.ts. */

/** A measurable goal of a change; the statement can be overridden for suggestion tests. */
export const aGoal = (deps: Deps, changeId: string, overrides: Partial<GoalContentInput> = {}): Promise<Goal> =>
  createGoal(deps, testActor, changeId, {
    statement: 'Op de stoep bij het station staan in 2027 nog maar 100 fietsen',
    indicator: 'fietsen op de stoep bij de telling',
    unit: 'fietsen',
    baselineValue: 900,
    baselineDate: '2025-09-01',
    targetValue: 100,
    targetDate: '2027-09-01',
    direction: 'decrease',
    ...overrides,
  });

/** An alderman's promise in the local paper. */
export const aStatement = (deps: Deps, changeId: string, overrides: Partial<StatementInput> = {}): Promise<Statement> =>
  recordStatement(deps, testActor, changeId, {
    speaker: 'Anna de Vries',
    speakerKind: 'alderman',
    role: 'wethouder Verkeer',
    medium: 'Stadskrant',
    date: '2026-04-02',
    quote: 'Iedereen kan straks gratis en overdekt zijn fiets stallen, dicht bij het perron.',
    url: 'https://example.org/stadskrant/2026-04-02',
    ...overrides,
  });

/** An unfounded expectation of the public, with a response. */
export const anExpectation = (deps: Deps, changeId: string, overrides: Partial<ExpectationInput> = {}): Promise<Expectation> =>
  recordExpectation(deps, testActor, changeId, {
    text: 'De stalling is altijd gratis.',
    kind: 'predictive',
    source: 'media',
    raisedBy: 'Stadskrant',
    status: 'unfounded',
    response: { text: 'De eerste 24 uur zijn gratis. Daarna betaalt u 1 euro per dag.', channel: 'pagina van de verandering', date: '2026-05-01' },
    ...overrides,
  });

/** A conflict between two groups, weighed. */
export const aConflict = (deps: Deps, changeId: string, groupAId: string, groupBId: string, overrides: Partial<ConflictInput> = {}): Promise<Conflict> =>
  recordConflict(deps, testActor, changeId, {
    groupAId,
    groupBId,
    description: 'Winkeliers willen fietsen voor de deur; bewoners willen een vrije stoep.',
    weighing: 'De raad koos voor een vrije stoep: veiligheid voor mensen met een rollator weegt zwaarder dan gemak.',
    ...overrides,
  });
