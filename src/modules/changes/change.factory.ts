import type { Deps } from '../../storage';
import { testActor } from '../organizations/organization.factory';
import type { Change } from './change';
import type { CreateChangeInput } from './change.schema';
import { createChange } from './change.service';

/** Test-only builder: a draft infrastructure change with why and what filled in. Not exported from index.ts. */
export const aChange = (deps: Deps, organizationId: string, overrides: Partial<CreateChangeInput> = {}): Promise<Change> =>
  createChange(deps, testActor, organizationId, {
    title: 'Nieuwe fietsenstalling bij het station',
    kind: 'infrastructure',
    summary: 'Bij het station komt een stalling voor 2000 fietsen.',
    why: 'Er staan te veel fietsen op de stoep. Mensen met een rollator kunnen er niet langs.',
    what: 'We bouwen een stalling onder het plein. Fietsen op de stoep halen we weg.',
    themes: ['verkeer'],
    ...overrides,
  });
