import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, systemActor } from '../../core';
import { DIALECTS, openTestDatabase } from '../../storage/testing';
import { verifyChain, type OpenDatabase } from '../../storage';
import { selectChangesOf } from '../changes';
import { getPerception } from '../polls';
import { listModerationQueue, listReactions } from '../reactions';
import { seedDemo, seedDemoCitizenVoice } from './index';

for (const dialect of DIALECTS) {
  describe(`demo citizen voice on ${dialect}`, () => {
    let open: OpenDatabase;
    beforeEach(async () => {
      open = await openTestDatabase(dialect);
    });
    afterEach(() => open.close());

    it('gives every published change poll answers with groups shown apart and a small group merged, and reactions to read and to moderate', async () => {
      const deps = { db: open.db, clock: fixedClock('2026-11-27T09:00:00Z') };
      const { organizationId } = await seedDemo(deps);
      const result = await seedDemoCitizenVoice(deps, organizationId);
      expect(result.answers).toBeGreaterThan(100);
      expect(result.reactions).toBeGreaterThanOrEqual(5);
      const published = (await selectChangesOf(open.db, organizationId)).filter((c) => c.publishedAt);
      for (const change of published) {
        const p = await getPerception(deps, change.id);
        expect(p.respondents, change.slug).toBeGreaterThanOrEqual(20);
        expect(p.total, change.slug).not.toBeNull();
        expect(p.other, change.slug).not.toBeNull();
      }
      const shownApart = await Promise.all(published.map(async (c) => (await getPerception(deps, c.id)).groups.length));
      expect(Math.max(...shownApart)).toBeGreaterThanOrEqual(2);
      const withExperience = await Promise.all(published.map(async (c) => (await getPerception(deps, c.id)).total?.perceivedSuccess ?? null));
      expect(withExperience.some((x) => x !== null)).toBe(true);
      const threads = await listReactions(deps, published[0]!.id, { page: 1, size: 20 });
      expect(threads.items.some((t) => t.replies.some((r) => r.official))).toBe(true);
      const queue = await listModerationQueue(deps, systemActor('test'), organizationId, { page: 1, size: 20 });
      expect(queue.counts.pending).toBeGreaterThanOrEqual(1);
      expect(await verifyChain(open.db, organizationId)).toMatchObject({ ok: true });
      // Idempotent: a second run adds nothing.
      expect(await seedDemoCitizenVoice(deps, organizationId)).toEqual({ answers: 0, reactions: 0 });
    });
  });
}
