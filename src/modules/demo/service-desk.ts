import { addContribution, createMeasure } from '../measures';
import { anchorGoal, createGoal } from '../goals';
import { createChange } from '../changes';
import { councilVote, recordCouncilDecision } from './council';
import { addImpacts, addMilestones, measureSeries, moveTo, type SeedContext } from './seed-context';

/**
 * A new service desk (reorganization, decided). Gaps: one goal is vague ("De dienstverlening
 * verbeteren": no indicator, baseline or target), and the change was decided but never published.
 */
export const seedServiceDesk = async (ctx: SeedContext): Promise<void> => {
  const { deps, actor, cal } = ctx;
  const change = await createChange(deps, actor, ctx.organizationId, {
    slug: 'nieuwe-balie-en-klantcontactcentrum',
    title: 'Nieuwe balie en één klantcontactcentrum',
    kind: 'reorganization',
    themes: ['dienstverlening'],
    summary: 'U belt nog maar één nummer, en aan de balie helpen we u op afspraak. Zo hoeft u minder lang te wachten.',
    why: [
      'Nu heeft elke afdeling een eigen telefoonnummer. Inwoners weten vaak niet wie ze moeten bellen. Dan gaan ze van de ene naar de andere medewerker.',
      'Aan de balie staat u soms meer dan dertig minuten in de rij. Medewerkers weten niet wie er komt en waarvoor.',
    ].join('\n\n'),
    what: [
      'Er komt één klantcontactcentrum. U belt één nummer, en daar helpen we u meteen of we bellen u terug.',
      'Aan de balie werken we op afspraak. Een afspraak maakt u via de website of de telefoon.',
      'Op dinsdagochtend kunt u zonder afspraak langskomen. Dan helpen medewerkers u ook met formulieren op de computer.',
    ].join('\n\n'),
  });
  const decidedOn = cal.month(-3, 14);
  await addMilestones(ctx, change.id, [
    { date: decidedOn, title: 'Besluit van het college' },
    { date: cal.month(-2, 20), title: 'De raad praat over de plannen' },
    { date: cal.month(2, 1), title: 'Medewerkers krijgen een training' },
    { date: cal.month(3, 1), title: 'Start klantcontactcentrum en balie op afspraak' },
  ]);
  await moveTo(ctx, change.id, 'proposed');

  const college = await recordCouncilDecision(ctx, change.id, {
    kind: 'collegebesluit',
    serial: '112',
    date: decidedOn,
    title: 'Nieuwe organisatie van de dienstverlening',
    summary: 'Het college richt één klantcontactcentrum in, en de balie gaat werken op afspraak.',
  });
  await recordCouncilDecision(ctx, change.id, {
    kind: 'motie',
    serial: '131',
    date: cal.month(-2, 20),
    title: 'Motie "De balie blijft open voor wie niet digitaal is"',
    summary: 'Ingediend door SP, CDA en ChristenUnie. Eén ochtend per week kunnen inwoners zonder afspraak komen.',
    followUps: [{ description: 'Inloopochtend regelen en de raad laten weten hoe het gaat', dueDate: cal.month(6, 1), status: 'open' }],
    ...councilVote(
      { 'Lokaal Voorbeeldstad': 'for', 'GroenLinks-PvdA': 'for', CDA: 'for', SP: 'for', ChristenUnie: 'for', 'Partij voor de Dieren': 'for' },
      { 'GroenLinks-PvdA': 1, D66: 1 },
    ),
  });

  const common = { owner: 'Gemeentesecretaris', reportingInterval: 'quarterly' as const };
  // The gap: a goal as a college often writes one first, with nothing to measure it by.
  const vague = await createGoal(deps, actor, change.id, {
    ...common,
    statement: 'De dienstverlening verbeteren',
    level: 'impact',
    unit: 'rapportcijfer',
    direction: 'increase',
  });
  const phone = await createGoal(deps, actor, change.id, {
    ...common,
    statement: '90 procent van de telefoontjes binnen één minuut opgenomen',
    level: 'output',
    indicator: 'Telefoontjes naar de gemeente die binnen 60 seconden zijn opgenomen, als deel van alle telefoontjes',
    unit: 'procent',
    baselineValue: 62,
    baselineDate: cal.quarterEnd(1),
    targetValue: 90,
    targetDate: cal.month(15, 1),
    direction: 'increase',
    dataSource: 'Telefooncentrale',
  });
  const waiting = await createGoal(deps, actor, change.id, {
    ...common,
    statement: 'Korter wachten aan de balie: van 25 naar 10 minuten',
    level: 'outcome',
    indicator: 'Gemiddelde tijd tussen binnenkomst en hulp aan de balie',
    unit: 'minuten',
    baselineValue: 25,
    baselineDate: cal.quarterEnd(1),
    targetValue: 10,
    targetDate: cal.month(15, 1),
    direction: 'decrease',
    dataSource: 'Wachtrijsysteem in het gemeentehuis',
  });
  for (const goal of [vague, phone, waiting]) await anchorGoal(deps, actor, { goalId: goal.id, decisionId: college.id });
  await moveTo(ctx, change.id, 'decided');
  // The other gap: decided, but not published on the portal (legitimacy rule 12).

  await measureSeries(ctx, phone.id, 'Telefooncentrale', [[cal.quarterEnd(1), 62], [cal.quarterEnd(0), 64]]);
  await measureSeries(ctx, waiting.id, 'Wachtrijsysteem', [[cal.quarterEnd(1), 25], [cal.quarterEnd(0), 27]]);

  const contactCentre = await createMeasure(deps, actor, change.id, {
    title: 'Eén klantcontactcentrum met één telefoonnummer',
    description: 'Twaalf medewerkers beantwoorden alle vragen. Zij kunnen in alle systemen kijken.',
    cost: 420_000,
    startDate: cal.month(3, 1),
  });
  await addContribution(deps, actor, contactCentre.id, {
    goalId: phone.id,
    mechanism: 'Alle telefoontjes komen op één plek binnen. Daar zijn genoeg mensen om snel op te nemen.',
    expectedEffect: 28,
    evidenceStrength: 'plausible',
  });
  const appointments = await createMeasure(deps, actor, change.id, {
    title: 'Balie op afspraak',
    cost: 35_000,
    startDate: cal.month(3, 1),
  });
  await addContribution(deps, actor, appointments.id, {
    goalId: waiting.id,
    mechanism: 'De medewerker weet vooraf wie er komt en waarvoor. Dan ligt alles klaar.',
    expectedEffect: -15,
    evidenceStrength: 'evaluated',
  });
  const walkIn = await createMeasure(deps, actor, change.id, {
    title: 'Inloopochtend zonder afspraak',
    description: 'Elke dinsdagochtend, met hulp bij formulieren op de computer.',
    cost: 40_000,
    startDate: cal.month(3, 1),
  });
  await addContribution(deps, actor, walkIn.id, {
    goalId: vague.id,
    mechanism: 'Wie niet digitaal is, kan toch zonder afspraak langskomen. Een medewerker helpt dan.',
    evidenceStrength: 'assumed',
  });

  await addImpacts(ctx, change.id, {
    digitaal: [
      'mixed',
      'Voor de balie maakt u een afspraak. Dat kan ook via de telefoon. Op dinsdagochtend kunt u zonder afspraak komen.',
      'Dit begint over ongeveer drie maanden. U krijgt een brief.',
    ],
    ouderen: [
      'mixed',
      'U belt één nummer. Daar helpt één medewerker u verder. Voor de balie maakt u een afspraak.',
      'Dit begint over ongeveer drie maanden.',
    ],
    ondernemers: [
      'gains',
      'Voor vergunningen maakt u een afspraak. U hoeft niet meer te wachten aan de balie.',
      'Dit begint over ongeveer drie maanden.',
    ],
  });
};
