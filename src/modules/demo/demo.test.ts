import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core';
import { DIALECTS, openTestDatabase } from '../../storage/testing';
import { verifyChain, type OpenDatabase } from '../../storage';
import { seedDemo } from './index';

for (const dialect of DIALECTS) {
  describe(`demo seed on ${dialect}`, () => {
    let open: OpenDatabase;
    beforeEach(async () => {
      open = await openTestDatabase(dialect);
    });
    afterEach(() => open.close());

    it('seeds', async () => {
      const result = await seedDemo({ db: open.db, clock: fixedClock('2026-11-27T09:00:00Z') });
      expect(result.created).toBe(true);
      expect((await verifyChain(open.db, result.organizationId)).ok).toBe(true);
    });
  });
}
