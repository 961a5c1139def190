import { isoDate } from '../../core';
import { inTransaction } from '../../storage';
import { findOrganization, type Organization } from '../organizations';
import {
  claimDeliveries,
  claimOutboxRow,
  fanOut,
  insertDelivery,
  markAttemptFailed,
  markOutbox,
  markSent,
  selectDigestItems,
  selectHeldOrganizations,
  selectHeldSubscribers,
  selectSettings,
  takeHeldIntoDigest,
  type ClaimedDelivery,
} from './delivery.repository';
import { signLink } from './links';
import type { Mailer, OutgoingMail } from './mailer';
import type { Notice } from './notice';
import { noticeOf } from './notice.service';
import { CONFIRM_TTL_MS, isPending } from './subscription';
import { selectSubscriptionsOf } from './subscription.repository';
import { describeSubscription, type NotificationDeps } from './subscription.service';
import { renderConfirmMail, renderDigestMail, renderEventMail, type RenderedMail } from './templates';

/** What the worker needs: the deps, the public base URL (links in mails) and a mailer. */
export interface WorkerDeps extends NotificationDeps {
  baseUrl: string;
  mailer: Mailer;
}

export interface WorkerOptions {
  /** Deliveries claimed at once: the most that can be sent twice after a crash. */
  batch: number;
  /** How long a claim holds before another worker may take the mails over. */
  leaseMs: number;
  /** Attempts before a mail is `failed` (an editor can retry it). */
  maxAttempts: number;
  /** Pause when there is nothing to do. */
  idleMs: number;
}

export const WORKER_DEFAULTS: WorkerOptions = { batch: 50, leaseMs: 120_000, maxAttempts: 6, idleMs: 2_000 };

/** Waits 1, 2, 4, … minutes between attempts, at most 6 hours. */
export const backoffMs = (attempts: number): number => Math.min(6 * 3_600_000, 60_000 * 2 ** Math.max(0, attempts - 1));

/**
 * Turns pending outbox rows into deliveries, one transaction per event: the notice is fixed, the
 * audience queued (INSERT … SELECT) and the row marked, or marked `skipped` when the event is
 * worth no mail. On PostgreSQL each worker takes rows the others do not hold. Returns how many
 * rows it handled.
 */
export const fanOutPending = async (deps: NotificationDeps, max = 100): Promise<number> => {
  let handled = 0;
  for (; handled < max; handled += 1) {
    const done = await inTransaction(deps.db, async (db) => {
      const row = await claimOutboxRow(db);
      if (!row) return false;
      const found = await noticeOf({ db }, row);
      if (!found) {
        await markOutbox(db, row.id, 'skipped', null);
        return true;
      }
      await fanOut(db, row.id, found.audience, row.at, deps.clock.now().toISOString());
      await markOutbox(db, row.id, 'fanned', JSON.stringify(found.notice));
      return true;
    });
    if (!done) break;
  }
  return handled;
};

/** ISO weekday, 1 = Monday … 7 = Sunday. */
const weekday = (d: Date): number => ((d.getUTCDay() + 6) % 7) + 1;

/**
 * On an organization's digest day, gathers each weekly subscriber's held events into one digest
 * mail. The digest's id holds the date, so a second run that day adds nothing.
 */
export const composeDigests = async (deps: NotificationDeps, organizationIds: readonly string[]): Promise<number> => {
  const now = deps.clock.now();
  let made = 0;
  for (const organizationId of organizationIds) {
    const settings = await selectSettings(deps.db, organizationId);
    if (weekday(now) !== (settings?.digest_day ?? 1)) continue;
    for (const subscriberId of await selectHeldSubscribers(deps.db, organizationId)) {
      await inTransaction(deps.db, async (db) => {
        const id = `digest.${subscriberId}.${isoDate(now)}`;
        if (await insertDelivery(db, { id, organization_id: organizationId, subscriber_id: subscriberId, kind: 'digest', created_at: now.toISOString() })) {
          await takeHeldIntoDigest(db, subscriberId, id);
          made += 1;
        }
      });
    }
  }
  return made;
};

const hostOf = (baseUrl: string): string => new URL(baseUrl).hostname;

/** Renders and sends what is due; caches per call what many mails share (notices, organizations). */
class Batch {
  private notices = new Map<string, Notice>();
  private orgs = new Map<string, { organization: Organization; from: { name: string; address: string } } | undefined>();
  constructor(private readonly deps: WorkerDeps) {}

  private url(path: string): string {
    return `${this.deps.baseUrl}${path}`;
  }

  private async org(id: string) {
    if (!this.orgs.has(id)) {
      const organization = await findOrganization(this.deps, id);
      const settings = organization && (await selectSettings(this.deps.db, id));
      this.orgs.set(id, organization && { organization, from: { name: organization.name, address: settings?.sender_address ?? `noreply@${hostOf(this.deps.baseUrl)}` } });
    }
    return this.orgs.get(id);
  }

  private notice(json: string): Notice {
    let n = this.notices.get(json);
    if (!n) {
      n = JSON.parse(json) as Notice;
      this.notices.set(json, n);
    }
    return n;
  }

