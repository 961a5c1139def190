import type { ClientHash } from '../polls';
import { aClient, type TestVoiceDeps } from '../polls/poll.factory';
import type { ReactionInput } from './reaction.schema';
import { getReactionForm, postReaction, type ReactionReceipt } from './reaction.service';

/** Test-only builders for reactions. Not exported from index.ts. */

let texts = 0;

/** Fetches a form, waits the minimum fill time on the test clock and posts a reaction with a text no other test used. */
export const aReaction = async (deps: TestVoiceDeps, changeId: string, overrides: Partial<ReactionInput> = {}, client?: ClientHash): Promise<ReactionReceipt> => {
  texts += 1;
  const { token } = await getReactionForm(deps, changeId);
  deps.clock.advance(5_000);
  return postReaction(
    deps,
    changeId,
    { displayName: 'Fatima', role: 'inwoner', text: `Goed plan, maar denk aan de fietsers op de Markt (${texts}).`, token, ...overrides },
    client ?? (await aClient(deps)),
  );
};
