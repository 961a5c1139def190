import { randomBytes } from 'node:crypto';
import { systemActor } from '../../core';
import type { Deps } from '../../storage';
import { selectChangesOf } from '../changes';
import { getPerception, getPoll, hashClientAddress, NO_GROUP, submitPollAnswers, type VoiceDeps } from '../polls';
import { getReactionForm, moderateReaction, postOfficialAnswer, postReaction } from '../reactions';

/**
 * Poll answers and reactions for the demo municipality, so the portal's "Wat vinden inwoners
 * ervan?" and "Reacties" show something real: every published change gets answers from its groups
 * (two large enough to show apart, one too small, which the portal merges into "overig"), and two
 * changes get reactions — a thread with a reply and an official answer, a reaction with a link, and
 * one still waiting for the moderator.
 *
 * Everything goes through the services, as a citizen would: a form token per respondent and a
 * made-up address per respondent (from the documentation range 192.0.2.0/24 of RFC 5737, hashed
 * like any other). The tokens are signed with a random secret that lives only during the seed:
 * they are issued and used here, nowhere else. Poll answers and reactions are written by
 * `system:citizen` (public audit events); moderation and the official answer by `system:seed`.
 *
 * Idempotent per change: a change that already has poll answers is left alone. Call it after
 * `seedDemo`, outside its transaction (it commits per answer, as citizens do).
 */
export const seedDemoCitizenVoice = async (deps: Deps, organizationId: string): Promise<{ answers: number; reactions: number }> => {
  const voice: VoiceDeps = {
    ...deps,
    secret: randomBytes(32).toString('base64url'),
    voice: { pollMinFillMs: 0, reactionMinFillMs: 0 },
  };
  const seed = systemActor('seed');
  let address = 0;
  const client = () => hashClientAddress(voice, `192.0.2.${address % 250}-${Math.floor(address++ / 250)}`);
  let answers = 0;
  const fresh = new Set<string>();
  let reactions = 0;

  const changes = (await selectChangesOf(deps.db, organizationId)).filter((c) => c.publishedAt !== null);
  for (const change of changes) {
    if ((await getPerception(deps, change.id)).respondents > 0) continue;
    const poll = await getPoll(voice, change.id);
    const groups = (poll.questions.find((q) => q.id === 'q5')?.options ?? []).map((o) => o.value).filter((v) => v !== NO_GROUP);
    const withExperience = poll.questions.some((q) => q.id === 'q4');
    // Two groups large enough to show apart, a third too small (merged into "overig"), people who
    // fit none of the groups, and a few who skip the optional question.
    const plan: { q5: string | undefined; count: number }[] = [
      ...groups.slice(0, 3).map((q5, i) => ({ q5, count: [14, 11, 4][i]! })),
      { q5: NO_GROUP, count: 7 },
      { q5: undefined, count: 3 },
    ];
    fresh.add(change.id);
    for (const { q5, count } of plan) {
      for (let i = 0; i < count; i++) {
        const { token } = await getPoll(voice, change.id);
        // A spread that reads like a real neighbourhood: most understand why, fewer know what,
        // the first group expects the worst and finds it less bad than feared.
        const expectation = q5 === groups[0] ? 2 + (i % 2) : 3 + (i % 3 === 0 ? 1 : 0);
        await submitPollAnswers(
          voice,
          change.id,
          {
            token,
            q1: i % 4 === 3 ? 'deels' : i % 7 === 6 ? 'nee' : 'ja',
            q2: i % 3 === 2 ? 'deels' : i % 5 === 4 ? 'nee' : 'ja',
            q3: expectation,
            q4: withExperience ? Math.max(1, Math.min(5, expectation + ((i % 3) - (q5 === groups[0] ? 0 : 1)))) : undefined,
            q5,
          },
          await client(),
        );
        answers++;
      }
    }
  }

  const react = async (changeId: string, displayName: string, role: 'inwoner' | 'ondernemer' | 'anders', text: string, parentId?: string) => {
    const { token } = await getReactionForm(voice, changeId);
    const receipt = await postReaction(voice, changeId, { token, displayName, role, text, parentId }, await client());
    reactions++;
    return receipt.id;
  };
  const [first, second] = changes;
  if (first && fresh.has(first.id)) {
    const question = await react(first.id, 'Anouk', 'inwoner', 'Ik snap waarom dit moet, maar wat gebeurt er met mensen die het niet op tijd weten? Mijn buurvrouw heeft geen internet.');
    await moderateReaction(deps, seed, question, { decision: 'publish' });
    const reply = await react(first.id, 'Henk', 'inwoner', 'Dat vroeg ik me ook af. Komt er ook een brief?', question);
    await moderateReaction(deps, seed, reply, { decision: 'publish' });
    await postOfficialAnswer(deps, seed, first.id, {
      parentId: question,
      displayName: 'Gemeente Voorbeeldstad',
      text: 'Goede vraag. Iedereen krijgt een brief thuis, ook wie geen internet heeft. U kunt ons ook bellen op 14 0123.',
    });
    const link = await react(first.id, 'Ondernemersvereniging Centrum', 'ondernemer', 'Wij hebben de gevolgen voor winkels op een rij gezet: https://www.example.org/centrum-onderzoek');
    await moderateReaction(deps, seed, link, { decision: 'publish' });
    await react(first.id, 'Sandra', 'inwoner', 'Waarom is hier niet eerst met de buurt over gepraat? Ik lees er pas nu over.');
  }
  if (second && reactions > 0) {
    const praise = await react(second.id, 'Mo', 'anders', 'Fijn dat de plannen hier zo duidelijk staan, met de besluiten erbij.');
    await moderateReaction(deps, seed, praise, { decision: 'publish' });
  }
  return { answers, reactions };
};
