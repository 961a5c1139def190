import { AppError, newId, parseInput, type Actor } from '../../core';
import { inTransaction, type Db, type Deps } from '../../storage';
import { findChange } from '../changes';
import { findGroup } from '../groups';
import { findOrganization, getOrganization } from '../organizations';
import { hashClientAddress, rejection, throttle, verifyFormToken, type ClientHash, type ThrottleRule } from '../polls';
import { can, isSystemActor } from '../users';
import { insertDelivery, selectDeliveriesOf } from './delivery.repository';
import { signLink, verifyLink } from './links';
import { CONFIRM_TTL_MS, isPending, maskEmail, normalizeEmail, type Scope, type Subscriber, type Subscription, type SubscriptionId } from './subscription';
import { subscribeSchema, type SubscribeInput } from './subscription.schema';
import {
  confirmPending,
  countSubscriptionsOf,
  deleteSubscriberRows,
  deleteSubscriptionRow,
  pruneExpired,
  selectSubscriber,
  selectSubscriberByEmail,
  selectSubscription,
  selectSubscriptionsOf,
  updateFrequency,
  upsertSubscriber,
  upsertSubscription,
} from './subscription.repository';

/** What subscription use cases receive: the deps plus the server secret (signed links and form tokens). */
export interface NotificationDeps extends Deps {
  secret: string;
}

const HOUR = 3_600_000;

/**
 * Limits on subscribe requests: per client address (hashed, like the citizen-voice forms) and per
 * e-mail address, so no one can use the form to fill someone's mailbox with confirmation mails.
 */
export const SUBSCRIBE_LIMITS: Record<'perClient' | 'perEmail', ThrottleRule> = {
  perClient: { name: 'subscribe', max: 10, windowMs: HOUR },
  perEmail: { name: 'subscribe-mail', max: 3, windowMs: 24 * HOUR },
};

/** The least time between showing the form and sending it (a person types an address). */
export const SUBSCRIBE_MIN_FILL_MS = 2_000;

/** A subscribe form as posted: the request plus the signed form token and the honeypot field. */
export type SubscribeForm = SubscribeInput & { token?: string | undefined; website?: string | undefined };

const checkScopes = async (db: Db, organizationId: string, input: ReturnType<typeof subscribeSchema.parse>): Promise<{ scope: Scope; scopeId: string; groupId: string }[]> => {
  const badGroup = () => new AppError('validation_failed', 'unknown group', { issues: [{ path: 'groupIds', message: 'unknown group' }] });
  for (const id of input.groupIds) if ((await findGroup({ db }, id))?.organizationId !== organizationId) throw badGroup();
  if (input.scope === 'change') {
    const change = await findChange({ db }, input.changeId!);
    if (!change?.publishedAt || change.organizationId !== organizationId) throw new AppError('not_found', 'change not found');
    return [{ scope: 'change', scopeId: change.id, groupId: input.groupIds[0] ?? '' }];
  }
  if (input.scope === 'group') return [...new Set(input.groupIds)].map((id) => ({ scope: 'group' as const, scopeId: id, groupId: id }));
  return [{ scope: 'organization', scopeId: organizationId, groupId: '' }];
};

/**
 * A resident asks to follow something (double opt-in): the request is stored unconfirmed with an
 * expiry, and one confirmation mail is queued. An address that already follows (or already has
 * an open request for) the same thing gets no second mail, and the answer is the same either way:
 * the form reveals nothing about who subscribed. Throws the citizen-voice refusals (`honeypot`,
 * `form_*`, `too_fast`, `rate_limited`), `validation_failed`, `not_found`.
 */