  /** The mail of one delivery, or undefined when there is nothing to say any more. */
  async mailOf(d: ClaimedDelivery): Promise<OutgoingMail | undefined> {
    const org = await this.org(d.organization_id);
    if (!org) return undefined;
    const slug = org.organization.slug;
    const manageUrl = this.url(`/${slug}/volgen/beheer/${signLink(this.deps.secret, 'manage', d.subscriber_id)}`);
    let rendered: RenderedMail;
    let unsubscribeUrl: string | undefined;
    if (d.kind === 'confirm') {
      const now = this.deps.clock.now();
      const pending = (await selectSubscriptionsOf(this.deps.db, d.subscriber_id)).filter((s) => isPending(s, now));
      if (pending.length === 0) return undefined;
      const labels = await Promise.all(pending.map((s) => describeSubscription(this.deps.db, s)));
      rendered = renderConfirmMail(org.organization.name, labels, this.url(`/${slug}/volgen/bevestigen/${signLink(this.deps.secret, 'confirm', d.subscriber_id)}`), CONFIRM_TTL_MS / 3_600_000);
    } else if (d.kind === 'digest') {
      const items = (await selectDigestItems(this.deps.db, d.id)).filter((i) => i.notice);
      if (items.length === 0) return undefined;
      unsubscribeUrl = `${manageUrl}/afmelden`;
      rendered = renderDigestMail(
        org.organization.name,
        items.map((i) => {
          const notice = this.notice(i.notice!);
          return { notice, groupId: i.group_id ?? '', pageUrl: this.url(`/${slug}/veranderingen/${notice.change.slug}#${notice.section}`) };
        }),
        { followed: 'berichten per week', links: { manage: manageUrl, unsubscribe: unsubscribeUrl } },
      );
    } else {
      if (!d.notice || !d.subscription_id) return undefined;
      const notice = this.notice(d.notice);
      unsubscribeUrl = this.url(`/${slug}/volgen/afmelden/${signLink(this.deps.secret, 'unsubscribe', d.subscription_id)}`);
      const followed =
        d.scope === 'change'
          ? `de verandering "${notice.change.title}"`
          : d.scope === 'group'
            ? `alles voor de groep ${notice.meanings[d.scope_id ?? '']?.name ?? ''}`
            : `alles van ${notice.organization.name}`;
      rendered = renderEventMail(notice, {
        groupId: d.group_id ?? '',
        followed,
        pageUrl: this.url(`/${slug}/veranderingen/${notice.change.slug}#${notice.section}`),
        links: { manage: manageUrl, unsubscribe: unsubscribeUrl },
      });
    }
    return {
      messageId: `<${d.id}@${hostOf(this.deps.baseUrl)}>`,
      from: org.from,
      to: d.email,
      ...rendered,
      // RFC 8058: a mail client offers "unsubscribe" and POSTs List-Unsubscribe=One-Click to the URL.
      headers: unsubscribeUrl ? { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {},
    };
  }
}

/**
 * Claims due mails, sends them with the mailer's concurrency and records each result: `sent`
 * (in groups, one statement per group), or a failed attempt with backoff, `failed` after the last.
 * Returns the counts.
 */
export const sendDue = async (deps: WorkerDeps, options: WorkerOptions = WORKER_DEFAULTS): Promise<{ sent: number; failed: number; claimed: number }> => {
  const now = deps.clock.now();
  const claimed = await claimDeliveries(deps.db, now.toISOString(), new Date(now.getTime() + options.leaseMs).toISOString(), options.batch);
  const batch = new Batch(deps);
  const sent: string[] = [];
  const cancelled: string[] = [];
  let failed = 0;
  let next = 0;
  const lane = async () => {
    while (next < claimed.length) {
      const d = claimed[next++]!;
      try {
        const mail = await batch.mailOf(d);
        if (!mail) {
          cancelled.push(d.id);
          continue;
        }
        await deps.mailer.send(mail);
        sent.push(d.id);
      } catch (error) {
        failed += 1;
        const retry = d.attempts < options.maxAttempts ? new Date(deps.clock.now().getTime() + backoffMs(d.attempts)).toISOString() : null;
        await markAttemptFailed(deps.db, d.id, error instanceof Error ? error.message : String(error), retry);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, deps.mailer.concurrency) }, lane));
  const at = deps.clock.now().toISOString();
  await markSent(deps.db, sent, deps.mailer.via, at);
  await markSent(deps.db, cancelled, 'none', at);
  return { sent: sent.length, failed, claimed: claimed.length };
};

/** One round of everything the worker does; returns whether it found work. */
export const drainOnce = async (deps: WorkerDeps, options: Partial<WorkerOptions> = {}): Promise<boolean> => {
  const fanned = await fanOutPending(deps);
  const held = await selectHeldOrganizations(deps.db);
  const digests = held.length > 0 ? await composeDigests(deps, held) : 0;
  const { claimed } = await sendDue(deps, { ...WORKER_DEFAULTS, ...options });
  return fanned + digests + claimed > 0;
};

/** A running worker: `wake` to look now (after a write), `stop` to finish the current round and end. */
export interface Worker {
  wake(): void;
  stop(): Promise<void>;
}

/**
 * Starts the background worker every app server runs: it fans out new events, composes digests on
 * their day and sends due mails, looping while there is work and sleeping `idleMs` when there is
 * none. Errors are logged and the loop goes on; a request never waits for it.
 */
export const startWorker = (deps: WorkerDeps, options: Partial<WorkerOptions> = {}, log: (error: unknown) => void = () => undefined): Worker => {
  const o = { ...WORKER_DEFAULTS, ...options };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let wakeUp: (() => void) | undefined;
  const sleep = () =>
    new Promise<void>((resolve) => {
      wakeUp = resolve;
      timer = setTimeout(resolve, o.idleMs);
      timer.unref();
    });
  const loop = (async () => {
    while (!stopped) {
      let busy = false;
      try {
        busy = await drainOnce(deps, o);
      } catch (error) {
        log(error);
      }
      if (!busy && !stopped) await sleep();
    }
  })();
  return {
    wake: () => wakeUp?.(),
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      wakeUp?.();
      await loop;
    },
  };
};
