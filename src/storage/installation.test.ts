import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenDatabase } from './database';
import { installationSecret } from './installation';
import { DIALECTS, openTestDatabase } from './testing';

for (const dialect of DIALECTS) {
  describe(`installation secret on ${dialect}`, () => {
    let open: OpenDatabase;
    beforeEach(async () => {
      open = await openTestDatabase(dialect);
    });
    afterEach(() => open.close());

    it('is generated once and then always the same, also when servers start at once', async () => {
      const now = new Date('2026-11-27T10:00:00Z');
      const [a, b, c] = await Promise.all([installationSecret(open.db, now), installationSecret(open.db, now), installationSecret(open.db, now)]);
      expect(a).toHaveLength(43);
      expect(new Set([a, b, c]).size).toBe(1);
      expect(await installationSecret(open.db, now)).toBe(a);
    });
  });
}
