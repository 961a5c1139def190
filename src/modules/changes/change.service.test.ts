import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pageRequest } from '../../core';
import { auditOf, verifyChain, type OpenDatabase } from '../../storage';
import { DIALECTS, openTestDatabase } from '../../storage/testing';
import { slugSchema, type Organization } from '../organizations';
import { anOrganization, attempt, auditLength, issuePaths, testActor, testDeps } from '../organizations/organization.factory';
import { aChange } from './change.factory';
import {
  addMilestone,
  createChange,
  findChangeBySlug,
  getChange,
  listChanges,
  listMilestones,
  setChangePublished,
  setChangeStatus,
  updateChange,
  updateMilestone,
} from './change.service';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

for (const dialect of DIALECTS) {
  describe(`changes on ${dialect}`, () => {
    let open: OpenDatabase;
    let deps: ReturnType<typeof testDeps>;
    let org: Organization;
    beforeEach(async () => {
      open = await openTestDatabase(dialect);
      deps = testDeps(open.db);
      org = await anOrganization(deps);
    });
    afterEach(() => open.close());

    describe('creating', () => {
      it('derives a readable slug from the title, and a unique one when the title repeats', async () => {
        const first = await aChange(deps, org.id, { title: 'Fietsenstalling Oosterpark: café-plein' });
        const second = await aChange(deps, org.id, { title: 'Fietsenstalling Oosterpark: café-plein' });
        const third = await aChange(deps, org.id, { title: 'Fietsenstalling Oosterpark: café-plein' });
        expect([first.slug, second.slug, third.slug]).toEqual([
          'fietsenstalling-oosterpark-cafe-plein',
          'fietsenstalling-oosterpark-cafe-plein-2',
          'fietsenstalling-oosterpark-cafe-plein-3',
        ]);
        expect((await findChangeBySlug(deps, org.id, second.slug))?.id).toBe(second.id);
      });

      it('uses the same slug again in another organization', async () => {
        const other = await anOrganization(deps);
        const a = await aChange(deps, org.id, { title: 'Afvalinzameling' });
        const b = await aChange(deps, other.id, { title: 'Afvalinzameling' });
        expect(b.slug).toBe(a.slug);
      });

      it('derives a slug that is itself a valid slug, even from a very long title', async () => {
        const title = 'Herinrichting van de openbare ruimte rond het stationsgebied en de aangrenzende woonwijken in fasen';
        const a = await aChange(deps, org.id, { title });
        const b = await aChange(deps, org.id, { title });
        expect(slugSchema.safeParse(a.slug).success).toBe(true);
        expect(slugSchema.safeParse(b.slug).success).toBe(true);
        expect(b.slug).not.toBe(a.slug);
      });

      it('starts as an unpublished draft and writes one audit entry', async () => {
        const change = await aChange(deps, org.id);
        expect(change).toMatchObject({ status: 'draft', publishedAt: null, organizationId: org.id, createdAt: '2026-06-01T10:00:00.000Z' });
        expect(await getChange(deps, change.id)).toEqual(change);
        expect(await auditOf(open.db, 'change', change.id)).toEqual([expect.objectContaining({ action: 'change.created' })]);
      });

      it('refuses a slug that is taken in the organization, and writes nothing', async () => {
        await aChange(deps, org.id, { slug: 'stalling' });
        const { error, changed } = await attempt(open.db, () => aChange(deps, org.id, { slug: 'stalling', title: 'Iets anders' }));
        expect(error).toMatchObject({ code: 'conflict' });
        expect(issuePaths(error)).toEqual(['slug']);
        expect(changed).toEqual([]);
      });

      it('answers not_found for an unknown organization, and writes nothing', async () => {
        const { error, changed } = await attempt(open.db, () => aChange(deps, UNKNOWN));
        expect(error).toMatchObject({ code: 'not_found' });
        expect(changed).toEqual([]);
      });

      it('refuses a title that is too short or a kind that does not exist', async () => {
        const { error, changed } = await attempt(open.db, () => aChange(deps, org.id, { title: 'x', kind: 'miracle' as 'policy' }));
        expect(error).toMatchObject({ code: 'validation_failed' });
        expect(issuePaths(error).sort()).toEqual(['kind', 'title']);
        expect(changed).toEqual([]);
      });
    });

    describe('editing', () => {
      it('changes only the fields given: editing the title keeps why, what, summary and themes', async () => {
        const before = await aChange(deps, org.id, { themes: ['verkeer', 'wonen'] });
        deps.clock.advance(60_000);
        const after = await updateChange(deps, testActor, before.id, { title: 'Fietsenstalling onder het Stationsplein' });
        expect(after).toEqual({ ...before, title: 'Fietsenstalling onder het Stationsplein', updatedAt: '2026-06-01T10:01:00.000Z', revision: 2 });
        expect(await getChange(deps, before.id)).toEqual(after);
        expect(after.slug).toBe(before.slug);
      });

      it('can empty a text on purpose', async () => {
        const before = await aChange(deps, org.id);
        const after = await updateChange(deps, testActor, before.id, { summary: '' });
        expect(after.summary).toBe('');
        expect(after.why).toBe(before.why);
      });

      it('answers not_found for an unknown change, and writes nothing', async () => {
        const { error, changed } = await attempt(open.db, () => updateChange(deps, testActor, UNKNOWN, { title: 'Nieuwe titel' }));
        expect(error).toMatchObject({ code: 'not_found' });
        expect(changed).toEqual([]);
      });
    });

    describe('lifecycle', () => {
      it('walks draft → proposed → decided → in_progress → completed, one audit entry per step', async () => {
        const change = await aChange(deps, org.id);
        for (const status of ['proposed', 'decided', 'in_progress', 'completed'] as const) {
          expect((await setChangeStatus(deps, testActor, change.id, status)).status).toBe(status);
        }
        expect((await getChange(deps, change.id)).status).toBe('completed');
        const audit = await auditOf(open.db, 'change', change.id);
        expect(audit.map((e) => e.data)).toEqual([
          expect.anything(),
          { from: 'draft', to: 'proposed' },
          { from: 'proposed', to: 'decided' },
          { from: 'decided', to: 'in_progress' },
          { from: 'in_progress', to: 'completed' },
        ]);
      });

      it('refuses an illegal transition with invalid_state, and writes nothing', async () => {
        const change = await aChange(deps, org.id);
        const { error, changed } = await attempt(open.db, () => setChangeStatus(deps, testActor, change.id, 'completed'));
        expect(error).toMatchObject({ code: 'invalid_state' });
        expect(changed).toEqual([]);
        expect((await getChange(deps, change.id)).status).toBe('draft');
      });

      it('writes nothing when the status is set to the one it has', async () => {
        const change = await aChange(deps, org.id);
        const { error, changed } = await attempt(open.db, () => setChangeStatus(deps, testActor, change.id, 'draft'));
        expect(error).toBeUndefined();
        expect(changed).toEqual([]);
      });

      it('lets nothing restart a stopped change', async () => {
        const change = await aChange(deps, org.id);
        await setChangeStatus(deps, testActor, change.id, 'stopped');
        await expect(setChangeStatus(deps, testActor, change.id, 'draft')).rejects.toMatchObject({ code: 'invalid_state' });
      });

      it('answers not_found for an unknown change', async () => {
        await expect(setChangeStatus(deps, testActor, UNKNOWN, 'proposed')).rejects.toMatchObject({ code: 'not_found' });
      });
    });

    describe('publishing', () => {
      it('sets publishedAt to the moment of publishing, keeps it when published again, clears it on withdrawal', async () => {
        const change = await aChange(deps, org.id);
        deps.clock.set('2026-06-02T08:30:00Z');
        const published = await setChangePublished(deps, testActor, change.id, true);
        expect(published.publishedAt).toBe('2026-06-02T08:30:00.000Z');
        expect((await getChange(deps, change.id)).publishedAt).toBe('2026-06-02T08:30:00.000Z');
        deps.clock.advance(3_600_000);
        expect((await setChangePublished(deps, testActor, change.id, true)).publishedAt).toBe('2026-06-02T08:30:00.000Z');
        expect((await setChangePublished(deps, testActor, change.id, false)).publishedAt).toBeNull();
        const actions = (await auditOf(open.db, 'change', change.id)).map((e) => e.action);
        expect(actions).toEqual(['change.created', 'change.published', 'change.published', 'change.unpublished']);
      });

      it('answers not_found for an unknown change, and writes nothing', async () => {
        const { error, changed } = await attempt(open.db, () => setChangePublished(deps, testActor, UNKNOWN, true));
        expect(error).toMatchObject({ code: 'not_found' });
        expect(changed).toEqual([]);
      });
    });

    describe('listing', () => {
      it('pages by title with size, page, total and pages', async () => {
        for (const title of ['Echo', 'Alfa', 'Delta', 'Charlie', 'Bravo']) await aChange(deps, org.id, { title: `Plan ${title}` });
        const first = await listChanges(deps, org.id, {}, pageRequest(1, 2));
        expect(first).toMatchObject({ page: 1, size: 2, total: 5, pages: 3 });
        expect(first.items.map((c) => c.title)).toEqual(['Plan Alfa', 'Plan Bravo']);
        const last = await listChanges(deps, org.id, {}, pageRequest(3, 2));
        expect(last.items.map((c) => c.title)).toEqual(['Plan Echo']);
        const beyond = await listChanges(deps, org.id, {}, pageRequest(4, 2));
        expect(beyond).toMatchObject({ items: [], total: 5 });
      });

      it('shows only the organization’s own changes', async () => {
        const other = await anOrganization(deps);
        await aChange(deps, other.id);
        const mine = await aChange(deps, org.id);
        const page = await listChanges(deps, org.id);
        expect(page.items.map((c) => c.id)).toEqual([mine.id]);
        expect(page.total).toBe(1);
      });

      it('filters by status, and counts only what matches', async () => {
        const proposed = await aChange(deps, org.id, { title: 'Plan A' });
        await setChangeStatus(deps, testActor, proposed.id, 'proposed');
        await aChange(deps, org.id, { title: 'Plan B' });
        const page = await listChanges(deps, org.id, { status: 'proposed' });
        expect(page.items.map((c) => c.id)).toEqual([proposed.id]);
        expect(page.total).toBe(1);
      });

      it('filters by theme: the whole theme, exactly, on every dialect', async () => {
        const traffic = await aChange(deps, org.id, { title: 'Plan A', themes: ['verkeer', 'wonen'] });
        const safety = await aChange(deps, org.id, { title: 'Plan B', themes: ['verkeersveiligheid'] });
        const underscore = await aChange(deps, org.id, { title: 'Plan C', themes: ['openbare_ruimte'] });
        await aChange(deps, org.id, { title: 'Plan D', themes: ['openbareXruimte', 'Verkeer'] });
        const ids = async (theme: string) => (await listChanges(deps, org.id, { theme })).items.map((c) => c.id);
        expect(await ids('verkeer')).toEqual([traffic.id]);
        expect(await ids('verkeersveiligheid')).toEqual([safety.id]);
        expect(await ids('openbare_ruimte')).toEqual([underscore.id]);
        expect(await ids('veilig')).toEqual([]);
        expect((await listChanges(deps, org.id, { theme: 'verkeer' })).total).toBe(1);
      });

      it('filters to published changes', async () => {
        const published = await aChange(deps, org.id, { title: 'Plan A' });
        await setChangePublished(deps, testActor, published.id, true);
        await aChange(deps, org.id, { title: 'Plan B' });
        const page = await listChanges(deps, org.id, { publishedOnly: true });
        expect(page.items.map((c) => c.id)).toEqual([published.id]);
        expect(page.total).toBe(1);
        expect((await listChanges(deps, org.id, { publishedOnly: false })).total).toBe(2);
      });

      it('answers not_found for an unknown organization', async () => {
        await expect(listChanges(deps, UNKNOWN)).rejects.toMatchObject({ code: 'not_found' });
      });
    });

    describe('milestones', () => {
      it('adds milestones in date order and marks one done without losing its other fields', async () => {
        const change = await aChange(deps, org.id);
        const later = await addMilestone(deps, testActor, change.id, { title: 'Stalling open', date: '2027-09-01', description: 'Opening met de wethouder' });
        const sooner = await addMilestone(deps, testActor, change.id, { title: 'Start bouw', date: '2027-01-15' });
        expect((await listMilestones(deps, [change.id])).map((m) => m.id)).toEqual([sooner.id, later.id]);
        const done = await updateMilestone(deps, testActor, later.id, { done: true });
        expect(done).toEqual({ ...later, done: true, revision: 2 });
        expect((await listMilestones(deps, [change.id])).find((m) => m.id === later.id)).toEqual(done);
      });

      it('moving a milestone keeps it done', async () => {
        const change = await aChange(deps, org.id);
        const m = await addMilestone(deps, testActor, change.id, { title: 'Start bouw', date: '2027-01-15', done: true });
        expect(await updateMilestone(deps, testActor, m.id, { date: '2027-02-01' })).toEqual({ ...m, date: '2027-02-01', revision: 2 });
      });

      it('refuses a date that is not a calendar date, and writes nothing', async () => {
        const change = await aChange(deps, org.id);
        const { error, changed } = await attempt(open.db, () => addMilestone(deps, testActor, change.id, { title: 'Start bouw', date: '2027-02-30' }));
        expect(error).toMatchObject({ code: 'validation_failed' });
        expect(issuePaths(error)).toEqual(['date']);
        expect(changed).toEqual([]);
      });

      it('answers not_found for an unknown change or milestone, and writes nothing', async () => {
        const a = await attempt(open.db, () => addMilestone(deps, testActor, UNKNOWN, { title: 'Start bouw', date: '2027-01-15' }));
        expect(a).toEqual({ error: expect.objectContaining({ code: 'not_found' }), changed: [] });
        const b = await attempt(open.db, () => updateMilestone(deps, testActor, UNKNOWN, { done: true }));
        expect(b).toEqual({ error: expect.objectContaining({ code: 'not_found' }), changed: [] });
      });
    });

    it('leaves exactly one audit entry per write and a chain that verifies', async () => {
      const start = await auditLength(open.db, org.id);
      const change = await aChange(deps, org.id);
      await updateChange(deps, testActor, change.id, { why: 'Omdat het moet.' });
      await setChangeStatus(deps, testActor, change.id, 'proposed');
      await setChangePublished(deps, testActor, change.id, true);
      const m = await addMilestone(deps, testActor, change.id, { title: 'Besluit raad', date: '2026-09-01' });
      await updateMilestone(deps, testActor, m.id, { done: true });
      await createChange(deps, testActor, org.id, { title: 'Tweede verandering', kind: 'policy' });
      expect(await auditLength(open.db, org.id)).toBe(start + 7);
      expect(await verifyChain(open.db, org.id)).toMatchObject({ ok: true, events: start + 7 });
    });
  });
}
