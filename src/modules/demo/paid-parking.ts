import { addContribution, createMeasure } from '../measures';
import { anchorGoal, createGoal } from '../goals';
import { createChange, setChangePublished } from '../changes';
import { councilVote, recordCouncilDecision } from './council';
import { seedParkingRegister } from './expectation-register';
import { addImpacts, addMilestones, measureSeries, moveTo, type SeedContext } from './seed-context';

/**
 * Paid parking in the Parkwijk (regulation, in progress). Gaps: the new square serves no goal, the
 * group of informal carers was never told what it means for them, and parking pressure is behind.
 * Its register: the weighed conflicts and an alderman's unfounded promise, answered.
 */
export const seedPaidParking = async (ctx: SeedContext): Promise<void> => {
  const { deps, actor, cal } = ctx;
  const change = await createChange(deps, actor, ctx.organizationId, {
    slug: 'betaald-parkeren-parkwijk',
    title: 'Betaald parkeren in de Parkwijk',
    kind: 'regulation',
    themes: ['verkeer', 'parkeren', 'wonen'],
    summary: 'In de Parkwijk betaalt u voor parkeren, behalve met een vergunning. Zo vinden bewoners weer een plek bij hun huis.',
    why: [
      'In de Parkwijk staan bijna alle parkeerplekken vol. Veel auto’s zijn van mensen die in het centrum werken of winkelen. Zij parkeren in de Parkwijk, omdat het daar gratis is.',
      'Bewoners vinden daardoor vaak geen plek bij hun huis. Ook hulpdiensten en de vuilniswagen komen er soms niet door.',
    ].join('\n\n'),
    what: [
      'Parkeren in de Parkwijk kost geld: 2 euro per uur, van 9.00 tot 21.00 uur. Op zondag is parkeren gratis.',
      'Woont u in de Parkwijk? Dan kunt u een vergunning krijgen. De eerste vergunning kost 60 euro per jaar.',
      'Aan de rand van de stad komt meer plek op het P+R-terrein Stationsweg. Een pendelbus rijdt naar het centrum. Bij het station en in het centrum komen 400 extra plekken voor fietsen.',
    ].join('\n\n'),
  });
  const decidedOn = cal.month(-14, 10);
  await addMilestones(ctx, change.id, [
    { date: cal.month(-17, 5), title: 'Avond voor bewoners en ondernemers', description: 'Meer dan 200 mensen kwamen praten over de plannen.' },
    { date: decidedOn, title: 'Besluit van de gemeenteraad' },
    { date: cal.month(-9, 1), title: 'Bewoners kunnen een vergunning aanvragen' },
    { date: cal.month(-8, 1), title: 'Start betaald parkeren' },
    { date: cal.month(4, 1), title: 'Evaluatie met bewoners en ondernemers' },
  ]);
  await moveTo(ctx, change.id, 'proposed');

  const permit = await recordCouncilDecision(ctx, change.id, {
    kind: 'amendement',
    serial: '088-1',
    date: decidedOn,
    title: 'Amendement "Betaalbare vergunning voor bewoners"',
    summary: 'Ingediend door SP en CDA. De eerste vergunning voor bewoners kost niet meer dan 60 euro per jaar.',
    ...councilVote({ 'Lokaal Voorbeeldstad': 'for', 'GroenLinks-PvdA': 'for', CDA: 'for', SP: 'for', ChristenUnie: 'for', 'Partij voor de Dieren': 'for' }),
  });
  const regulation = await recordCouncilDecision(ctx, change.id, {
    kind: 'raadsbesluit',
    serial: '088',
    date: decidedOn,
    title: 'Wijziging van de Parkeerverordening: betaald parkeren in de Parkwijk',
    summary: 'De raad voert betaald parkeren in de Parkwijk in. Bewoners krijgen een vergunning. Er komen een groter P+R-terrein en meer fietsplekken.',
    ...councilVote({
      'Lokaal Voorbeeldstad': 'for',
      'GroenLinks-PvdA': 'for',
      D66: 'for',
      CDA: { for: 2, against: 2 },
      ChristenUnie: 'for',
      'Partij voor de Dieren': 'for',
    }),
  });
  await recordCouncilDecision(ctx, change.id, {
    kind: 'motie',
    serial: '088-2',
    date: decidedOn,
    title: 'Motie "Evalueer samen met bewoners en ondernemers"',
    summary: 'Ingediend door D66 en Lokaal Voorbeeldstad. Na een jaar bespreekt het college de gevolgen met bewoners en ondernemers.',
    followUps: [{ description: 'Evaluatie van betaald parkeren naar de raad sturen', dueDate: cal.month(5, 1), status: 'open' }],
    ...councilVote({ 'Lokaal Voorbeeldstad': 'for', 'GroenLinks-PvdA': 'for', VVD: 'for', D66: 'for', CDA: 'for', SP: 'for', ChristenUnie: 'for', 'Partij voor de Dieren': 'for' }),
  });
  await recordCouncilDecision(ctx, change.id, {
    kind: 'motie',
    serial: '088-3',
    date: decidedOn,
    title: 'Motie "Gratis parkeren op zaterdag"',
    outcome: 'rejected',
    summary: 'Ingediend door de VVD. De raad wijst de motie af: op zaterdag is de drukte het grootst.',
    ...councilVote({ VVD: 'for', CDA: 'for', SP: 'for' }),
  });

  const common = { baselineDate: cal.quarterEnd(5), targetDate: cal.month(10, 1), owner: 'Wethouder Verkeer', reportingInterval: 'quarterly' as const };
  const pressure = await createGoal(deps, actor, change.id, {
    ...common,
    statement: 'Bewoners vinden een plek: de parkeerdruk in de Parkwijk daalt van 97 naar 85 procent',
    level: 'outcome',
    indicator: 'Bezette parkeerplekken als deel van alle plekken, geteld op een dinsdagavond om 21.00 uur',
    unit: 'procent',
    baselineValue: 97,
    targetValue: 85,
    direction: 'decrease',
    dataSource: 'Parkeertelling door een extern bureau',
  });
  const parkAndRide = await createGoal(deps, actor, change.id, {
    ...common,
    statement: 'Meer auto’s op het P+R-terrein Stationsweg: van 150 naar 400 per werkdag',
    level: 'outcome',
    indicator: 'Gemiddeld aantal geparkeerde auto’s op een werkdag om 11.00 uur',
    unit: 'auto’s per werkdag',
    baselineValue: 150,
    targetValue: 400,
    direction: 'increase',
    dataSource: 'Slagboomtellingen P+R Stationsweg',
  });
  const bikes = await createGoal(deps, actor, change.id, {
    ...common,
    statement: '400 extra plekken voor fietsen bij het station en in het centrum',
    level: 'output',
    indicator: 'Nieuwe plekken in fietsenstallingen en fietsenrekken, opgeleverd',
    unit: 'fietsplekken',
    baselineValue: 0,
    targetValue: 400,
    direction: 'increase',
    dataSource: 'Oplevering door de afdeling Openbare Ruimte',
  });
  for (const goal of [pressure, parkAndRide, bikes]) await anchorGoal(deps, actor, { goalId: goal.id, decisionId: regulation.id });
  await moveTo(ctx, change.id, 'decided');
  await setChangePublished(deps, actor, change.id, true);
  await moveTo(ctx, change.id, 'in_progress');

  const quarters = cal.quarterEnds(5);
  const series = (values: number[]): [string, number][] => quarters.map((date, i) => [date, values[i]!]);
  await measureSeries(ctx, pressure.id, 'Parkeertelling', series([97, 97, 96, 94, 93, 93]));
  await measureSeries(ctx, parkAndRide.id, 'Slagboomtellingen', series([150, 150, 155, 240, 280, 300]));
  await measureSeries(ctx, bikes.id, 'Openbare Ruimte', series([0, 0, 0, 120, 250, 310]));

  const paid = await createMeasure(deps, actor, change.id, {
    title: 'Parkeerautomaten, parkeerapp en vergunningen voor bewoners',
    status: 'done',
    cost: 240_000,
    startDate: cal.month(-9, 1),
    endDate: cal.month(-8, 1),
  });
  await addContribution(deps, actor, paid.id, {
    goalId: pressure.id,
    mechanism: 'Wie niet in de Parkwijk woont, betaalt. Dan parkeren minder bezoekers en werknemers in de wijk.',
    assumptions: 'Er is genoeg plek in de parkeergarages en op het P+R-terrein.',
    expectedEffect: -10,
    evidenceStrength: 'evaluated',
  });
  const shuttle = await createMeasure(deps, actor, change.id, {
    title: 'Groter P+R-terrein Stationsweg met pendelbus',
    description: '250 extra plekken. De pendelbus rijdt elke tien minuten naar het centrum.',
    status: 'in_progress',
    cost: 1_100_000,
    startDate: cal.month(-10, 1),
  });
  await addContribution(deps, actor, shuttle.id, {
    goalId: parkAndRide.id,
    mechanism: 'Parkeren op het P+R-terrein is gratis. De bus brengt u snel naar het centrum.',
    expectedEffect: 250,
    evidenceStrength: 'plausible',
  });
  await addContribution(deps, actor, shuttle.id, {
    goalId: pressure.id,
    mechanism: 'Wie in de stad werkt, heeft een goede plek buiten de wijk. Dan zoekt hij geen plek in de Parkwijk.',
    evidenceStrength: 'assumed',
  });
  const racks = await createMeasure(deps, actor, change.id, {
    title: 'Fietsenstallingen bij het station en in het centrum',
    status: 'in_progress',
    cost: 380_000,
    startDate: cal.month(-7, 1),
  });
  await addContribution(deps, actor, racks.id, { goalId: bikes.id, mechanism: 'De gemeente bouwt de nieuwe plekken zelf.', evidenceStrength: 'measured' });
  // The gap: a measure the council paid for with this change, that serves none of its goals.
  await createMeasure(deps, actor, change.id, {
    title: 'Parkplein opnieuw inrichten',
    description: 'Nieuwe bomen, bankjes en bestrating op het Parkplein, betaald uit de parkeeropbrengst.',
    status: 'planned',
    cost: 650_000,
    startDate: cal.month(6, 1),
  });

  await addImpacts(ctx, change.id, {
    parkwijk: [
      'gains',
      'U vindt makkelijker een plek bij uw huis. Met een vergunning parkeert u in de wijk zonder te betalen. De eerste vergunning kost 60 euro per jaar.',
      'Vraag uw vergunning aan via de website. U krijgt hem binnen vijf werkdagen.',
    ],
    automobilisten: [
      'loses',
      'Parkeert u in de Parkwijk? Dan betaalt u 2 euro per uur. Op het P+R-terrein Stationsweg parkeert u gratis. De pendelbus brengt u naar het centrum.',
      'Dit geldt al. De bus rijdt op werkdagen van 7.00 tot 20.00 uur.',
    ],
    ondernemers: [
      'mixed',
      'Klanten betalen voor parkeren. Maar er zijn ook meer plekken vrij voor klanten die kort komen.',
      'Na een jaar bespreekt de gemeente de gevolgen met u.',
    ],
    mantelzorgers: ['loses', '', ''],
  });
  await seedParkingRegister(ctx, { changeId: change.id, regulation: regulation.id, permitAmendment: permit.id, pressureGoal: pressure.id });
};
