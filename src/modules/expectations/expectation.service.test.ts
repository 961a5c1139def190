import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditOf, verifyChain, type OpenDatabase } from '../../storage';
import { DIALECTS, openTestDatabase } from '../../storage/testing';
import type { Change } from '../changes';
import { aChange } from '../changes/change.factory';
import { aDecision } from '../decisions/decision.factory';
import type { Goal } from '../goals';
import { aGroup } from '../groups/group.factory';
import type { Organization } from '../organizations';
import { anOrganization, attempt, auditLength, issuePaths, testActor, testDeps } from '../organizations/organization.factory';
import { aGoal, anExpectation, aStatement } from './expectation.factory';
import { getExpectation, recordExpectation, respondToExpectation, updateExpectation } from './expectation.service';
import { getStatement, recordStatement, updateStatement } from './statement.service';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

for (const dialect of DIALECTS) {
  describe(`statements and expectations on ${dialect}`, () => {
    let open: OpenDatabase;
    let deps: ReturnType<typeof testDeps>;
    let org: Organization;
    let change: Change;
    let goal: Goal;
    beforeEach(async () => {
      open = await openTestDatabase(dialect);
      deps = testDeps(open.db);
      org = await anOrganization(deps);
      change = await aChange(deps, org.id);
      goal = await aGoal(deps, change.id);
    });
    afterEach(() => open.close());

    /** Runs a use case expected to fail; asserts the code, the issue paths and that nothing was written. */
    const refused = async (useCase: () => Promise<unknown>, code: string, paths: string[] = []) => {
      const { error, changed } = await attempt(open.db, useCase);
      expect(error).toMatchObject({ code });
      if (paths.length > 0) expect(issuePaths(error)).toEqual(paths);
      expect(changed).toEqual([]);
    };

    describe('statements', () => {
      it('records a statement that reads back, with an audit entry', async () => {
        const statement = await aStatement(deps, change.id);
        expect(await getStatement(deps, statement.id)).toEqual(statement);
        expect(statement).toMatchObject({ changeId: change.id, speakerKind: 'alderman', role: 'wethouder Verkeer', date: '2026-04-02' });
        expect(await auditOf(open.db, 'statement', statement.id)).toEqual([expect.objectContaining({ action: 'statement.recorded' })]);
      });

      it('corrects a statement and keeps its creation time', async () => {
        const statement = await aStatement(deps, change.id);
        deps.clock.advance(60_000);
        const fixed = await updateStatement(deps, testActor, statement.id, { speaker: 'Anna de Vries', speakerKind: 'alderman', medium: 'Stadskrant', date: '2026-04-03', quote: 'Fietsen stallen wordt makkelijker.' });
        expect(fixed).toMatchObject({ date: '2026-04-03', role: '', createdAt: statement.createdAt });
        expect(fixed.updatedAt > statement.updatedAt).toBe(true);
        expect(await getStatement(deps, statement.id)).toEqual(fixed);
      });

      it('refuses a statement without quote, with a bad date, link or speaker kind', async () => {
        await refused(() => aStatement(deps, change.id, { quote: '' }), 'validation_failed', ['quote']);
        await refused(() => aStatement(deps, change.id, { date: '2-4-2026' }), 'validation_failed', ['date']);
        await refused(() => aStatement(deps, change.id, { url: 'javascript:alert(1)' }), 'validation_failed', ['url']);
        await refused(() => aStatement(deps, change.id, { speakerKind: 'influencer' as 'other' }), 'validation_failed', ['speakerKind']);
      });

      it('answers not_found for an unknown change or statement', async () => {
        await refused(() => aStatement(deps, UNKNOWN), 'not_found');
        await refused(() => updateStatement(deps, testActor, UNKNOWN, { speaker: 'X Y', speakerKind: 'other', medium: 'krant', date: '2026-01-01', quote: 'Iets gezegd.' }), 'not_found');
        await expect(getStatement(deps, UNKNOWN)).rejects.toMatchObject({ code: 'not_found' });
      });
    });

    describe('expectations', () => {
      it('records a supported expectation of a group, linked to the goal and decision that back it', async () => {
        const group = await aGroup(deps, org.id);
        const decision = await aDecision(deps, org.id);
        const statement = await aStatement(deps, change.id);
        const expectation = await recordExpectation(deps, testActor, change.id, {
          text: 'Er staan straks veel minder fietsen op de stoep.',
          source: 'political_statement',
          statementId: statement.id,
          groupId: group.id,
          status: 'supported',
          goalIds: [goal.id],
          decisionIds: [decision.id],
        });
        expect(expectation).toMatchObject({ kind: 'predictive', groupId: group.id, statementId: statement.id, goalIds: [goal.id], decisionIds: [decision.id], response: null });
        expect(await getExpectation(deps, expectation.id)).toEqual(expectation);
        expect(await auditOf(open.db, 'expectation', expectation.id)).toEqual([expect.objectContaining({ action: 'expectation.recorded' })]);
      });

      it('records an unfounded expectation of the public with its response', async () => {
        const expectation = await anExpectation(deps, change.id, { kind: 'normative' });
        expect(expectation).toMatchObject({ groupId: null, status: 'unfounded', goalIds: [], decisionIds: [], kind: 'normative' });
        expect(expectation.response).toEqual({ text: expect.stringContaining('24 uur'), channel: 'pagina van de verandering', date: '2026-05-01' });
        expect(await getExpectation(deps, expectation.id)).toEqual(expectation);
      });

      it('records a contradicted expectation with the goal that says otherwise and a rejected motie', async () => {
        const motie = await aDecision(deps, org.id, { kind: 'motie', title: 'Motie gratis stallen', outcome: 'rejected', votes: { for: 10, against: 25, abstain: 0 } });
        const expectation = await anExpectation(deps, change.id, { status: 'contradicted', goalIds: [goal.id], decisionIds: [motie.id] });
        expect(expectation).toMatchObject({ status: 'contradicted', goalIds: [goal.id], decisionIds: [motie.id] });
      });

      it('refuses supported or partly without a linked goal or decision, and writes nothing', async () => {
        await refused(() => anExpectation(deps, change.id, { status: 'supported' }), 'validation_failed', ['goalIds']);
        await refused(() => anExpectation(deps, change.id, { status: 'partly' }), 'validation_failed', ['goalIds']);
      });

      it('refuses contradicted without the contradicting goal, even with a decision', async () => {
        const decision = await aDecision(deps, org.id);
        await refused(() => anExpectation(deps, change.id, { status: 'contradicted' }), 'validation_failed', ['goalIds']);
        await refused(() => anExpectation(deps, change.id, { status: 'contradicted', decisionIds: [decision.id] }), 'validation_failed', ['goalIds']);
      });

      it('refuses an unfounded expectation that names a goal or decision behind it', async () => {
        const decision = await aDecision(deps, org.id);
        await refused(() => anExpectation(deps, change.id, { status: 'unfounded', goalIds: [goal.id] }), 'validation_failed', ['goalIds']);
        await refused(() => anExpectation(deps, change.id, { status: 'unfounded', decisionIds: [decision.id] }), 'validation_failed', ['decisionIds']);
      });

      it('refuses a goal of another change, naming the position of the link', async () => {
        const other = await aChange(deps, org.id, { title: 'Een andere verandering' });
        const foreign = await aGoal(deps, other.id);
        await refused(() => anExpectation(deps, change.id, { status: 'supported', goalIds: [goal.id, foreign.id] }), 'validation_failed', ['goalIds.1']);
      });

      it('refuses a decision of another organization, and a backing decision that was not adopted', async () => {
        const stranger = await anOrganization(deps);
        const foreign = await aDecision(deps, stranger.id);
        await refused(() => anExpectation(deps, change.id, { status: 'supported', decisionIds: [foreign.id] }), 'validation_failed', ['decisionIds.0']);
        const pending = await aDecision(deps, org.id, { outcome: 'pending', votes: null });
        await refused(() => anExpectation(deps, change.id, { status: 'partly', decisionIds: [pending.id] }), 'validation_failed', ['decisionIds.0']);
      });

      it('refuses a group of another organization and a statement about another change', async () => {
        const strangerGroup = await aGroup(deps, (await anOrganization(deps)).id);
        await refused(() => anExpectation(deps, change.id, { groupId: strangerGroup.id }), 'validation_failed', ['groupId']);
        const other = await aChange(deps, org.id, { title: 'Een andere verandering' });
        const statement = await aStatement(deps, other.id);
        await refused(() => anExpectation(deps, change.id, { statementId: statement.id }), 'validation_failed', ['statementId']);
      });

      it('refuses nonsense: unknown status, source or kind, a short text, the same goal twice, a response without text', async () => {
        await refused(() => anExpectation(deps, change.id, { status: 'maybe' as 'partly' }), 'validation_failed', ['status']);
        await refused(() => anExpectation(deps, change.id, { source: 'rumour' as 'media' }), 'validation_failed', ['source']);
        await refused(() => anExpectation(deps, change.id, { kind: 'hopeful' as 'normative' }), 'validation_failed', ['kind']);
        await refused(() => anExpectation(deps, change.id, { text: 'ok' }), 'validation_failed', ['text']);
        await refused(() => anExpectation(deps, change.id, { status: 'supported', goalIds: [goal.id, goal.id] }), 'validation_failed', ['goalIds']);
        await refused(() => anExpectation(deps, change.id, { response: { text: '', channel: 'website', date: '2026-05-01' } }), 'validation_failed', ['response.text']);
        await refused(() => anExpectation(deps, change.id, { goalIds: ['not-an-id'] }), 'validation_failed', ['goalIds.0']);
      });

      it('answers not_found for an unknown change or expectation, refuses unknown references on their field, and writes nothing', async () => {
        await refused(() => anExpectation(deps, UNKNOWN), 'not_found');
        // A referenced id that does not exist is refused on its field, like one of another organization (issue 9).
        await refused(() => anExpectation(deps, change.id, { groupId: UNKNOWN }), 'validation_failed', ['groupId']);
        await refused(() => anExpectation(deps, change.id, { statementId: UNKNOWN }), 'validation_failed', ['statementId']);
        await refused(() => anExpectation(deps, change.id, { status: 'supported', goalIds: [UNKNOWN] }), 'validation_failed', ['goalIds.0']);
        await refused(() => anExpectation(deps, change.id, { status: 'supported', decisionIds: [UNKNOWN] }), 'validation_failed', ['decisionIds.0']);
        await refused(() => updateExpectation(deps, testActor, UNKNOWN, { text: 'Iets verwacht.', source: 'poll', status: 'unfounded' }), 'not_found');
        await refused(() => respondToExpectation(deps, testActor, UNKNOWN, { text: 'Dit vertellen we erover.', channel: 'website', date: '2026-05-01' }), 'not_found');
        await expect(getExpectation(deps, UNKNOWN)).rejects.toMatchObject({ code: 'not_found' });
      });

      it('re-assesses an expectation: new status, links replaced, and back to unfounded without links', async () => {
        const second = await aGoal(deps, change.id, { statement: 'In 2027 staan er 2000 plekken in de stalling' });
        const first = await anExpectation(deps, change.id, { response: null });
        const supported = await updateExpectation(deps, testActor, first.id, { text: first.text, source: 'media', status: 'partly', goalIds: [second.id, goal.id] });
        expect(supported).toMatchObject({ status: 'partly', goalIds: [second.id, goal.id], createdAt: first.createdAt });
        expect(await getExpectation(deps, first.id)).toEqual(supported);
        const back = await updateExpectation(deps, testActor, first.id, { text: first.text, source: 'media', status: 'unfounded' });
        expect((await getExpectation(deps, first.id)).goalIds).toEqual([]);
        expect(back.status).toBe('unfounded');
        const goalOfOther = await aGoal(deps, (await aChange(deps, org.id, { title: 'Nog een verandering' })).id);
        await refused(() => updateExpectation(deps, testActor, first.id, { text: first.text, source: 'media', status: 'supported', goalIds: [goalOfOther.id] }), 'validation_failed', ['goalIds.0']);
      });

      it('records a response later, and refuses one that says nothing', async () => {
        const expectation = await anExpectation(deps, change.id, { status: 'contradicted', goalIds: [goal.id], response: null });
        const answered = await respondToExpectation(deps, testActor, expectation.id, { text: 'Fietsen op de stoep halen we weg; u kunt stallen in de nieuwe stalling.', channel: 'brief aan bewoners', date: '2026-06-15' });
        expect(answered.response).toEqual({ text: expect.stringContaining('stalling'), channel: 'brief aan bewoners', date: '2026-06-15' });
        expect(await getExpectation(deps, expectation.id)).toEqual(answered);
        await refused(() => respondToExpectation(deps, testActor, expectation.id, { text: 'Nee.', channel: 'website', date: '2026-06-15' }), 'validation_failed', ['text']);
        const actions = (await auditOf(open.db, 'expectation', expectation.id)).map((e) => e.action);
        expect(actions).toEqual(['expectation.recorded', 'expectation.responded']);
      });

      it('leaves one audit entry per write and a chain that verifies', async () => {
        const start = await auditLength(open.db, org.id);
        const statement = await aStatement(deps, change.id);
        const e = await anExpectation(deps, change.id, { statementId: statement.id, response: null });
        await respondToExpectation(deps, testActor, e.id, { text: 'We leggen uit wat wel gratis is.', channel: 'website', date: '2026-06-01' });
        await updateExpectation(deps, testActor, e.id, { text: e.text, source: 'media', status: 'supported', goalIds: [goal.id] });
        expect(await verifyChain(open.db, org.id)).toMatchObject({ ok: true, events: start + 4 });
      });
    });

    it('checks recordStatement input before it looks anything up', async () => {
      await refused(() => recordStatement(deps, testActor, UNKNOWN, { speaker: '', speakerKind: 'other', medium: 'krant', date: '2026-01-01', quote: 'Iets.' }), 'validation_failed');
    });
  });
}