export const requestSubscription = async (deps: NotificationDeps, organizationId: string, form: SubscribeForm, client: ClientHash): Promise<void> => {
  if (form.website) throw rejection('honeypot', 'Dit formulier is niet goed ingevuld.', 'website');
  verifyFormToken(deps, 'subscribe', organizationId, form.token, SUBSCRIBE_MIN_FILL_MS);
  const input = parseInput(subscribeSchema, form);
  const organization = await getOrganization(deps, organizationId);
  const email = normalizeEmail(input.email);
  const emailKey = await hashClientAddress(deps, `mail:${email}`);
  await inTransaction(deps.db, async (db) => {
    const now = deps.clock.now();
    await throttle(db, now, SUBSCRIBE_LIMITS.perClient, client);
    await throttle(db, now, SUBSCRIBE_LIMITS.perEmail, emailKey);
    const scopes = await checkScopes(db, organization.id, input);
    const subscriber = await upsertSubscriber(db, { id: newId<'Subscriber'>(), organizationId: organization.id, email, createdAt: now.toISOString() });
    const existing = await selectSubscriptionsOf(db, subscriber.id);
    let fresh = 0;
    for (const s of scopes) {
      const found = existing.find((e) => e.scope === s.scope && e.scopeId === s.scopeId && e.groupId === s.groupId);
      if (found && (found.confirmedAt || isPending(found, now))) continue;
      fresh += 1;
      await upsertSubscription(db, {
        id: newId<'Subscription'>(),
        subscriberId: subscriber.id,
        organizationId: organization.id,
        ...s,
        frequency: input.frequency,
        requestedAt: now.toISOString(),
        confirmedAt: null,
        expiresAt: new Date(now.getTime() + CONFIRM_TTL_MS).toISOString(),
      });
    }
    if (fresh > 0) {
      await insertDelivery(db, { id: `confirm.${subscriber.id}.${now.getTime().toString(36)}`, organization_id: organization.id, subscriber_id: subscriber.id, kind: 'confirm', created_at: now.toISOString() });
    }
  });
};

/** The link tokens of a subscriber and a subscription, for mails and pages. */
export const manageToken = (deps: Pick<NotificationDeps, 'secret'>, subscriberId: string): string => signLink(deps.secret, 'manage', subscriberId);
export const unsubscribeToken = (deps: Pick<NotificationDeps, 'secret'>, subscriptionId: string): string => signLink(deps.secret, 'unsubscribe', subscriptionId);
export const confirmToken = (deps: Pick<NotificationDeps, 'secret'>, subscriberId: string): string => signLink(deps.secret, 'confirm', subscriberId);

/**
 * Confirms every open request of the subscriber a confirmation link names. Returns how many were
 * confirmed (0: already confirmed, expired, or a link that is not ours) and the manage token.
 */
export const confirmSubscriptions = async (deps: NotificationDeps, token: string | undefined): Promise<{ confirmed: number; manage?: string }> => {
  const id = verifyLink(deps.secret, 'confirm', token);
  if (!id) return { confirmed: 0 };
  return inTransaction(deps.db, async (db) => {
    const subscriber = await selectSubscriber(db, id);
    if (!subscriber) return { confirmed: 0 };
    const confirmed = await confirmPending(db, subscriber.id, deps.clock.now().toISOString());
    return { confirmed, manage: manageToken(deps, subscriber.id) };
  });
};

/** Removes a subscriber once nothing is left to follow (AVG: keep no address without a purpose). */
const dropIfEmpty = async (db: Db, subscriberId: string): Promise<boolean> => {
  if ((await countSubscriptionsOf(db, subscriberId)) > 0) return false;
  await deleteSubscriberRows(db, subscriberId);
  return true;
};

/**
 * One-click unsubscribe (RFC 8058): ends the subscription a link names; the address is deleted
 * when it follows nothing else. Idempotent: a second click finds nothing and says the same.
 * Returns what was followed (for the page) or undefined for a link that is not ours.
 */
export const unsubscribe = async (deps: NotificationDeps, token: string | undefined): Promise<{ done: boolean; manage?: string } | undefined> => {
  const id = verifyLink(deps.secret, 'unsubscribe', token);
  if (!id) return undefined;
  return inTransaction(deps.db, async (db) => {
    const subscription = await selectSubscription(db, id);
    if (!subscription) return { done: true };
    await deleteSubscriptionRow(db, subscription.id);
    const gone = await dropIfEmpty(db, subscription.subscriberId);
    return gone ? { done: true } : { done: true, manage: manageToken(deps, subscription.subscriberId) };
  });
};

/** One line of the manage page: a subscription, what it follows in words, and its own way out. */
export interface ManagedSubscription {
  subscription: Subscription;
  label: string;
  unsubscribeToken: string;
}

