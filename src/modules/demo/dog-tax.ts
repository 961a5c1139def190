import { recordDecision } from '../decisions';
import { createChange } from '../changes';
import { councilUrl } from './council';
import { addImpacts, type SeedContext } from './seed-context';

/**
 * Abolish the dog tax (policy, draft): a promise from the coalition agreement, still being worked
 * out. A draft naturally has gaps — no goals, no measures, not published — and the check shows them.
 */
export const seedDogTax = async (ctx: SeedContext): Promise<void> => {
  const { deps, actor, cal } = ctx;
  const change = await createChange(deps, actor, ctx.organizationId, {
    slug: 'hondenbelasting-afschaffen',
    title: 'Hondenbelasting afschaffen',
    kind: 'policy',
    themes: ['geld', 'belastingen'],
    summary: 'De gemeente wil de hondenbelasting afschaffen. Het plan is nog niet klaar.',
    why: [
      'Het geld van de hondenbelasting gaat naar de gemeentekas. Het gaat niet naar hondenveldjes of poepzakjes.',
      'De partijen in het college hebben afgesproken dat deze belasting verdwijnt.',
    ].join('\n\n'),
    what: [
      'Heeft u een hond? Dan betaalt u nu 118 euro per jaar voor de eerste hond. Dat hoeft straks niet meer.',
      'De gemeente krijgt dan 800.000 euro per jaar minder. We zoeken nog uit hoe we dat betalen.',
    ].join('\n\n'),
  });
  const signedOn = cal.month(-30, 20);
  await recordDecision(deps, actor, ctx.organizationId, {
    changeId: change.id,
    kind: 'coalitieakkoord',
    title: 'Coalitieakkoord "Samen verder in Voorbeeldstad"',
    body: 'Lokaal Voorbeeldstad, VVD, D66 en CDA',
    date: signedOn,
    reference: `CA-${cal.yearOf(signedOn)}`,
    sourceUrl: councilUrl(`stukken/coalitieakkoord-${cal.yearOf(signedOn)}`),
    outcome: 'adopted',
    summary: 'De vier partijen van het college spreken af dat de hondenbelasting verdwijnt. Dat gebeurt binnen vier jaar.',
  });
  await addImpacts(ctx, change.id, {
    hondenbezitters: [
      'gains',
      'U betaalt geen hondenbelasting meer. Dat scheelt 118 euro per jaar voor de eerste hond.',
      'Het plan is nog niet klaar. De gemeenteraad beslist er later over.',
    ],
  });
};
