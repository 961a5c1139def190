import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageRequest, type Actor } from '../../core';
import type { OpenDatabase } from '../../storage';
import { DIALECTS, openTestDatabase } from '../../storage/testing';
import { setChangePublished } from '../changes';
import { attempt, testActor } from '../organizations/organization.factory';
import { issueFormToken, rejectionReasonOf, VOICE_DEFAULTS } from '../polls';
import { aClient, aPolledChange, voiceDeps, type TestVoiceDeps } from '../polls/poll.factory';
import { linksClickable } from './reaction';
import { aReaction } from './reaction.factory';
import { listModerationQueue, moderateReaction, officialAnswerTimes, postOfficialAnswer, setReactionSettings } from './moderation.service';
import { getReaction, getReactionForm, listReactions, PENDING_MESSAGE, postReaction, reportReaction } from './reaction.service';

const refusal = (error: unknown) => ({ code: (error as { code?: string }).code, reason: rejectionReasonOf(error) });
const member = (organizationId: string, role: string): Actor => ({ id: `user:${role}-${organizationId.slice(0, 4)}`, label: `Sam (${role})`, roles: [{ organizationId, role }] });
const XSS = '<script>alert("x")</script><img src=x onerror=alert(1)> "quotes" & \'apostrophes\'';
const XSS_NAME = '<img src=x onerror=alert(1)>"&\'';

