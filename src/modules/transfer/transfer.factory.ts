import type { Actor, fixedClock } from '../../core';
import type { Deps } from '../../storage';
import { createOrganization, type Organization } from '../organizations';
import { addMilestone, createChange, setChangePublished, setChangeStatus, updateMilestone } from '../changes';
import { createGroup, setImpact } from '../groups';
import { recordDecision, type Decision } from '../decisions';
import { anchorGoal, createGoal, recordMeasurement, reviseGoal, type Goal } from '../goals';
import { addContribution, createMeasure } from '../measures';
import { recordConflict, recordExpectation, recordStatement } from '../expectations';

/**
 * Test-only builder (not exported from index.ts): an organization that uses every part of the
 * document, built through the services so it obeys every rule a user's data does. Numbers that
 * are hard to round-trip (0.1, 1e-7, the largest double) sit in goals, measurements and measures.
 * The expectation register has every status, links in a non-sorted order, a rejected decision
 * that contradicts, empty optional fields, and an open (unweighed) conflict.
 */
export interface TransferFixture {
  organization: Organization;
  goals: { fineDust: Goal; visitors: Goal; bikes: Goal };
  decisions: { adopted: Decision; correction: Decision; motie: Decision; rejected: Decision };
}

type TestDeps = Deps & { clock: ReturnType<typeof fixedClock> };

