import type { Id } from '../../core';

/** What a subscription follows. `area` is reserved for the places module (not offered yet). */
export const SCOPES = ['change', 'group', 'organization', 'area'] as const;
export type Scope = (typeof SCOPES)[number];

/** How often a subscriber hears: at once, or once a week in one digest. */
export const FREQUENCIES = ['immediate', 'weekly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export type SubscriberId = Id<'Subscriber'>;
export type SubscriptionId = Id<'Subscription'>;

/** One e-mail address of one organization; the address and its choices are all Helder keeps. */
export interface Subscriber {
  id: SubscriberId;
  organizationId: string;
  email: string;
  createdAt: string;
}

export interface Subscription {
  id: SubscriptionId;
  subscriberId: SubscriberId;
  organizationId: string;
  scope: Scope;
  scopeId: string;
  /** The reader's group ('' for none): mails then say what a step means for that group. */
  groupId: string;
  frequency: Frequency;
  requestedAt: string;
  confirmedAt: string | null;
  expiresAt: string | null;
}

/** An unconfirmed request is deleted after this long (double opt-in). */
export const CONFIRM_TTL_MS = 72 * 3_600_000;

/** Normalizes an address for storage and comparison: trimmed, lower-cased. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/**
 * An address as shown to editors who do not need it (everyone but admins): first letter and the
 * domain, `j…@example.nl`.
 */
export const maskEmail = (email: string): string => {
  const at = email.lastIndexOf('@');
  if (at < 1) return '…';
  return `${email[0]}…${email.slice(at)}`;
};

/** Whether a request still waits for confirmation and has not expired at `now`. */
export const isPending = (s: Pick<Subscription, 'confirmedAt' | 'expiresAt'>, now: Date): boolean =>
  s.confirmedAt === null && s.expiresAt !== null && s.expiresAt > now.toISOString();
