import { addContribution, createMeasure } from '../measures';
import { createGoal } from '../goals';
import { createChange, setChangePublished } from '../changes';
import { recordCouncilDecision } from './council';
import { seedPlaygroundsRegister } from './expectation-register';
import { addImpacts, addMilestones, moveTo, type SeedContext } from './seed-context';

/**
 * More green and playgrounds in Noord (infrastructure, proposed). The council has not voted yet:
 * the proposal is a pending decision, so its goals cannot be anchored — honest for a proposal. It
 * is published anyway, so residents can react before the vote. Second gap: the newspaper wrote
 * that the playgrounds will come for sure, and nobody has answered that yet (rule 11).
 */
export const seedPlaygrounds = async (ctx: SeedContext): Promise<void> => {
  const { deps, actor, cal } = ctx;
  const change = await createChange(deps, actor, ctx.organizationId, {
    slug: 'groen-en-spelen-in-noord',
    title: 'Meer groen en speelplekken in Noord',
    kind: 'infrastructure',
    themes: ['groen', 'jeugd', 'wijken'],
    summary: 'In Noord komen zes nieuwe speelplekken en meer groen. De gemeenteraad beslist binnenkort over het plan.',
    why: [
      'In Noord wonen veel gezinnen met kinderen. Maar er zijn weinig plekken om buiten te spelen.',
      'Noord heeft ook veel tegels en weinig bomen. In de zomer wordt het daar erg warm. Als het hard regent, lopen straten onder water.',
    ].join('\n\n'),
    what: [
      'We maken zes nieuwe speelplekken. Bewoners en kinderen mogen meedenken over wat er komt.',
      'We halen 12.000 vierkante meter tegels weg. Daar komen gras, struiken en 150 bomen.',
      'Het plan kost 2,4 miljoen euro. De gemeenteraad beslist of het doorgaat.',
    ].join('\n\n'),
  });
  await addMilestones(ctx, change.id, [
    { date: cal.month(-4, 10), title: 'Kinderen tekenen hun speelplek', description: 'Op vier scholen in Noord maakten kinderen tekeningen.' },
    { date: cal.month(-1, 20), title: 'Plan naar de gemeenteraad' },
    { date: cal.month(1, 15), title: 'De gemeenteraad beslist' },
    { date: cal.month(8, 1), title: 'Eerste speelplekken klaar' },
  ]);
  await moveTo(ctx, change.id, 'proposed');
  await recordCouncilDecision(ctx, change.id, {
    kind: 'raadsbesluit',
    serial: '140',
    date: cal.month(1, 15),
    title: 'Uitvoeringsplan "Groen en spelen in Noord"',
    outcome: 'pending',
    summary: 'Voorstel van het college. De raad stemt in de volgende vergadering.',
  });

  const common = { owner: 'Wethouder Openbare Ruimte', reportingInterval: 'yearly' as const, baselineDate: cal.yearEnd(0), targetDate: cal.month(30, 1) };
  const play = await createGoal(deps, actor, change.id, {
    ...common,
    statement: 'Bijna elk kind in Noord heeft een speelplek dichtbij: van 64 naar 95 procent',
    level: 'outcome',
    indicator: 'Kinderen tot en met 12 jaar in Noord met een speelplek binnen 300 meter van hun huis, als deel van alle kinderen in Noord',
    unit: 'procent',
    baselineValue: 64,
    targetValue: 95,
    direction: 'increase',
    dataSource: 'Kaart met speelplekken en de basisregistratie personen',
  });
  const green = await createGoal(deps, actor, change.id, {
    ...common,
    statement: '12.000 vierkante meter tegels vervangen door groen',
    level: 'output',
    indicator: 'Vierkante meters verharding die zijn vervangen door gras, struiken of bomen',
    unit: 'vierkante meter',
    baselineValue: 0,
    targetValue: 12_000,
    direction: 'increase',
    dataSource: 'Beheersysteem openbare ruimte',
  });

  const playgrounds = await createMeasure(deps, actor, change.id, {
    title: 'Zes nieuwe speelplekken',
    cost: 900_000,
    startDate: cal.month(3, 1),
    endDate: cal.month(24, 1),
  });
  await addContribution(deps, actor, playgrounds.id, {
    goalId: play.id,
    mechanism: 'De plekken komen in de straten waar kinderen nu ver moeten lopen om te kunnen spelen.',
    expectedEffect: 31,
    evidenceStrength: 'plausible',
  });
  const trees = await createMeasure(deps, actor, change.id, {
    title: 'Tegels eruit, groen erin',
    description: 'Gras, struiken en 150 bomen op pleinen en langs straten.',
    cost: 1_500_000,
    startDate: cal.month(4, 1),
    endDate: cal.month(30, 1),
  });
  await addContribution(deps, actor, trees.id, {
    goalId: green.id,
    mechanism: 'De gemeente haalt de tegels zelf weg en legt het groen aan.',
    expectedEffect: 12_000,
    evidenceStrength: 'measured',
  });
  await setChangePublished(deps, actor, change.id, true);

  await addImpacts(ctx, change.id, {
    gezinnen: [
      'gains',
      'Uw kinderen krijgen meer plekken om dichtbij huis te spelen. U kunt meedenken over wat er komt.',
      'Als de raad ja zegt, zijn de eerste speelplekken over ongeveer acht maanden klaar.',
    ],
    noord: [
      'mixed',
      'Uw wijk wordt groener en koeler. Bij veel regen loopt het water beter weg. Op een paar pleinen verdwijnen ongeveer 40 parkeerplekken.',
      'Het werk duurt ongeveer twee jaar. U krijgt vooraf een brief als we in uw straat gaan werken.',
    ],
  });
  await seedPlaygroundsRegister(ctx, { changeId: change.id });
};
