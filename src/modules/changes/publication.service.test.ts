import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemActor, type Actor } from '../../core';
import { auditOf, type OpenDatabase } from '../../storage';
import { DIALECTS, openTestDatabase } from '../../storage/testing';
import type { Organization } from '../organizations';
import { anOrganization, attempt, testDeps } from '../organizations/organization.factory';
import { actorOfUser, type Role } from '../users';
import { aChange } from './change.factory';
import { getChange, setChangePublished } from './change.service';
import { canPublish, canRequestReview, isFourEyes } from './publication';
import { getPublication, publishChange, requestReview, returnToDraft, takePublicationStep } from './publication.service';

const person = (id: string, organizationId: string, role: Role): Actor => actorOfUser({ id, name: id } as unknown as Parameters<typeof actorOfUser>[0], [{ organizationId, role }] as unknown as Parameters<typeof actorOfUser>[1]);

describe('publication policies', () => {
  it('lets editors and admins ask for review, communicators and admins publish, and nobody publish their own request', () => {
    const roles: Role[] = ['admin', 'editor', 'communicator', 'moderator', 'auditor'];
    expect(roles.filter((r) => canRequestReview(person('u', 'o', r), 'o'))).toEqual(['admin', 'editor']);
    expect(roles.filter((r) => canPublish(person('u', 'o', r), 'o'))).toEqual(['admin', 'communicator']);
    expect(canPublish(person('u', 'other', 'admin'), 'o')).toBe(false);
    expect(isFourEyes({ reviewRequestedBy: 'u' }, { id: 'u' })).toBe(false);
    expect(isFourEyes({ reviewRequestedBy: 'u' }, { id: 'v' })).toBe(true);
  });
});

for (const dialect of DIALECTS) {
  describe(`publication workflow on ${dialect}`, () => {
    let open: OpenDatabase;
    let deps: ReturnType<typeof testDeps>;
    let org: Organization;
    let editor: Actor;
    let communicator: Actor;
    beforeEach(async () => {
      open = await openTestDatabase(dialect);
      deps = testDeps(open.db);
      org = await anOrganization(deps);
      editor = person('user-editor', org.id, 'editor');
      communicator = person('user-communicator', org.id, 'communicator');
    });
    afterEach(() => open.close());
    const refuse = async (useCase: () => Promise<unknown>, code: string) => {
      const { error, changed } = await attempt(open.db, useCase);
      expect((error as { code?: string }).code).toBe(code);
      expect(changed).toEqual([]);
    };

    it('goes draft → ready for review → published, recording who and when, with audit entries', async () => {
      const change = await aChange(deps, org.id);
      expect((await getPublication(deps, change.id)).state).toBe('draft');
      const review = await requestReview(deps, editor, change.id);
      expect(review).toMatchObject({ state: 'ready_for_review', reviewRequestedBy: 'user:user-editor', reviewRequestedAt: '2026-06-01T10:00:00.000Z', publishedAt: null });
      expect((await getChange(deps, change.id)).publishedAt).toBeNull();
      deps.clock.advance(60_000);
      const published = await publishChange(deps, communicator, change.id);
      expect(published).toMatchObject({ state: 'published', publishedBy: 'user:user-communicator', publishedAt: '2026-06-01T10:01:00.000Z', reviewRequestedBy: 'user:user-editor' });
      expect((await getChange(deps, change.id)).publishedAt).toBe('2026-06-01T10:01:00.000Z');
      expect((await getPublication(deps, change.id)).state).toBe('published');
      const actions = (await auditOf(open.db, 'change', change.id)).map((e) => [e.action, e.actor]);
      expect(actions).toEqual(expect.arrayContaining([['change.review_requested', 'user:user-editor'], ['change.published', 'user:user-communicator']]));
      const withdrawn = await returnToDraft(deps, communicator, change.id);
      expect(withdrawn.state).toBe('draft');
      expect((await getChange(deps, change.id)).publishedAt).toBeNull();
    });

    it('refuses the wrong role, the wrong state, and publishing your own request — writing nothing', async () => {
      const change = await aChange(deps, org.id);
      await refuse(() => requestReview(deps, communicator, change.id), 'forbidden');
      await refuse(() => publishChange(deps, communicator, change.id), 'invalid_state');
      await refuse(() => returnToDraft(deps, editor, change.id), 'invalid_state');
      const admin = person('user-admin', org.id, 'admin');
      await requestReview(deps, admin, change.id);
      await refuse(() => requestReview(deps, editor, change.id), 'invalid_state');
      await refuse(() => publishChange(deps, editor, change.id), 'forbidden');
      await refuse(() => publishChange(deps, admin, change.id), 'forbidden');
      await refuse(() => publishChange(deps, person('x', 'another-org', 'communicator'), change.id), 'forbidden');
      expect((await returnToDraft(deps, editor, change.id)).state).toBe('draft');
    });

    it('lets only the installation publish directly: a person goes through review (issue 9)', async () => {
      const change = await aChange(deps, org.id);
      await refuse(() => setChangePublished(deps, editor, change.id, true), 'forbidden');
      await refuse(() => setChangePublished(deps, person('user-admin', org.id, 'admin'), change.id, true), 'forbidden');
      expect((await getChange(deps, change.id)).publishedAt).toBeNull();
      await setChangePublished(deps, systemActor('seed'), change.id, true);
      expect(await getPublication(deps, change.id)).toMatchObject({ state: 'published', publishedBy: null });
    });

    it('takes the named steps of the one table, and nothing else', async () => {
      const change = await aChange(deps, org.id);
      expect((await takePublicationStep(deps, editor, change.id, 'request_review')).state).toBe('ready_for_review');
      for (const name of ['__proto__', 'toString', 'constructor', 'publiceren']) await refuse(() => takePublicationStep(deps, communicator, change.id, name), 'validation_failed');
      await refuse(() => takePublicationStep(deps, editor, change.id, 'publish'), 'forbidden');
      expect(await takePublicationStep(deps, communicator, change.id, 'publish')).toMatchObject({ state: 'published', publishedBy: 'user:user-communicator' });
    });
  });
}
