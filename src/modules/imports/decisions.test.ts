import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDecisionsOfOrganization } from '../decisions';
import { anOrganization, snapshotStore, testActor, testDeps } from '../organizations/organization.factory';
import { verifyChain, type Deps } from '../../storage';
import { DIALECTS, openTestDatabase } from '../../storage/testing';
import { commitDecisionImport, previewDecisionImport } from './index';
import { ORI_IBABS_FIXTURE, ORI_POPOLO_FIXTURE } from './popolo.fixture';

for (const dialect of DIALECTS) {
  describe(`Popolo decisions import on ${dialect}`, () => {
    let deps: Deps;
    let close: () => Promise<void>;
    beforeAll(async () => {
      const open = await openTestDatabase(dialect);
      deps = testDeps(open.db);
      close = open.close;
    });
    afterAll(() => close());

    it('previews without writing, commits all motions with their votes, audited, and a second commit changes nothing', async () => {
      const organization = await anOrganization(deps);
      const preview = await previewDecisionImport(deps, organization.id, ORI_POPOLO_FIXTURE);
      expect(preview.issues).toEqual([]);
      expect(preview.counts).toEqual({ new: 4, present: 0, invalid: 0 });
      expect(await listDecisionsOfOrganization(deps, organization.id)).toEqual([]);

      const result = await commitDecisionImport(deps, testActor, organization.id, ORI_POPOLO_FIXTURE);
      expect(result.written).toBe(4);
      const decisions = await listDecisionsOfOrganization(deps, organization.id);
      const motie = decisions.find((d) => d.reference === 'M2026-014')!;
      expect(motie).toMatchObject({ kind: 'motie', body: 'Gemeenteraad Voorbeeldstad', date: '2026-03-12', outcome: 'adopted', votes: { for: 16, against: 10, abstain: 0 } });
      expect(motie.partyVotes.reduce((n, p) => n + p.for, 0)).toBe(16);
      expect(decisions.find((d) => d.reference === 'A2026-003')).toMatchObject({ kind: 'amendement', outcome: 'rejected', votes: { for: 12, against: 14, abstain: 1 } });
      expect(decisions.find((d) => d.reference === 'M2026-019')).toMatchObject({ outcome: 'pending', votes: null });
      expect((await verifyChain(deps.db, organization.id)).ok).toBe(true);
      const audit = await deps.db.selectFrom('audit_events').select(['action', 'data']).where('organization_id', '=', organization.id).orderBy('seq').execute();
      expect(audit.map((a) => a.action)).toEqual(['organization.created', 'decision.recorded', 'decision.recorded', 'decision.recorded', 'decision.recorded', 'decisions.imported']);
      expect(JSON.parse(audit[5]!.data)).toMatchObject({ format: 'popolo', motions: 4, new: 4, sha256: preview.sha256 });

      const again = await previewDecisionImport(deps, organization.id, ORI_POPOLO_FIXTURE);
      expect(again.counts).toEqual({ new: 0, present: 4, invalid: 0 });
      expect(again.rows[0]!.existingId).toBe(motie.id);
      const before = await snapshotStore(deps.db);
      expect((await commitDecisionImport(deps, testActor, organization.id, ORI_POPOLO_FIXTURE)).written).toBe(0);
      expect((await snapshotStore(deps.db)).get('decisions')).toEqual(before.get('decisions'));
    });

    it('imports Open Raadsinformatie as harvested from iBabs: every motion, with its outcome, votes and no "-" summaries', async () => {
      const organization = await anOrganization(deps);
      const result = await commitDecisionImport(deps, testActor, organization.id, ORI_IBABS_FIXTURE);
      expect(result.written).toBe(5);
      const decisions = await listDecisionsOfOrganization(deps, organization.id);
      const by = (reference: string) => decisions.find((d) => d.reference === reference)!;
      expect(by('2026014')).toMatchObject({ kind: 'motie', outcome: 'adopted', summary: '', votes: { for: 18, against: 9, abstain: 0 } });
      expect(by('A2026-003')).toMatchObject({ kind: 'amendement', outcome: 'rejected', votes: { for: 11, against: 16, abstain: 0 } });
      expect(by('2026019')).toMatchObject({ outcome: 'pending', summary: '' });
      expect(by('2026021')).toMatchObject({ kind: 'raadsbesluit', outcome: 'adopted' });
      expect(by('2026022')).toMatchObject({ outcome: 'withdrawn' });
      expect((await previewDecisionImport(deps, organization.id, ORI_IBABS_FIXTURE)).counts).toEqual({ new: 0, present: 5, invalid: 0 });
    });

    it('refuses a document with one bad motion and writes nothing, naming the JSON path', async () => {
      const organization = await anOrganization(deps);
      const doc = JSON.parse(ORI_POPOLO_FIXTURE) as { motions: Record<string, unknown>[]; vote_events: Record<string, unknown>[] };
      doc.motions[3]!.date = '2026-13-01';
      (doc.vote_events[2]!.counts as Record<string, unknown>[])[1]!.option = 'tja';
      doc.motions.push({ ...doc.motions[0], id: 'dubbel' });
      const text = JSON.stringify(doc);
      const preview = await previewDecisionImport(deps, organization.id, text);
      expect(preview.issues.map((i) => i.path)).toEqual(['vote_events[2].counts[1].option', 'motions[3].date', 'motions[4].id']);
      expect(preview.counts).toEqual({ new: 2, present: 0, invalid: 3 });
      expect(preview.rows.map((r) => r.status)).toEqual(['new', 'new', 'invalid', 'invalid', 'invalid']);
      const before = await snapshotStore(deps.db);
      const error = await commitDecisionImport(deps, testActor, organization.id, text).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'validation_failed', issues: preview.issues });
      expect(await snapshotStore(deps.db)).toEqual(before);
    });

    it('refuses a control character in a motion (issue 9: a NUL must not reach PostgreSQL), naming the JSON path, and writes nothing', async () => {
      const organization = await anOrganization(deps);
      const doc = JSON.parse(ORI_POPOLO_FIXTURE) as { motions: Record<string, unknown>[] };
      doc.motions[1]!.title = 'Motie over\u0000fietsen';
      const text = JSON.stringify(doc);
      const preview = await previewDecisionImport(deps, organization.id, text);
      expect(preview.issues.map((i) => i.path)).toEqual(['motions[1].text']);
      const before = await snapshotStore(deps.db);
      expect(await commitDecisionImport(deps, testActor, organization.id, text).catch((e: unknown) => e)).toMatchObject({ code: 'validation_failed' });
      expect(await snapshotStore(deps.db)).toEqual(before);
    });

    it('refuses what it cannot read with one issue, and knows decisions only of this organization', async () => {
      const [organization, other] = [await anOrganization(deps), await anOrganization(deps)];
      const path = async (text: string) => (await previewDecisionImport(deps, organization.id, text)).issues.map((i) => i.path);
      expect(await path('')).toEqual(['file']);
      expect(await path('{"motions": [')).toEqual(['file']);
      expect(await path('{"motions": []}')).toEqual(['motions']);
      expect(await path('\uFEFF{"motions": {}}')).toEqual(['motions']);
      await commitDecisionImport(deps, testActor, other.id, ORI_POPOLO_FIXTURE);
      expect((await previewDecisionImport(deps, organization.id, ORI_POPOLO_FIXTURE)).counts.new).toBe(4);
      await expect(previewDecisionImport(deps, '00000000-0000-4000-8000-00000000dead', ORI_POPOLO_FIXTURE)).rejects.toMatchObject({ code: 'not_found' });
    });
  });
}
