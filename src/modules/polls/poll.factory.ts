import type { ChangeStatus } from '../changes';
import { setChangePublished, setChangeStatus } from '../changes';
import { aChange } from '../changes/change.factory';
import type { CitizenGroup } from '../groups';
import { setImpact } from '../groups';
import { aGroup } from '../groups/group.factory';
import { anOrganization, testActor, testDeps } from '../organizations/organization.factory';
import type { Db } from '../../storage';
import { hashClientAddress, type ClientHash, type VoiceDeps } from './guard';
import type { PollSubmission } from './poll.schema';
import { getPoll, submitPollAnswers, type PollReceipt } from './poll.service';

/** Test-only builders for polls and the guard. Not exported from index.ts. */

export const TEST_SECRET = 'test-secret-0123456789abcdefghijklmnopqrstuvwxyz';

/** Voice deps over a test database: fixed clock (1 June 2026, 10:00 UTC) and the test secret. */
export const voiceDeps = (db: Db, voice?: VoiceDeps['voice']) => ({ ...testDeps(db), secret: TEST_SECRET, ...(voice ? { voice } : {}) });
export type TestVoiceDeps = ReturnType<typeof voiceDeps>;

const PATH: Record<ChangeStatus, ChangeStatus[]> = {
  draft: [],
  proposed: ['proposed'],
  decided: ['proposed', 'decided'],
  in_progress: ['proposed', 'decided', 'in_progress'],
  completed: ['proposed', 'decided', 'in_progress', 'completed'],
  stopped: ['stopped'],
};

/** A published change in `status` of a new organization, with `groups` impact groups. */
export const aPolledChange = async (deps: TestVoiceDeps, status: ChangeStatus = 'decided', groups = 2) => {
  const organization = await anOrganization(deps);
  const change = await aChange(deps, organization.id);
  for (const step of PATH[status]) await setChangeStatus(deps, testActor, change.id, step);
  const made: CitizenGroup[] = [];
  for (let i = 0; i < groups; i += 1) {
    const group = await aGroup(deps, organization.id);
    await setImpact(deps, testActor, change.id, { groupId: group.id, effect: 'mixed', meaning: 'Dit betekent iets voor u.' });
    made.push(group);
  }
  const published = await setChangePublished(deps, testActor, change.id, true);
  return { organization, change: published, groups: made };
};

let addresses = 0;
/** A client hash for a fresh address (or the given one). */
export const aClient = (deps: TestVoiceDeps, address?: string): Promise<ClientHash> => {
  addresses += 1;
  return hashClientAddress(deps, address ?? `198.51.100.${addresses % 250}`);
};

/** Fetches a token, waits the minimum fill time on the test clock and submits the answers. */
export const answerPoll = async (
  deps: TestVoiceDeps,
  changeId: string,
  answers: Omit<PollSubmission, 'token'> = { q1: 'ja', q2: 'deels', q3: 4 },
  client?: ClientHash,
): Promise<PollReceipt> => {
  const { token } = await getPoll(deps, changeId);
  deps.clock.advance(5_000);
  return submitPollAnswers(deps, changeId, { ...answers, token }, client ?? (await aClient(deps)));
};
