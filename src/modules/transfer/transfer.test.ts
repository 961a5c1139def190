import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { canonicalJson, newId } from '../../core';
import { auditOf, verifyChain, type OpenDatabase } from '../../storage';
import { DIALECTS, openTestDatabase } from '../../storage/testing';
import { attempt, issuePaths, snapshotStore, testActor, testDeps } from '../organizations/organization.factory';
import { exportOrganization, importOrganization, type OrganizationDocument } from './index';
import { buildTransferFixture, type TransferFixture } from './transfer.factory';

/** A deep copy as it would come out of a file. */
const copy = (doc: unknown): OrganizationDocument => JSON.parse(JSON.stringify(doc)) as OrganizationDocument;

for (const dialect of DIALECTS) {
  describe(`transfer on ${dialect}`, () => {
    let target: OpenDatabase;
    let fixture: TransferFixture;
    let doc: OrganizationDocument;
    let again: OrganizationDocument;

    // The source database is closed before a target opens: on PostgreSQL, Kysely's migrator looks for
    // its lock table in every schema, so two test schemas must not be migrated side by side.
    beforeAll(async () => {
      const source = await openTestDatabase(dialect);
      try {
        const deps = testDeps(source.db);
        fixture = await buildTransferFixture(deps, testActor);
        doc = await exportOrganization(deps, fixture.organization.slug);
        again = await exportOrganization(testDeps(source.db, doc.exportedAt), fixture.organization.id);
      } finally {
        await source.close();
      }
    });
    beforeEach(async () => {
      target = await openTestDatabase(dialect);
    });
    afterEach(() => target.close());

    const changeIndex = (slug: string) => doc.changes.findIndex((c) => c.slug === slug);
    const decisionIndex = (id: string) => doc.decisions.findIndex((d) => d.id === id);

    it('exports every part of the organization, in a stable order', async () => {
      expect(doc).toMatchObject({ format: 'helder-organization', version: 1, organization: { id: fixture.organization.id } });
      expect(doc.changes.map((c) => c.slug)).toEqual(['minder-verkeer-in-de-binnenstad', 'nieuwe-fietsenstalling']);
      const traffic = doc.changes[0]!;
      expect(traffic.goals.map((g) => g.versions.map((v) => v.version))).toEqual([[1, 2, 3], [1]]);
      expect(traffic.goals[0]).toMatchObject({ currentVersion: 3, measurements: [{ value: 0.07 }, { value: 1e-7 }] });
      expect(traffic.goals[0]!.versions[0]).toMatchObject({ baselineValue: 0.1, targetValue: 1e-7 });
      expect(traffic.goals[1]!.measurements[0]!.value).toBe(Number.MAX_VALUE);
      expect(traffic.measures.map((m) => m.contributions.length)).toEqual([2, 1]);
      expect(traffic.impacts.map((i) => i.effect).sort()).toEqual(['gains', 'loses']);
      expect(doc.decisions.find((d) => d.id === fixture.decisions.correction.id)?.correctsId).toBe(fixture.decisions.adopted.id);
      expect(doc.decisions.find((d) => d.id === fixture.decisions.motie.id)?.followUps.map((f) => f.dueDate)).toEqual(['2026-06-30', '2027-01-31']);
      expect(doc.anchors).toHaveLength(3);
      // The expectation register: statements by date, links in the order given, empty fields as null.
      expect(traffic.statements.map((s) => s.date)).toEqual(['2026-01-10', '2026-02-01']);
      expect(traffic.expectations.map((e) => e.status)).toEqual(['unfounded', 'supported', 'contradicted', 'partly']);
      const [fineDust, visitors] = [traffic.goals[0]!.id, traffic.goals[1]!.id];
      expect(traffic.expectations[1]).toMatchObject({ goalIds: [visitors, fineDust], decisionIds: [fixture.decisions.motie.id, fixture.decisions.correction.id], response: null, statementId: null });
      expect(traffic.expectations[0]).toMatchObject({ statementId: traffic.statements[0]!.id, response: { channel: 'brief aan ondernemers', date: '2026-03-01' } });
      expect(traffic.expectations[2]!.decisionIds).toEqual([fixture.decisions.rejected.id]);
      expect(traffic.conflicts).toMatchObject([{ decisionId: fixture.decisions.correction.id }]);
      expect(doc.changes[1]).toMatchObject({ statements: [{ url: null, role: '' }], expectations: [{ groupId: null, raisedOn: null }], conflicts: [{ weighing: '', decisionId: null }] });
      expect(JSON.stringify(again) === JSON.stringify(doc)).toBe(true);
    });

    it('round-trips exactly: export → import → export differs only in exportedAt', async () => {
      const deps = testDeps(target.db, '2026-07-01T08:00:00Z');
      const result = await importOrganization(deps, testActor, copy(doc));
      expect(result.organizationId).toBe(fixture.organization.id);
      expect(result.counts).toEqual({
        groups: 2, changes: 2, milestones: 2, goals: 3, goalVersions: 5, measurements: 3, measures: 3,
        contributions: 4, impacts: 3, decisions: 4, partyVotes: 3, followUps: 2, anchors: 3,
        statements: 3, expectations: 5, conflicts: 2,
      });
      const back = await exportOrganization(deps, fixture.organization.slug);
      expect(back.exportedAt).toBe('2026-07-01T08:00:00.000Z');
      expect({ ...back, exportedAt: '' }).toEqual({ ...doc, exportedAt: '' });
      // Byte for byte, key order included: a diff of two exports shows only real changes.
      expect(JSON.stringify({ ...back, exportedAt: '' }) === JSON.stringify({ ...doc, exportedAt: '' })).toBe(true);
    });

    it('imports a version 1 document written before the expectation register, with an empty register', async () => {
      const old = edit((d) => {
        for (const c of d.changes) for (const key of ['statements', 'expectations', 'conflicts'] as const) delete (c as Partial<typeof c>)[key];
      });
      const deps = testDeps(target.db);
      const result = await importOrganization(deps, testActor, old);
      expect(result.counts).toMatchObject({ changes: 2, statements: 0, expectations: 0, conflicts: 0 });
      const back = await exportOrganization(deps, fixture.organization.id);
      expect(back.changes.map((c) => [c.statements, c.expectations, c.conflicts])).toEqual([[[], [], []], [[], [], []]]);
      // The audit entry hashes the file as it came, without the lists parsing filled in.
      const [entry] = await auditOf(target.db, 'organization', fixture.organization.id);
      expect((entry?.data as { sha256: string }).sha256).toBe(createHash('sha256').update(canonicalJson(old)).digest('hex'));
    });

    it('starts the audit chain with one organization.imported entry', async () => {
      await importOrganization(testDeps(target.db), testActor, copy(doc));
      expect(await verifyChain(target.db, fixture.organization.id)).toMatchObject({ ok: true, events: 1 });
      const [entry] = await auditOf(target.db, 'organization', fixture.organization.id);
      expect(entry).toMatchObject({ action: 'organization.imported', actor: testActor.id, data: { counts: { changes: 2 } } });
      expect((entry?.data as { sha256: string }).sha256).toMatch(/^[0-9a-f]{64}$/);
    });

    /** A copy of the exported document, edited in place. */
    const edit = (change: (d: OrganizationDocument) => unknown): OrganizationDocument => {
      const d = copy(doc);
      change(d);
      return d;
    };

    const rejects = async (input: unknown, code: string, path: string) => {
      const { error, changed } = await attempt(target.db, () => importOrganization(testDeps(target.db), testActor, input));
      expect(error).toMatchObject({ code });
      expect(issuePaths(error)).toContain(path);
      expect(changed).toEqual([]);
      const rows = [...(await snapshotStore(target.db)).entries()].filter(([table, r]) => table !== 'kysely_migration' && table !== 'kysely_migration_lock' && r.length > 0);
      expect(rows.map(([table]) => table)).toEqual([]);
    };

    it('refuses what is not an organization document', async () => {
      await rejects([doc], 'validation_failed', '');
      await rejects('helder', 'validation_failed', '');
      await rejects(null, 'validation_failed', '');
      await rejects(edit((d) => Object.assign(d, { format: 'helder-change' })), 'validation_failed', 'format');
      await rejects(edit((d) => Object.assign(d, { version: 2 })), 'validation_failed', 'version');
    });

    it('names the record and field that is missing, unknown, out of its list or a bad date', async () => {
      await rejects(edit((d) => delete (d.changes[0] as Partial<OrganizationDocument['changes'][number]>).title), 'validation_failed', 'changes[0].title');
      await rejects(edit((d) => Object.assign(d.decisions[1]!, { outcome: 'approved' })), 'validation_failed', 'decisions[1].outcome');
      await rejects(edit((d) => Object.assign(d.changes[0]!.milestones[1]!, { date: '2026-02-30' })), 'validation_failed', 'changes[0].milestones[1].date');
      await rejects(edit((d) => Object.assign(d.changes[1]!, { colour: 'blue' })), 'validation_failed', 'changes[1]');
      await rejects(edit((d) => Object.assign(d.changes[0]!.goals[0]!.versions[1]!, { unit: ' ' })), 'validation_failed', 'changes[0].goals[0].versions[1].unit');
      await rejects(edit((d) => Object.assign(d.changes[0]!.goals[0]!.versions[2]!, { targetValue: 0.2 })), 'validation_failed', 'changes[0].goals[0].versions[2].targetValue');
      await rejects(edit((d) => Object.assign(d.changes[0]!.goals[0]!.measurements[0]!, { date: '2023-12-31' })), 'validation_failed', 'changes[0].goals[0].measurements[0].date');
    });

    it('refuses control characters, non-web links and dates out of range, naming each (issue 9: a NUL from SQLite must not reach PostgreSQL)', async () => {
      await rejects(edit((d) => Object.assign(d.decisions[0]!, { title: 'Besluit\u0000met NUL' })), 'validation_failed', 'decisions[0].title');
      await rejects(edit((d) => Object.assign(d.changes[0]!.goals[0]!.versions[0]!, { createdBy: 'iemand\u0000' })), 'validation_failed', 'changes[0].goals[0].versions[0].createdBy');
      await rejects(edit((d) => Object.assign(d.changes[0]!, { why: 'Waarom\u001b[2J' })), 'validation_failed', 'changes[0].why');
      await rejects(edit((d) => Object.assign(d.decisions[0]!, { sourceUrl: 'javascript:alert(1)//https://x' })), 'validation_failed', 'decisions[0].sourceUrl');
      await rejects(edit((d) => Object.assign(d.changes[0]!.milestones[0]!, { date: '0000-01-01' })), 'validation_failed', 'changes[0].milestones[0].date');
    });

    it('refuses references that do not hold', async () => {
      const traffic = changeIndex('minder-verkeer-in-de-binnenstad');
      const bikes = changeIndex('nieuwe-fietsenstalling');
      const contribution = `changes[${traffic}].measures[0].contributions[0].goalId`;
      await rejects(edit((d) => Object.assign(d.changes[traffic]!.measures[0]!.contributions[0]!, { goalId: newId() })), 'validation_failed', contribution);
      await rejects(edit((d) => Object.assign(d.changes[traffic]!.measures[0]!.contributions[0]!, { goalId: d.changes[bikes]!.goals[0]!.id })), 'validation_failed', contribution);
      await rejects(edit((d) => Object.assign(d.anchors[0]!, { decisionId: fixture.decisions.rejected.id })), 'validation_failed', 'anchors[0].decisionId');
      await rejects(edit((d) => Object.assign(d.anchors[1]!, { goalVersionId: newId() })), 'validation_failed', 'anchors[1].goalVersionId');
      await rejects(edit((d) => Object.assign(d.changes[traffic]!.impacts[0]!, { groupId: newId() })), 'validation_failed', `changes[${traffic}].impacts[0].groupId`);
      const correction = decisionIndex(fixture.decisions.correction.id);
      await rejects(edit((d) => Object.assign(d.decisions[correction]!, { correctsId: newId() })), 'validation_failed', `decisions[${correction}].correctsId`);
      await rejects(edit((d) => Object.assign(d.changes[traffic]!.goals[0]!, { currentVersion: 2 })), 'validation_failed', `changes[${traffic}].goals[0].currentVersion`);
    });

    it('refuses an expectation register whose references do not hold', async () => {
      const traffic = changeIndex('minder-verkeer-in-de-binnenstad');
      const bikes = changeIndex('nieuwe-fietsenstalling');
      const expectation = (j: number) => `changes[${traffic}].expectations[${j}]`;
      // A goal of another change, and a goal that is not in the document.
      await rejects(edit((d) => Object.assign(d.changes[traffic]!.expectations[1]!, { goalIds: [d.changes[bikes]!.goals[0]!.id] })), 'validation_failed', `${expectation(1)}.goalIds[0]`);
      await rejects(edit((d) => Object.assign(d.changes[traffic]!.expectations[2]!, { goalIds: [newId()] })), 'validation_failed', `${expectation(2)}.goalIds[0]`);
      // A statement about another change.
      await rejects(edit((d) => Object.assign(d.changes[traffic]!.expectations[0]!, { statementId: d.changes[bikes]!.statements[0]!.id })), 'validation_failed', `${expectation(0)}.statementId`);
      // Backed by a rejected decision; contradicted without a goal; unfounded with a link.
      await rejects(edit((d) => Object.assign(d.changes[traffic]!.expectations[3]!, { decisionIds: [fixture.decisions.rejected.id] })), 'validation_failed', `${expectation(3)}.decisionIds[0]`);
      await rejects(edit((d) => Object.assign(d.changes[traffic]!.expectations[2]!, { goalIds: [] })), 'validation_failed', `${expectation(2)}.goalIds`);
      await rejects(edit((d) => Object.assign(d.changes[traffic]!.expectations[0]!, { decisionIds: [fixture.decisions.motie.id] })), 'validation_failed', `${expectation(0)}.decisionIds`);
      // A conflict with a group or decision that is not in the document, or a pair recorded twice.
      await rejects(edit((d) => Object.assign(d.changes[bikes]!.conflicts[0]!, { groupBId: newId() })), 'validation_failed', `changes[${bikes}].conflicts[0].groupBId`);
      await rejects(edit((d) => Object.assign(d.changes[traffic]!.conflicts[0]!, { decisionId: newId() })), 'validation_failed', `changes[${traffic}].conflicts[0].decisionId`);
      await rejects(
        edit((d) => d.changes[traffic]!.conflicts.push({ ...d.changes[bikes]!.conflicts[0]!, id: newId() })),
        'validation_failed',
        `changes[${traffic}].conflicts[1].groupBId`,
      );
    });

    it('refuses a duplicate id at its second place', async () => {
      await rejects(edit((d) => Object.assign(d.changes[0]!.milestones[1]!, { id: d.changes[0]!.milestones[0]!.id })), 'validation_failed', 'changes[0].milestones[1].id');
      await rejects(edit((d) => Object.assign(d.anchors[2]!, { id: d.groups[0]!.id })), 'validation_failed', 'anchors[2].id');
    });

    it('refuses a slug or organization id this installation already has, and writes nothing', async () => {
      await importOrganization(testDeps(target.db), testActor, copy(doc));
      const before = await snapshotStore(target.db);
      const sameSlug = await attempt(target.db, () => importOrganization(testDeps(target.db), testActor, { ...copy(doc), organization: { ...doc.organization, id: newId() } }));
      expect(sameSlug.error).toMatchObject({ code: 'conflict' });
      expect(issuePaths(sameSlug.error)).toEqual(['organization.slug']);
      expect(sameSlug.changed).toEqual([]);
      const sameId = await attempt(target.db, () => importOrganization(testDeps(target.db), testActor, { ...copy(doc), organization: { ...doc.organization, slug: 'gemeente-kopie' } }));
      expect(sameId.error).toMatchObject({ code: 'conflict' });
      expect(issuePaths(sameId.error)).toEqual(['organization.id']);
      expect(await snapshotStore(target.db)).toEqual(before);
    });

    it('refuses a copy whose records already exist here, naming the first one, and writes nothing', async () => {
      await importOrganization(testDeps(target.db), testActor, copy(doc));
      const before = await snapshotStore(target.db);
      const clash = { ...copy(doc), organization: { ...doc.organization, id: newId(), slug: 'gemeente-kopie' } };
      const { error } = await attempt(target.db, () => importOrganization(testDeps(target.db), testActor, clash));
      expect(error).toMatchObject({ code: 'conflict' });
      expect(issuePaths(error)).toEqual(['groups[0]']);
      expect(await snapshotStore(target.db)).toEqual(before);
    });
  });
}
