import { addContribution, createMeasure } from '../measures';
import { anchorGoal, createGoal } from '../goals';
import { createChange, setChangePublished } from '../changes';
import { councilUrl, councilVote, recordCouncilDecision } from './council';
import { seedWasteRegister } from './expectation-register';
import { addImpacts, addMilestones, measureSeries, moveTo, type SeedContext } from './seed-context';

/**
 * Restafval once every two weeks (service change, in progress). The demo's complete change: every
 * rule of the legitimacy check that can pass today passes, and no group gains at another's cost.
 */
export const seedWasteCollection = async (ctx: SeedContext): Promise<void> => {
  const { deps, actor, cal } = ctx;
  const change = await createChange(deps, actor, ctx.organizationId, {
    slug: 'restafval-om-de-twee-weken',
    title: 'Restafval om de twee weken',
    kind: 'service_change',
    themes: ['afval', 'duurzaamheid', 'geld'],
    summary: 'We legen de grijze container met restafval om de twee weken. Gft-afval halen we elke week op.',
    why: [
      'Elke inwoner gooit nu bijna 200 kilo restafval per jaar weg. Veel daarvan kunnen we opnieuw gebruiken. Denk aan groente, plastic en papier.',
      'Restafval verbranden is duur. De prijs stijgt elk jaar, omdat het Rijk er meer belasting voor vraagt. Dat betaalt u via de afvalstoffenheffing.',
      'Als we minder restafval hebben, blijft de heffing lager. En het is beter voor het milieu.',
    ].join('\n\n'),
    what: [
      'We legen de grijze container om de twee weken, niet meer elke week.',
      'De groene container voor gft-afval legen we juist elke week.',
      'Heeft u luiers of incontinentiemateriaal? Dan krijgt u gratis een extra container. Die legen we elke week.',
      'In elke wijk helpt een afvalcoach u met vragen over afval scheiden.',
    ].join('\n\n'),
  });
  await addMilestones(ctx, change.id, [
    { date: cal.month(-26, 1), title: 'Proef in de wijk Zuid', description: 'Een half jaar lang om de twee weken restafval ophalen in Zuid.' },
    { date: cal.month(-20, 12), title: 'Besluit van de gemeenteraad' },
    { date: cal.month(-15, 1), title: 'Start: restafval om de twee weken' },
    { date: cal.month(-3, 15), title: 'Evaluatie na één jaar', description: 'De raad kreeg een rapport over de eerste resultaten.' },
    { date: cal.month(14, 1), title: 'Eindevaluatie en nieuw besluit' },
  ]);
  await moveTo(ctx, change.id, 'proposed');

  const decidedOn = cal.month(-20, 12);
  await recordCouncilDecision(ctx, change.id, {
    kind: 'amendement',
    serial: '017-1',
    title: 'Amendement "Gratis container voor luiers en incontinentiemateriaal"',
    date: decidedOn,
    summary: 'Ingediend door ChristenUnie en SP. Gezinnen met baby’s en ouderen met luiers krijgen gratis een extra container.',
    ...councilVote({ 'Lokaal Voorbeeldstad': 'for', 'GroenLinks-PvdA': 'for', CDA: 'for', SP: 'for', ChristenUnie: 'for', 'Partij voor de Dieren': 'for' }, { VVD: 1 }),
  });
  const adopted = await recordCouncilDecision(ctx, change.id, {
    kind: 'raadsbesluit',
    serial: '017',
    title: 'Afvalplan "Minder restafval"',
    date: decidedOn,
    summary: 'De raad stelt het afvalplan vast. Het plan heeft drie doelen. Minder restafval, meer afval scheiden en minder afval naast de container.',
    ...councilVote(
      { 'Lokaal Voorbeeldstad': 'for', 'GroenLinks-PvdA': 'for', VVD: 'for', D66: 'for', CDA: 'for', ChristenUnie: 'for', 'Partij voor de Dieren': 'for' },
      { VVD: 1 },
    ),
  });
  await recordCouncilDecision(ctx, change.id, {
    kind: 'motie',
    serial: '017-2',
    title: 'Motie "Eerst evalueren, dan verder"',
    date: decidedOn,
    summary: 'Ingediend door Lokaal Voorbeeldstad. Het college laat na één jaar zien wat de verandering heeft opgeleverd.',
    followUps: [{ description: 'Evaluatie na één jaar naar de raad sturen', dueDate: cal.month(-3, 28), status: 'fulfilled' }],
    ...councilVote({ 'Lokaal Voorbeeldstad': 'for', 'GroenLinks-PvdA': 'for', VVD: 'for', D66: 'for', CDA: 'for', SP: 'for', ChristenUnie: 'for' }, { VVD: 1 }),
  });

  const baselineDate = cal.quarterEnd(7);
  const common = { baselineDate, targetDate: cal.month(14, 1), owner: 'Wethouder Duurzaamheid', reportingInterval: 'quarterly' as const };
  const residual = await createGoal(deps, actor, change.id, {
    ...common,
    statement: 'Minder restafval: van 196 naar 125 kilo per inwoner per jaar',
    level: 'outcome',
    indicator: 'Kilo restafval uit huishoudens, gedeeld door het aantal inwoners, over de laatste twaalf maanden',
    unit: 'kilo per inwoner per jaar',
    baselineValue: 196,
    targetValue: 125,
    direction: 'decrease',
    dataSource: 'Weegbonnen van de afvalverwerker',
  });
  const separated = await createGoal(deps, actor, change.id, {
    ...common,
    statement: 'Meer afval gescheiden: van 57 naar 70 procent',
    level: 'outcome',
    indicator: 'Gescheiden ingezameld huishoudelijk afval als deel van al het huishoudelijk afval, over de laatste twaalf maanden',
    unit: 'procent',
    baselineValue: 57,
    targetValue: 70,
    direction: 'increase',
    dataSource: 'Afvalmonitor van de gemeente',
  });
  const dumped = await createGoal(deps, actor, change.id, {
    ...common,
    statement: 'Minder afval naast de container: van 420 naar 300 meldingen per kwartaal',
    level: 'output',
    indicator: 'Meldingen van afval naast een container of afvalbak, per kwartaal',
    unit: 'meldingen per kwartaal',
    baselineValue: 420,
    targetValue: 300,
    direction: 'decrease',
    dataSource: 'Meldingen openbare ruimte',
  });
  for (const goal of [residual, separated, dumped]) await anchorGoal(deps, actor, { goalId: goal.id, decisionId: adopted.id });
  await moveTo(ctx, change.id, 'decided');
  await setChangePublished(deps, actor, change.id, true);
  await moveTo(ctx, change.id, 'in_progress');

  const quarters = cal.quarterEnds(7);
  const series = (values: number[]): [string, number][] => quarters.map((date, i) => [date, values[i]!]);
  await measureSeries(ctx, residual.id, 'Weegbonnen afvalverwerker', series([196, 195, 191, 182, 169, 160, 152, 147]));
  await measureSeries(ctx, separated.id, 'Afvalmonitor', series([57, 57, 58, 61, 64, 65, 66, 67]));
  await measureSeries(ctx, dumped.id, 'Meldingen openbare ruimte', series([420, 415, 480, 455, 400, 370, 350, 335]));

  await seedWasteMeasures(ctx, change.id, { residual: residual.id, separated: separated.id, dumped: dumped.id });
  await addImpacts(ctx, change.id, {
    gezinnen: [
      'mixed',
      'We legen uw grijze container minder vaak. Heeft u luiers? Dan krijgt u gratis een extra container. Die legen we elke week.',
      'De extra container kunt u nu aanvragen. U krijgt hem binnen twee weken.',
    ],
    ouderen: [
      'mixed',
      'Gebruikt u incontinentiemateriaal? Dan krijgt u gratis een extra container. Is de container te zwaar? Dan komt er iemand van de gemeente om u te helpen.',
      'Bel de afvalcoach of vraag de container aan via de website. Dat kan nu al.',
    ],
    huurders: [
      'neutral',
      'Woont u in een flat met een container onder de grond? Dan verandert er voor u bijna niets.',
      'U kunt uw restafval net als nu elke dag wegbrengen.',
    ],
  });
  await seedWasteRegister(ctx, { changeId: change.id, dumpedGoal: dumped.id });
};

