import type { Deps } from '../../storage';
import { testActor } from '../organizations/organization.factory';
import type { CitizenGroup, Impact } from './group';
import type { GroupInput } from './group.schema';
import { createGroup } from './group.service';

let sequence = 0;

/** Test-only builder: a citizen group with a name no other test group has. Not exported from index.ts. */
export const aGroup = (deps: Deps, organizationId: string, overrides: Partial<GroupInput> = {}): Promise<CitizenGroup> => {
  sequence += 1;
  return createGroup(deps, testActor, organizationId, { name: `Bewoners wijk ${sequence}`, estimatedSize: 1200, ...overrides });
};

/** Test-only builder for pure rules: an impact that was never stored. */
export const anImpact = (overrides: Partial<Impact> = {}): Impact => {
  sequence += 1;
  return {
    id: `impact-${sequence}`,
    changeId: 'change-1' as Impact['changeId'],
    groupId: `group-${sequence}` as Impact['groupId'],
    effect: 'neutral',
    meaning: '',
    expectation: '',
    createdAt: '2026-06-01T10:00:00.000Z',
    revision: 1,
    ...overrides,
  };
};