/** What a subscription follows, in words ("de verandering …", "alles voor …", "alles van …"). */
export const describeSubscription = async (db: Db, s: Pick<Subscription, 'scope' | 'scopeId' | 'groupId'>): Promise<string> => {
  const group = s.groupId ? await findGroup({ db }, s.groupId) : undefined;
  if (s.scope === 'change') {
    const change = await findChange({ db }, s.scopeId);
    return `de verandering "${change?.title ?? 'onbekend'}"${group ? ` (voor ${group.name})` : ''}`;
  }
  if (s.scope === 'group') return `alles voor de groep ${group?.name ?? 'onbekend'}`;
  const organization = await findOrganization({ db }, s.scopeId);
  return `alles van ${organization?.name ?? 'de organisatie'}`;
};

/** The manage page of the subscriber a signed link names, or undefined when the link is not (or no longer) valid. */
export const getManagePage = async (deps: NotificationDeps, token: string | undefined): Promise<{ subscriber: Subscriber; items: ManagedSubscription[] } | undefined> => {
  const id = verifyLink(deps.secret, 'manage', token);
  const subscriber = id ? await selectSubscriber(deps.db, id) : undefined;
  if (!subscriber) return undefined;
  const now = deps.clock.now();
  const subs = (await selectSubscriptionsOf(deps.db, subscriber.id)).filter((s) => s.confirmedAt || isPending(s, now));
  const items = await Promise.all(subs.map(async (s) => ({ subscription: s, label: await describeSubscription(deps.db, s), unsubscribeToken: unsubscribeToken(deps, s.id) })));
  return { subscriber, items };
};

/** Changes how often one subscription of the manage link's subscriber is sent. */
export const setSubscriptionFrequency = async (deps: NotificationDeps, token: string | undefined, subscriptionId: string, frequency: 'immediate' | 'weekly'): Promise<boolean> => {
  const id = verifyLink(deps.secret, 'manage', token);
  if (!id) return false;
  const s = await selectSubscription(deps.db, subscriptionId);
  if (s?.subscriberId !== id) return false;
  await updateFrequency(deps.db, s.id as SubscriptionId, frequency);
  return true;
};

/** Ends every subscription of the manage link's subscriber and deletes the address. */
export const unsubscribeAll = async (deps: NotificationDeps, token: string | undefined): Promise<boolean> => {
  const id = verifyLink(deps.secret, 'manage', token);
  if (!id) return false;
  await inTransaction(deps.db, (db) => deleteSubscriberRows(db, id));
  return true;
};

/** Deletes expired, unconfirmed requests and addresses left without any. Run it hourly. */
export const pruneSubscriptions = (deps: Deps): Promise<number> => inTransaction(deps.db, (db) => pruneExpired(db, deps.clock.now().toISOString()));

const adminOnly = (actor: Actor, organizationId: string) => {
  if (!isSystemActor(actor) && !can(actor, 'users.manage', organizationId)) throw new AppError('forbidden', 'only an admin may see or delete a subscriber');
};

/** Everything Helder keeps about one address (AVG art. 15): admins only. Undefined when unknown. */
export const exportSubscriber = async (deps: Deps, actor: Actor, organizationId: string, email: string) => {
  adminOnly(actor, organizationId);
  const subscriber = await selectSubscriberByEmail(deps.db, organizationId, normalizeEmail(email));
  if (!subscriber) return undefined;
  const subscriptions = await selectSubscriptionsOf(deps.db, subscriber.id);
  return {
    email: subscriber.email,
    createdAt: subscriber.createdAt,
    subscriptions: await Promise.all(subscriptions.map(async (s) => ({ follows: await describeSubscription(deps.db, s), frequency: s.frequency, requestedAt: s.requestedAt, confirmedAt: s.confirmedAt }))),
    mails: await selectDeliveriesOf(deps.db, subscriber.id),
  };
};

/** Deletes one address with its subscriptions and mail rows (AVG art. 17): admins only. */
export const deleteSubscriber = async (deps: Deps, actor: Actor, organizationId: string, email: string): Promise<boolean> => {
  adminOnly(actor, organizationId);
  return inTransaction(deps.db, async (db) => {
    const subscriber = await selectSubscriberByEmail(db, organizationId, normalizeEmail(email));
    if (!subscriber) return false;
    await deleteSubscriberRows(db, subscriber.id);
    return true;
  });
};

/** An address as this actor may see it: in full for admins, masked for everyone else. */
export const addressFor = (actor: Actor, organizationId: string, email: string): string =>
  isSystemActor(actor) || can(actor, 'users.manage', organizationId) ? email : maskEmail(email);