const seedWasteMeasures = async (ctx: SeedContext, changeId: string, goals: { residual: string; separated: string; dumped: string }) => {
  const { deps, actor, cal } = ctx;
  const evidence = [councilUrl('stukken/evaluatie-proef-afval-zuid')];
  const biweekly = await createMeasure(deps, actor, changeId, {
    title: 'Grijze container om de twee weken legen',
    description: 'De vuilniswagen komt voor restafval nog maar eens per twee weken.',
    status: 'done',
    cost: 0,
    startDate: cal.month(-15, 1),
    endDate: cal.month(-15, 1),
  });
  await addContribution(deps, actor, biweekly.id, {
    goalId: goals.residual,
    mechanism: 'Met minder ruimte in de grijze container gaan mensen beter scheiden. Zo komt er minder restafval.',
    assumptions: 'Inwoners hebben genoeg ruimte voor gft, papier en plastic.',
    expectedEffect: -50,
    evidenceStrength: 'evaluated',
    evidenceLinks: evidence,
  });
  const weeklyGft = await createMeasure(deps, actor, changeId, {
    title: 'Groene container elke week legen',
    description: 'Gft-afval gaat niet stinken, omdat we het elke week ophalen.',
    status: 'in_progress',
    cost: 180_000,
    startDate: cal.month(-15, 1),
  });
  await addContribution(deps, actor, weeklyGft.id, {
    goalId: goals.separated,
    mechanism: 'Als gft elke week weggaat, gaat het niet ruiken. Dan doen mensen groente en fruit eerder in de groene container.',
    assumptions: 'Geur is de belangrijkste reden om gft bij het restafval te doen.',
    expectedEffect: 8,
    evidenceStrength: 'plausible',
    evidenceLinks: evidence,
  });
  const diapers = await createMeasure(deps, actor, changeId, {
    title: 'Gratis container voor luiers en incontinentiemateriaal',
    description: 'Op aanvraag, en elke week geleegd. Dit kwam uit het amendement van ChristenUnie en SP.',
    status: 'in_progress',
    cost: 95_000,
    startDate: cal.month(-15, 1),
  });
  await addContribution(deps, actor, diapers.id, {
    goalId: goals.dumped,
    mechanism: 'Wie luiers heeft, hoeft ze niet twee weken te bewaren. Dan zet niemand ze naast de container.',
    expectedEffect: -60,
    evidenceStrength: 'plausible',
  });
  const coaches = await createMeasure(deps, actor, changeId, {
    title: 'Afvalcoaches in de wijk',
    description: 'Drie afvalcoaches geven uitleg aan huis, op school en in het buurthuis.',
    status: 'in_progress',
    cost: 150_000,
    startDate: cal.month(-16, 1),
  });
  for (const [goalId, mechanism] of [
    [goals.separated, 'Uitleg aan huis helpt mensen om afval goed te scheiden.'],
    [goals.dumped, 'Zet iemand afval naast de container? Dan spreekt de coach hem aan en legt uit hoe het wel moet.'],
  ] as const) {
    await addContribution(deps, actor, coaches.id, { goalId, mechanism, evidenceStrength: 'assumed' });
  }
};