for (const dialect of DIALECTS) {
  describe(`reactions on ${dialect}`, () => {
    let open: OpenDatabase;
    let deps: TestVoiceDeps;

    beforeAll(async () => {
      open = await openTestDatabase(dialect);
      deps = voiceDeps(open.db);
    });
    afterAll(() => open.close());

    const publish = (id: string) => moderateReaction(deps, testActor, id, { decision: 'publish' });

    it('waits for review by default, stores every field as given, audits without name or text', async () => {
      const { change } = await aPolledChange(deps);
      const receipt = await aReaction(deps, change.id, { displayName: XSS_NAME, text: `${XSS}\r\nTweede regel` });
      expect(receipt).toMatchObject({ status: 'pending', message: PENDING_MESSAGE });
      expect(PENDING_MESSAGE).toBe('Even geduld — uw reactie wordt eerst bekeken.');
      const stored = await getReaction(deps, receipt.id);
      expect(stored).toMatchObject({ displayName: XSS_NAME, text: `${XSS}\nTweede regel`, status: 'pending', depth: 1, official: false, hidden: false });
      const audit = await open.db.selectFrom('audit_events').selectAll().where('entity_id', '=', receipt.id).execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]!.actor).toBe('system:citizen');
      expect(JSON.parse(audit[0]!.data)).toEqual({ changeId: change.id, parentId: null, status: 'pending' });
      expect((await listReactions(deps, change.id, pageRequest())).total).toBe(0);
    });

    it('shows published reactions threaded, replies under their reaction', async () => {
      const { change } = await aPolledChange(deps);
      const first = await aReaction(deps, change.id);
      const second = await aReaction(deps, change.id);
      await publish(first.id);
      await publish(second.id);
      const reply = await aReaction(deps, change.id, { parentId: first.id, role: 'ondernemer' });
      const pendingReply = await aReaction(deps, change.id, { parentId: first.id });
      await publish(reply.id);
      const page = await listReactions(deps, change.id, pageRequest());
      expect(page.items.map((t) => [t.reaction.id, t.replies.map((r) => r.id)])).toEqual([[first.id, [reply.id]], [second.id, []]]);
      expect(page.items.flatMap((t) => t.replies).map((r) => r.id)).not.toContain(pendingReply.id);
      expect((await getReaction(deps, reply.id)).depth).toBe(2);
    });

    it('publishes at once under post-moderation, links unclickable until reviewed, and queues it', async () => {
      const { change, organization } = await aPolledChange(deps);
      await setReactionSettings(deps, testActor, organization.id, { moderation: 'post', reportThreshold: 3 });
      const receipt = await aReaction(deps, change.id, { text: 'Kijk op https://example.nl/kaart voor de route.' });
      expect(receipt.status).toBe('published');
      expect(linksClickable(await getReaction(deps, receipt.id))).toBe(false);
      const queue = await listModerationQueue(deps, testActor, organization.id, pageRequest());
      expect(queue.counts).toEqual({ total: 1, pending: 0, reported: 0, unreviewed: 1 });
      await publish(receipt.id);
      expect(linksClickable(await getReaction(deps, receipt.id))).toBe(true);
      expect((await listModerationQueue(deps, testActor, organization.id, pageRequest())).counts.total).toBe(0);
    });

    describe('refuses, writing nothing', () => {
      let changeId: string;
      let client: Awaited<ReturnType<typeof aClient>>;
      beforeAll(async () => {
        changeId = (await aPolledChange(deps)).change.id;
        client = await aClient(deps);
      });
      const base = { displayName: 'Jan', role: 'inwoner', text: 'Een gewone reactie op dit plan.' } as const;
      const fresh = async (id = changeId) => {
        const { token } = await getReactionForm(deps, id);
        deps.clock.advance(5_000);
        return token;
      };
      const refused = async (input: Record<string, unknown>, id = changeId) => {
        const { error, changed } = await attempt(open.db, () => postReaction(deps, id, input as never, client));
        expect(changed).toEqual([]);
        return refusal(error);
      };

      it('a filled honeypot', async () => {
        expect(await refused({ ...base, token: await fresh(), website: 'https://spam.example' })).toEqual({ code: 'validation_failed', reason: 'honeypot' });
      });

      it('a form sent faster than a person can fill it', async () => {
        const { token } = await getReactionForm(deps, changeId);
        deps.clock.advance(1_000);
        expect(await refused({ ...base, token })).toEqual({ code: 'validation_failed', reason: 'too_fast' });
      });

      it('a missing, forged, foreign or expired form token', async () => {
        expect(await refused({ ...base })).toEqual({ code: 'validation_failed', reason: 'form_missing' });
        const token = await fresh();
        expect(await refused({ ...base, token: token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) })).toEqual({ code: 'validation_failed', reason: 'form_invalid' });
        const poll = issueFormToken(deps, 'poll', changeId).token;
        deps.clock.advance(5_000);
        expect(await refused({ ...base, token: poll })).toEqual({ code: 'validation_failed', reason: 'form_invalid' });
        const old = await fresh();
        deps.clock.advance(VOICE_DEFAULTS.formMaxAgeMs + 1);
        client = await aClient(deps);
        expect(await refused({ ...base, token: old })).toEqual({ code: 'validation_failed', reason: 'form_expired' });
      });

      it('a duplicate text, also with other case and spacing', async () => {
        await postReaction(deps, changeId, { ...base, text: 'Dit is precies dezelfde tekst.', token: await fresh() }, await aClient(deps));
        expect(await refused({ ...base, text: '  dit is PRECIES   dezelfde tekst. ', token: await fresh() })).toEqual({ code: 'conflict', reason: 'duplicate' });
      });

      it('texts too long, empty, with control characters; no name; an unknown role', async () => {
        const token = await fresh();
        for (const bad of [
          { ...base, text: 'x'.repeat(2001) },
          { ...base, text: '   ' },
          { ...base, text: 'nul\u0000byte' },
          { ...base, displayName: ' ' },
          { ...base, displayName: 'n'.repeat(61) },
          { ...base, role: 'wethouder' },
          { ...base, parentId: 'not-an-id' },
        ]) {
          expect(await refused({ ...bad, token })).toEqual({ code: 'validation_failed', reason: 'invalid_input' });
        }
        await postReaction(deps, changeId, { ...base, text: 'y'.repeat(2000), token }, await aClient(deps));
      });

      it('a reply to a reply (depth 3), and to a reaction not yet published', async () => {
        const top = await aReaction(deps, changeId);
        await publish(top.id);
        const reply = await aReaction(deps, changeId, { parentId: top.id });
        await publish(reply.id);
        expect(await refused({ ...base, parentId: reply.id, token: await fresh() })).toEqual({ code: 'validation_failed', reason: 'invalid_input' });
        const pending = await aReaction(deps, changeId);
        expect(await refused({ ...base, parentId: pending.id, token: await fresh() })).toMatchObject({ code: 'not_found' });
      });

      it('a reaction on a change that is not published', async () => {
        const { change } = await aPolledChange(deps);
        const token = await fresh(change.id);
        await setChangePublished(deps, testActor, change.id, false);
        expect(await refused({ ...base, token }, change.id)).toMatchObject({ code: 'not_found' });
      });

      it('more reactions from one address than the limit', async () => {
        const limited = { ...deps, voice: { rules: { ...VOICE_DEFAULTS.rules, reaction: { name: 'reaction', max: 2, windowMs: 600_000 } } } };
        const one = await aClient(deps, '203.0.113.50');
        await aReaction(limited, changeId, {}, one);
        await aReaction(limited, changeId, {}, one);
        const token = await fresh();
        const { error, changed } = await attempt(open.db, () => postReaction(limited, changeId, { ...base, text: 'Nog een keer iets anders.', token }, one));
        expect(changed).toEqual([]);
        expect(refusal(error)).toEqual({ code: 'rate_limited', reason: 'rate_limited' });
      });
    });

    describe('reports', () => {
      it('count each reporter once, hide at the threshold, and a moderator restores', async () => {
        const { change, organization } = await aPolledChange(deps);
        const { id } = await aReaction(deps, change.id);
        await publish(id);
        const [a, b, c] = await Promise.all(['192.0.2.1', '192.0.2.2', '192.0.2.3'].map((ip) => aClient(deps, ip)));
        expect((await reportReaction(deps, id, { reason: 'spam' }, a!)).counted).toBe(true);
        expect((await reportReaction(deps, id, { reason: 'offensive' }, a!)).counted).toBe(false);
        await Promise.all([1, 2, 3].map(() => reportReaction(deps, id, { reason: 'spam' }, b!)));
        expect(await getReaction(deps, id)).toMatchObject({ reportCount: 2, hidden: false });
        await reportReaction(deps, id, { reason: 'off_topic' }, c!);
        expect(await getReaction(deps, id)).toMatchObject({ reportCount: 3, hidden: true });
        expect((await listReactions(deps, change.id, pageRequest())).total).toBe(0);
        expect((await listModerationQueue(deps, testActor, organization.id, pageRequest())).counts).toMatchObject({ reported: 1 });
        await publish(id);
        expect(await getReaction(deps, id)).toMatchObject({ reportCount: 0, hidden: false, status: 'published' });
        expect((await listReactions(deps, change.id, pageRequest())).total).toBe(1);
      });

      it('refuse reports on reactions readers cannot see, and unknown reasons', async () => {
        const { change } = await aPolledChange(deps);
        const { id } = await aReaction(deps, change.id);
        const client = await aClient(deps);
        await expect(reportReaction(deps, id, { reason: 'spam' }, client)).rejects.toMatchObject({ code: 'not_found' });
        await publish(id);
        await expect(reportReaction(deps, id, { reason: 'boring' as never }, client)).rejects.toMatchObject({ code: 'validation_failed' });
      });

      it('follow the organization\'s threshold', async () => {
        const { change, organization } = await aPolledChange(deps);
        await setReactionSettings(deps, testActor, organization.id, { moderation: 'pre', reportThreshold: 1 });
        const { id } = await aReaction(deps, change.id);
        await publish(id);
        await reportReaction(deps, id, { reason: 'spam' }, await aClient(deps));
        expect((await getReaction(deps, id)).hidden).toBe(true);
      });
    });

    describe('moderation', () => {
      it('lists the queue oldest first with counts, in pages', async () => {
        const { change, organization } = await aPolledChange(deps);
        const ids = [];
        for (let i = 0; i < 3; i += 1) ids.push((await aReaction(deps, change.id)).id);
        const moderator = member(organization.id, 'moderator');
        const first = await listModerationQueue(deps, moderator, organization.id, { page: 1, size: 2 });
        expect(first.page.items.map((r) => r.id)).toEqual(ids.slice(0, 2));
        expect(first.page.total).toBe(3);
        expect(first.counts).toEqual({ total: 3, pending: 3, reported: 0, unreviewed: 0 });
        expect((await listModerationQueue(deps, moderator, organization.id, { page: 2, size: 2 })).page.items.map((r) => r.id)).toEqual([ids[2]]);
        await moderateReaction(deps, moderator, ids[0]!, { decision: 'reject', reason: 'Scheldwoorden' });
        expect(await getReaction(deps, ids[0]!)).toMatchObject({ status: 'rejected', rejectionReason: 'Scheldwoorden', reviewedBy: moderator.id });
        expect((await listModerationQueue(deps, moderator, organization.id, pageRequest())).counts.pending).toBe(2);
      });

      it('is for moderators (and admins) of the organization only; a rejection needs a reason', async () => {
        const { change, organization } = await aPolledChange(deps);
        const other = await aPolledChange(deps);
        const { id } = await aReaction(deps, change.id);
        for (const actor of [member(organization.id, 'editor'), member(organization.id, 'communicator'), member(other.organization.id, 'moderator'), { id: 'system:citizen', label: 'citizen' }]) {
          await expect(listModerationQueue(deps, actor, organization.id, pageRequest())).rejects.toMatchObject({ code: 'forbidden' });
          const { error, changed } = await attempt(open.db, () => moderateReaction(deps, actor, id, { decision: 'publish' }));
          expect([(error as { code: string }).code, changed]).toEqual(['forbidden', []]);
        }
        await expect(moderateReaction(deps, member(organization.id, 'moderator'), id, { decision: 'reject' })).rejects.toMatchObject({ code: 'validation_failed' });
      });
    });

    describe('official answers', () => {
      it('are published at once, marked official, and measure the time to answer', async () => {
        const { change, organization } = await aPolledChange(deps);
        const question = await aReaction(deps, change.id);
        await publish(question.id);
        const unanswered = await aReaction(deps, change.id);
        await publish(unanswered.id);
        deps.clock.advance(2 * 3_600_000);
        const communicator = member(organization.id, 'communicator');
        const answer = await postOfficialAnswer(deps, communicator, change.id, { parentId: question.id, text: 'Dank voor uw vraag. De stalling opent in mei.' });
        expect(answer).toMatchObject({ official: true, status: 'published', depth: 2, displayName: 'Sam (communicator)', authorActorId: communicator.id });
        expect(linksClickable(answer)).toBe(true);
        deps.clock.advance(3_600_000);
        await postOfficialAnswer(deps, communicator, change.id, { parentId: question.id, text: 'Aanvulling: ook op zondag open.' });
        const times = await officialAnswerTimes(deps, change.id);
        expect(times.reactions).toBe(2);
        expect(times.answered).toBe(1);
        expect(times.medianHours).toBeCloseTo(2 + 5_000 / 3_600_000 + 0, 2);
        expect(times.firstAnswerHours).toBeGreaterThan(2);
        const thread = (await listReactions(deps, change.id, pageRequest())).items.find((t) => t.reaction.id === question.id)!;
        expect(thread.replies.map((r) => r.official)).toEqual([true, true]);
      });

      it('are refused to auditors and to members of other organizations', async () => {
        const { change, organization } = await aPolledChange(deps);
        const other = await aPolledChange(deps);
        for (const actor of [member(organization.id, 'auditor'), member(other.organization.id, 'communicator')]) {
          await expect(postOfficialAnswer(deps, actor, change.id, { text: 'Officieel antwoord.' })).rejects.toMatchObject({ code: 'forbidden' });
        }
      });
    });

    it('lets only admins switch the moderation mode', async () => {
      const { organization } = await aPolledChange(deps);
      await expect(setReactionSettings(deps, member(organization.id, 'moderator'), organization.id, { moderation: 'post', reportThreshold: 3 })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(setReactionSettings(deps, member(organization.id, 'admin'), organization.id, { moderation: 'post', reportThreshold: 5 })).resolves.toEqual({ moderation: 'post', reportThreshold: 5 });
    });
  });
}
