import { addContribution, createMeasure } from '../measures';
import { anchorGoal, createGoal, reviseGoal } from '../goals';
import { createChange, setChangePublished } from '../changes';
import { councilUrl, councilVote, recordCouncilDecision } from './council';
import { seedLibraryRegister } from './expectation-register';
import { addImpacts, addMilestones, measureSeries, moveTo, type SeedContext } from './seed-context';

const COALITION = { 'Lokaal Voorbeeldstad': 'for', VVD: 'for', D66: 'for', CDA: 'for' } as const;

/**
 * Two library branches close (budget cut, completed). Gap: after the council adopted the visitors
 * goal, its target was lowered without a new decision, so the goal is no longer anchored.
 */
export const seedLibraryBranches = async (ctx: SeedContext): Promise<void> => {
  const { deps, actor, cal } = ctx;
  const change = await createChange(deps, actor, ctx.organizationId, {
    slug: 'bibliotheek-noord-en-oost-dicht',
    title: 'Bibliotheek Noord en Oost gaan dicht',
    kind: 'budget_cut',
    themes: ['cultuur', 'geld'],
    summary: 'De gemeente moet geld besparen. Daarom zijn de bibliotheken in Noord en Oost gesloten. De bibliotheek in het centrum is langer open.',
    why: [
      'De gemeente krijgt minder geld van het Rijk. Daarom moest de raad kiezen waar we op besparen.',
      'De bibliotheken in Noord en Oost kregen weinig bezoekers. De gebouwen waren oud en duur.',
      'Met de sluiting bespaart de gemeente 420.000 euro per jaar. Dat geld blijft zo over voor zorg en jeugd.',
    ].join('\n\n'),
    what: [
      'De bibliotheken in Noord en Oost zijn dicht. De bibliotheek in het centrum is nu ook op zondag en op werkavonden open.',
      'In buurthuis De Schakel in Noord is een boekenpunt. Daar kunt u boeken lenen en terugbrengen.',
      'Kunt u niet meer naar de bibliotheek komen? Dan brengt een vrijwilliger de boeken bij u thuis.',
    ].join('\n\n'),
  });
  const decidedOn = cal.month(-32, 8);
  await addMilestones(ctx, change.id, [
    { date: decidedOn, title: 'Besluit van de gemeenteraad over de begroting' },
    { date: cal.month(-26, 1), title: 'Boekenpunt in buurthuis De Schakel open' },
    { date: cal.month(-24, 1), title: 'Bibliotheek Noord en Oost dicht' },
    { date: cal.month(-9, 15), title: 'Gebouw in Oost verkocht' },
  ]);
  await moveTo(ctx, change.id, 'proposed');

  await recordCouncilDecision(ctx, change.id, {
    kind: 'amendement',
    serial: '041-1',
    date: decidedOn,
    title: 'Amendement "Een boekenpunt in Noord"',
    summary: 'Ingediend door CDA en ChristenUnie. In Noord komt een boekenpunt in het buurthuis.',
    ...councilVote({ 'Lokaal Voorbeeldstad': 'for', 'GroenLinks-PvdA': 'for', CDA: 'for', SP: 'for', ChristenUnie: 'for', 'Partij voor de Dieren': 'for' }, { VVD: 1 }),
  });
  const budget = await recordCouncilDecision(ctx, change.id, {
    kind: 'raadsbesluit',
    serial: '041',
    date: decidedOn,
    title: 'Begroting: bibliotheek Noord en Oost sluiten',
    summary: 'De raad besluit de twee vestigingen te sluiten en 420.000 euro per jaar te besparen. De bibliotheek in het centrum moet meer bezoekers trekken.',
    ...councilVote(COALITION, { VVD: 1 }),
  });
  const atHome = await recordCouncilDecision(ctx, change.id, {
    kind: 'motie',
    serial: '041-2',
    date: decidedOn,
    title: 'Motie "Bibliotheek aan huis"',
    summary: 'Ingediend door CDA. Ouderen die niet meer naar de bibliotheek kunnen, krijgen boeken thuis.',
    followUps: [{ description: 'Bibliotheek aan huis starten voor 300 ouderen', dueDate: cal.month(-20, 1), status: 'fulfilled' }],
    ...councilVote({ ...COALITION, 'GroenLinks-PvdA': 'for', SP: 'for', ChristenUnie: 'for', 'Partij voor de Dieren': 'for' }, { VVD: 1 }),
  });
  await recordCouncilDecision(ctx, change.id, {
    kind: 'motie',
    serial: '041-3',
    date: decidedOn,
    title: 'Motie "Houd de bibliotheek in Noord open"',
    outcome: 'rejected',
    summary: 'Ingediend door SP en GroenLinks-PvdA. De raad wijst de motie af.',
    ...councilVote({ 'GroenLinks-PvdA': 'for', SP: 'for', ChristenUnie: 'for', 'Partij voor de Dieren': 'for' }, { VVD: 1 }),
  });

  const common = { baselineDate: cal.yearEnd(3), targetDate: cal.month(-1, 1), owner: 'Wethouder Cultuur', reportingInterval: 'yearly' as const };
  const savings = await createGoal(deps, actor, change.id, {
    ...common,
    statement: 'De gemeente bespaart 420.000 euro per jaar op de bibliotheek',
    level: 'output',
    indicator: 'Hoeveel lager de bijdrage aan de bibliotheek is dan in het jaar voor het besluit',
    unit: 'euro per jaar',
    baselineValue: 0,
    targetValue: 420_000,
    direction: 'increase',
    dataSource: 'Jaarrekening van de gemeente',
  });
  const visitors = await createGoal(deps, actor, change.id, {
    ...common,
    statement: 'Meer bezoekers in de bibliotheek in het centrum: van 180.000 naar 230.000 per jaar',
    level: 'outcome',
    indicator: 'Bezoekers per jaar, geteld bij de ingang van de bibliotheek in het centrum',
    unit: 'bezoekers per jaar',
    baselineValue: 180_000,
    targetValue: 230_000,
    direction: 'increase',
    dataSource: 'Jaarverslag van de bibliotheek',
  });
  const elderly = await createGoal(deps, actor, change.id, {
    ...common,
    statement: 'Bibliotheek aan huis voor 300 ouderen',
    level: 'output',
    indicator: 'Ouderen die minstens één keer per maand boeken thuis krijgen',
    unit: 'ouderen',
    baselineValue: 40,
    targetValue: 300,
    direction: 'increase',
    dataSource: 'Registratie van de bibliotheek',
  });
  await anchorGoal(deps, actor, { goalId: savings.id, decisionId: budget.id });
  await anchorGoal(deps, actor, { goalId: visitors.id, decisionId: budget.id });
  await anchorGoal(deps, actor, { goalId: elderly.id, decisionId: atHome.id });
  await moveTo(ctx, change.id, 'decided');
  await setChangePublished(deps, actor, change.id, true);
  await moveTo(ctx, change.id, 'in_progress');

  const years = [cal.yearEnd(3), cal.yearEnd(2), cal.yearEnd(1), cal.yearEnd(0)];
  const series = (values: number[]): [string, number][] => years.map((date, i) => [date, values[i]!]);
  await measureSeries(ctx, savings.id, 'Jaarrekening', series([0, 60_000, 390_000, 425_000]));
  await measureSeries(ctx, visitors.id, 'Jaarverslag bibliotheek', series([180_000, 183_000, 201_000, 212_000]));
  await measureSeries(ctx, elderly.id, 'Registratie bibliotheek', series([40, 95, 220, 285]));
  // The gap: the visitors target was lowered after adoption, without going back to the council.
  await reviseGoal(deps, actor, visitors.id, {
    statement: 'Meer bezoekers in de bibliotheek in het centrum: van 180.000 naar 210.000 per jaar',
    targetValue: 210_000,
  });

  const closing = await createMeasure(deps, actor, change.id, {
    title: 'Bibliotheek Noord en Oost sluiten en gebouw Oost verkopen',
    status: 'done',
    cost: 150_000,
    startDate: cal.month(-24, 1),
    endDate: cal.month(-9, 15),
  });
  await addContribution(deps, actor, closing.id, {
    goalId: savings.id,
    mechanism: 'Voor twee gebouwen betalen we geen huur, energie en personeel meer. Met het geld voor het gebouw in Oost betalen we de kosten van het sluiten.',
    expectedEffect: 420_000,
    evidenceStrength: 'measured',
    evidenceLinks: [councilUrl('stukken/jaarrekening')],
  });
  const hours = await createMeasure(deps, actor, change.id, {
    title: 'Bibliotheek in het centrum langer open',
    description: 'Ook op zondag en op werkavonden tot 21.00 uur.',
    status: 'done',
    cost: 90_000,
    startDate: cal.month(-24, 1),
  });
  await addContribution(deps, actor, hours.id, {
    goalId: visitors.id,
    mechanism: 'Wie overdag werkt of studeert, kan nu ook op zondag en op werkavonden komen.',
    assumptions: 'Bezoekers van Noord en Oost reizen naar het centrum.',
    expectedEffect: 30_000,
    evidenceStrength: 'plausible',
  });
  const delivery = await createMeasure(deps, actor, change.id, {
    title: 'Bibliotheek aan huis',
    description: 'Vrijwilligers brengen boeken bij ouderen thuis.',
    status: 'in_progress',
    cost: 25_000,
    startDate: cal.month(-26, 1),
  });
  await addContribution(deps, actor, delivery.id, {
    goalId: elderly.id,
    mechanism: 'Vrijwilligers brengen elke maand boeken bij ouderen die niet meer kunnen komen.',
    evidenceStrength: 'measured',
  });
  await moveTo(ctx, change.id, 'completed');

  await addImpacts(ctx, change.id, {
    noord: [
      'loses',
      'Uw bibliotheek in Noord is dicht. U kunt boeken lenen bij het boekenpunt in buurthuis De Schakel, of in het centrum.',
      'Het boekenpunt is open op dinsdag en donderdag van 10.00 tot 16.00 uur.',
    ],
    ouderen: [
      'mixed',
      'De bibliotheek is misschien verder weg. Kunt u niet meer komen? Dan brengt een vrijwilliger de boeken bij u thuis.',
      'Bel de bibliotheek. Binnen twee weken komt de eerste vrijwilliger bij u langs.',
    ],
    studenten: [
      'gains',
      'De bibliotheek in het centrum is langer open. U kunt er ook op zondag en op werkavonden studeren.',
      'De nieuwe tijden gelden al. Er zijn 60 extra studieplekken.',
    ],
    vrijwilligers: [
      'mixed',
      'Werkte u als vrijwilliger in Noord of Oost? Dan kunt u helpen bij het boekenpunt of bij Bibliotheek aan huis.',
      'De bibliotheek neemt contact met u op.',
    ],
  });
  await seedLibraryRegister(ctx, { changeId: change.id, budget: budget.id, elderlyGoal: elderly.id, decidedOn });
};