export const buildTransferFixture = async (deps: TestDeps, actor: Actor, slug = 'gemeente-testdorp'): Promise<TransferFixture> => {
  const step = () => deps.clock.advance(60_000);
  const organization = await createOrganization(deps, actor, {
    slug,
    name: 'Gemeente Testdorp',
    kind: 'gemeente',
    description: 'Een gemeente om mee te testen.',
    website: 'https://testdorp.example.nl',
  });
  const residents = await createGroup(deps, actor, organization.id, { name: 'Bewoners Oost', description: 'Wie in Oost woont.', estimatedSize: 12_500 });
  step();
  const shops = await createGroup(deps, actor, organization.id, { name: 'Ondernemers centrum' });
  const traffic = await createChange(deps, actor, organization.id, {
    title: 'Minder verkeer in de binnenstad',
    kind: 'infrastructure',
    status: 'proposed',
    summary: 'Auto’s rijden straks om de binnenstad heen.',
    why: 'De lucht in de binnenstad is ongezond.',
    what: 'We sluiten twee straten voor doorgaand verkeer.',
    themes: ['verkeer', 'lucht'],
  });
  step();
  const bikes = await createChange(deps, actor, organization.id, { title: 'Nieuwe fietsenstalling', kind: 'service_change' });
  await setChangePublished(deps, actor, traffic.id, true);
  const council = await addMilestone(deps, actor, traffic.id, { title: 'Raadsbesluit', date: '2026-02-01' });
  await addMilestone(deps, actor, traffic.id, { title: 'Start werkzaamheden', description: 'Eerst de Oosterstraat.', date: '2026-09-01' });
  await updateMilestone(deps, actor, council.id, { done: true });

  const fineDustV1 = await createGoal(deps, actor, traffic.id, {
    statement: 'Minder fijnstof in de binnenstad',
    level: 'impact',
    indicator: 'Jaargemiddelde PM2,5 op het meetpunt Markt',
    unit: 'mg/m3',
    baselineValue: 0.1,
    baselineDate: '2024-01-01',
    targetValue: 1e-7,
    targetDate: '2030-01-01',
    direction: 'decrease',
    owner: 'Team Lucht',
    dataSource: 'RIVM Luchtmeetnet',
    reportingInterval: 'quarterly',
  });
  step();
  const visitors = await createGoal(deps, actor, traffic.id, {
    statement: 'Meer bezoekers in het centrum',
    unit: 'bezoekers',
    baselineValue: 123_456_789.125,
    baselineDate: '2025-01-01',
    targetValue: 9_007_199_254_740_991,
    targetDate: '2028-01-01',
    direction: 'increase',
  });
  const adopted = await recordDecision(deps, actor, organization.id, {
    changeId: traffic.id,
    kind: 'raadsbesluit',
    title: 'Besluit autoluwe binnenstad',
    body: 'gemeenteraad',
    date: '2026-02-01',
    reference: '2026-014',
    sourceUrl: 'https://testdorp.example.nl/raad/2026-014',
    outcome: 'adopted',
    votes: { for: 20, against: 15, abstain: 2 },
    partyVotes: [
      { party: 'Partij A', for: 12, against: 0, abstain: 0 },
      { party: 'Partij B', for: 8, against: 3, abstain: 2 },
      { party: 'Partij C', for: 0, against: 12, abstain: 0 },
    ],
    summary: 'De raad stemt in met een autoluwe binnenstad.',
  });
  await anchorGoal(deps, actor, { goalId: fineDustV1.id, decisionId: adopted.id });
  await anchorGoal(deps, actor, { goalId: visitors.id, decisionId: adopted.id });
  step();
  await reviseGoal(deps, actor, fineDustV1.id, { targetValue: 0.05 });
  await reviseGoal(deps, actor, fineDustV1.id, { owner: 'Team Gezonde Lucht' });
  step();
  const { goal: fineDust } = await reviseGoal(deps, actor, fineDustV1.id, { statement: 'Minder fijnstof in de hele binnenstad' });
  const correction = await recordDecision(deps, actor, organization.id, {
    changeId: traffic.id,
    kind: 'raadsbesluit',
    title: 'Besluit autoluwe binnenstad (herstel stemuitslag)',
    body: 'gemeenteraad',
    date: '2026-02-15',
    outcome: 'adopted',
    votes: { for: 21, against: 14, abstain: 2 },
    correctsId: adopted.id,
  });
  await anchorGoal(deps, actor, { goalId: fineDust.id, decisionId: correction.id });
  const motie = await recordDecision(deps, actor, organization.id, {
    changeId: traffic.id,
    kind: 'motie',
    title: 'Motie meten is weten',
    body: 'gemeenteraad',
    date: '2026-02-01',
    outcome: 'adopted',
    votes: { for: 30, against: 7, abstain: 0 },
    followUps: [
      { description: 'Elk jaar rapporteren over de luchtkwaliteit', dueDate: '2027-01-31' },
      { description: 'De eerste meting delen met de raad', dueDate: '2026-06-30', status: 'fulfilled' },
    ],
  });
  const rejected = await recordDecision(deps, actor, organization.id, {
    kind: 'amendement',
    title: 'Amendement alleen in het weekend',
    body: 'gemeenteraad',
    date: '2026-02-01',
    outcome: 'rejected',
    votes: { for: 10, against: 27, abstain: 0 },
  });

  step();
  await recordMeasurement(deps, actor, fineDust.id, { date: '2025-06-30', value: 0.07, source: 'RIVM' });
  await recordMeasurement(deps, actor, fineDust.id, { date: '2025-12-31', value: 1e-7, note: 'Na de knip' });
  await recordMeasurement(deps, actor, visitors.id, { date: '2026-01-31', value: Number.MAX_VALUE });

  const knip = await createMeasure(deps, actor, traffic.id, { title: 'Knip voor autoverkeer', cost: 1_234_567.89, startDate: '2026-09-01', endDate: '2027-03-01' });
  await addContribution(deps, actor, knip.id, {
    goalId: fineDust.id,
    mechanism: 'Minder auto’s in de straat betekent minder uitstoot op het meetpunt.',
    assumptions: 'Het verkeer verdwijnt en verplaatst zich niet naar de ring.',
    expectedEffect: -0.02,
    evidenceStrength: 'plausible',
    evidenceLinks: ['https://example.org/studie-knip', 'https://example.org/evaluatie'],
  });
  step();
  await addContribution(deps, actor, knip.id, { goalId: visitors.id, mechanism: 'Een rustiger centrum trekt meer wandelend publiek.', expectedEffect: 1e-7 });
  const buses = await createMeasure(deps, actor, traffic.id, { title: 'Extra bussen', status: 'in_progress' });
  await addContribution(deps, actor, buses.id, { goalId: fineDust.id, mechanism: 'Wie de bus neemt, rijdt niet met de auto de stad in.', evidenceStrength: 'assumed' });

  const bikesGoal = await createGoal(deps, actor, bikes.id, { statement: 'Meer plekken voor fietsen', unit: 'plekken', direction: 'increase' });
  const racks = await createMeasure(deps, actor, bikes.id, { title: 'Stalling onder het plein', cost: 0.1 });
  await addContribution(deps, actor, racks.id, { goalId: bikesGoal.id, mechanism: 'De stalling biedt plaats aan duizend fietsen.' });

  await setImpact(deps, actor, traffic.id, { groupId: residents.id, effect: 'gains', meaning: 'U ademt schonere lucht.', expectation: 'Vanaf 2027 merkbaar.' });
  await setImpact(deps, actor, traffic.id, { groupId: shops.id, effect: 'loses', meaning: 'Klanten met de auto rijden verder om.' });
  await setImpact(deps, actor, bikes.id, { groupId: residents.id, effect: 'neutral' });
  await setChangeStatus(deps, actor, traffic.id, 'decided');

  step();
  const promise = await recordStatement(deps, actor, traffic.id, {
    speaker: 'Jan de Wit',
    speakerKind: 'alderman',
    role: 'wethouder Verkeer',
    medium: 'Testdorper Courant',
    date: '2026-01-10',
    quote: 'Winkels in de binnenstad blijven gewoon met de auto bereikbaar.',
    url: 'https://testdorp.example.nl/courant/2026-01-10',
  });
  await recordStatement(deps, actor, traffic.id, { speaker: 'Raadslid Pieters', speakerKind: 'politician', medium: 'raadsvergadering', date: '2026-02-01', quote: 'De lucht wordt echt schoner.' });
  await recordExpectation(deps, actor, traffic.id, {
    text: 'Klanten kunnen met de auto tot voor de winkel rijden.',
    source: 'political_statement',
    groupId: shops.id,
    statementId: promise.id,
    raisedBy: 'Jan de Wit',
    raisedWhere: 'Testdorper Courant',
    raisedOn: '2026-01-10',
    sourceUrl: 'https://testdorp.example.nl/courant/2026-01-10',
    status: 'unfounded',
    response: { text: 'Twee straten gaan dicht voor auto’s. Laden en lossen mag wel.', channel: 'brief aan ondernemers', date: '2026-03-01' },
  });
  // One step between expectations: the document orders them by createdAt (then id).
  step();
  await recordExpectation(deps, actor, traffic.id, {
    text: 'Er komen meer mensen naar het centrum.',
    kind: 'normative',
    source: 'consultation',
    groupId: residents.id,
    status: 'supported',
    goalIds: [visitors.id, fineDust.id],
    decisionIds: [motie.id, correction.id],
  });
  step();
  await recordExpectation(deps, actor, traffic.id, {
    text: 'De lucht wordt niet schoner door de knip.',
    source: 'media',
    status: 'contradicted',
    goalIds: [fineDust.id],
    decisionIds: [rejected.id],
    response: { text: 'Het meetpunt Markt meet nu al minder fijnstof.', channel: 'pagina van de verandering', date: '2026-04-01' },
  });
  step();
  await recordExpectation(deps, actor, traffic.id, { text: 'Er wordt elk jaar gemeten.', source: 'poll', raisedBy: 'deelnemers peiling', status: 'partly', decisionIds: [motie.id] });
  await recordConflict(deps, actor, traffic.id, {
    groupAId: residents.id,
    groupBId: shops.id,
    description: 'Bewoners willen schone lucht; winkeliers klanten met de auto.',
    weighing: 'De raad vond schone lucht belangrijker, omdat het om gezondheid gaat.',
    decisionId: correction.id,
  });
  const article = await recordStatement(deps, actor, bikes.id, { speaker: 'Lies Bakker', speakerKind: 'journalist', medium: 'Omroep Testdorp', date: '2026-05-05', quote: 'Duizend fietsen onder het plein.' });
  await recordExpectation(deps, actor, bikes.id, { text: 'Ik kan mijn fiets altijd kwijt.', source: 'media', statementId: article.id, status: 'supported', goalIds: [bikesGoal.id] });
  await recordConflict(deps, actor, bikes.id, { groupAId: shops.id, groupBId: residents.id, description: 'Nog open.' });

  return { organization, goals: { fineDust, visitors, bikes: bikesGoal }, decisions: { adopted, correction, motie, rejected } };
};
