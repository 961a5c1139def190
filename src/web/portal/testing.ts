import { systemActor } from '../../core';
import { addMilestone, createChange, setChangePublished } from '../../modules/changes';
import { recordDecision } from '../../modules/decisions';
import { anchorGoal, createGoal, recordMeasurement, reviseGoal } from '../../modules/goals';
import { createGroup, setImpact } from '../../modules/groups';
import { recordConflict, recordExpectation, recordStatement, weighConflict } from '../../modules/expectations';
import { addContribution, createMeasure } from '../../modules/measures';
import { createOrganization } from '../../modules/organizations';
import type { Deps } from '../../storage';

/** Test-only: a small register with everything the change page shows, and text that tries XSS. */
export const XSS = '<script>alert(1)</script> "onmouseover=alert(2) \'x';

export const seedPortalFixture = async (deps: Deps) => {
  const actor = systemActor('test');
  const org = await createOrganization(deps, actor, { slug: 'teststad', name: 'Gemeente Teststad', kind: 'gemeente' });
  const change = await createChange(deps, actor, org.id, {
    title: `Bibliotheek filialen ${XSS}`,
    kind: 'budget_cut',
    status: 'decided',
    summary: `Twee vestigingen gaan dicht. ${XSS}`,
    why: `De bibliotheek heeft minder geld. ${XSS}\n\nDaarom sluiten we twee kleine vestigingen.`,
    what: 'De vestigingen in Noord en Zuid gaan dicht. De centrale bibliotheek blijft open.',
    themes: ['cultuur', 'geld'],
  });
  const draft = await createChange(deps, actor, org.id, { title: 'Geheim plan hondenbelasting', kind: 'policy', summary: 'Niet openbaar' });
  const other = await createChange(deps, actor, org.id, { title: 'Nieuwe fietspaden', kind: 'infrastructure', status: 'proposed', summary: 'Meer fietspaden in Zuid.', themes: ['verkeer'] });
  await setChangePublished(deps, actor, other.id, true);
  await addMilestone(deps, actor, change.id, { title: 'Besluit van de raad', date: '2026-01-15' });
  await addMilestone(deps, actor, change.id, { title: 'Vestigingen dicht', date: '2026-09-01' });
  const decision = await recordDecision(deps, actor, org.id, {
    changeId: change.id, kind: 'raadsbesluit', title: `Besluit bibliotheken ${XSS}`, body: 'gemeenteraad', date: '2026-01-15', outcome: 'adopted',
    votes: { for: 20, against: 15, abstain: 0 }, sourceUrl: 'https://example.org/besluit/1',
  });
  const goal = await createGoal(deps, actor, change.id, {
    statement: 'Het aantal bezoekers van de centrale bibliotheek stijgt naar 300.000 per jaar',
    indicator: 'bezoekers per jaar', unit: 'bezoekers', baselineValue: 250_000, baselineDate: '2025-01-01', targetValue: 300_000, targetDate: '2028-01-01', direction: 'increase',
  });
  await anchorGoal(deps, actor, { goalId: goal.id, decisionId: decision.id });
  await reviseGoal(deps, actor, goal.id, { targetValue: 280_000 });
  await recordMeasurement(deps, actor, goal.id, { date: '2025-07-01', value: 255_000, source: 'telpoortjes' });
  await recordMeasurement(deps, actor, goal.id, { date: '2026-01-01', value: 262_000, source: 'telpoortjes' });
  const measure = await createMeasure(deps, actor, change.id, { title: 'Langere openingstijden centrale bibliotheek' });
  await addContribution(deps, actor, measure.id, { goalId: goal.id, mechanism: 'Langer open betekent meer gelegenheid om te komen.' });
  const north = await createGroup(deps, actor, org.id, { name: 'Inwoners Noord', estimatedSize: 12_000 });
  const students = await createGroup(deps, actor, org.id, { name: 'Scholieren', estimatedSize: 3_000 });
  await setImpact(deps, actor, change.id, { groupId: north.id, effect: 'loses', meaning: `Uw vestiging in Noord gaat dicht. ${XSS}` });
  await setImpact(deps, actor, other.id, { groupId: students.id, effect: 'gains', meaning: 'U fietst veiliger naar school.' });
  await setImpact(deps, actor, change.id, { groupId: students.id, effect: 'gains', meaning: 'De centrale bibliotheek is langer open om te leren.' });
  // The expectation register: a promise no goal supports, one a goal contradicts, one a decision backs, and a weighed conflict.
  const statement = await recordStatement(deps, actor, change.id, {
    speaker: 'Piet Praat', speakerKind: 'politician', role: 'fractievoorzitter', medium: 'Teststadse Courant', date: '2025-12-01', quote: `Geen enkele vestiging gaat dicht! ${XSS}`, url: 'https://example.org/krant/1',
  });
  await recordExpectation(deps, actor, change.id, {
    text: `Alle vestigingen blijven open. ${XSS}`, source: 'political_statement', statementId: statement.id, raisedBy: 'Piet Praat', raisedWhere: 'Teststadse Courant', raisedOn: '2025-12-01', status: 'unfounded',
    response: { text: 'De raad heeft besloten dat twee vestigingen dichtgaan. Dat staat in het raadsbesluit.', channel: 'deze pagina', date: '2026-01-20' },
  });
  await recordExpectation(deps, actor, change.id, { text: 'De centrale bibliotheek krijgt minder bezoekers.', source: 'media', groupId: north.id, raisedBy: 'Teststadse Courant', status: 'contradicted', goalIds: [goal.id] });
  await recordExpectation(deps, actor, change.id, { text: 'Er komt een besluit van de raad over de vestigingen.', source: 'consultation', status: 'supported', decisionIds: [decision.id] });
  const conflict = await recordConflict(deps, actor, change.id, { groupAId: north.id, groupBId: students.id, description: `Noord wil de vestiging houden; scholieren willen langere openingstijden. ${XSS}` });
  await weighConflict(deps, actor, conflict.id, { weighing: 'Met het geld kan één goede centrale bibliotheek langer open. Daarom gaat Noord dicht.', decisionId: decision.id });
  await setChangePublished(deps, actor, change.id, true);
  return { org, change, draft, other, goal, decision, north, students };
};
