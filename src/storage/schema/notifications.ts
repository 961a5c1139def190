/**
 * The outbox of register events: one row per audit event that changed the register, written by
 * `appendAudit` in the same transaction as the event, so no event worth a mail can be lost.
 * The notifications worker turns a row into deliveries (`fanned`) or decides it is worth none
 * (`skipped`).
 */
export interface NotificationOutboxTable {
  id: string;
  organization_id: string;
  seq: number;
  action: string;
  entity_type: string;
  entity_id: string;
  data: string;
  at: string;
  /** pending | fanned | skipped */
  state: string;
  /** What the mail says (JSON), fixed once when the event is fanned out; null while pending. */
  notice: string | null;
}

/** One e-mail address that follows something of one organization. Nothing else is kept. */
export interface SubscriberTable {
  id: string;
  organization_id: string;
  /** Lower-cased address. */
  email: string;
  created_at: string;
}

/** What a subscriber follows: a change, a group, an area (reserved) or the whole organization. */
export interface SubscriptionTable {
  id: string;
  subscriber_id: string;
  organization_id: string;
  /** change | group | area | organization */
  scope: string;
  /** The change, group or area id; the organization id for `organization`. */
  scope_id: string;
  /** The reader's group, whose meaning a mail spells out ('' for none). */
  group_id: string;
  /** immediate | weekly */
  frequency: string;
  requested_at: string;
  /** null until the address owner confirmed (double opt-in). */
  confirmed_at: string | null;
  /** When an unconfirmed request is deleted. */
  expires_at: string | null;
}

/** One mail to one subscriber: a confirmation, an event, or a weekly digest. */
export interface NotificationDeliveryTable {
  id: string;
  organization_id: string;
  subscriber_id: string;
  subscription_id: string | null;
  outbox_id: string | null;
  /** confirm | event | digest */
  kind: string;
  /** pending | sending | sent | failed | held | digested */
  state: string;
  attempts: number;
  next_attempt_at: string;
  /** While `sending`: when another worker may take it over (the sender crashed). */
  lease_until: string | null;
  last_error: string | null;
  /** smtp | file: how it left, so the editor can say "not sent: no mail server configured". */
  via: string | null;
  sent_at: string | null;
  created_at: string;
  /** For `held` rows taken into a digest: that digest's delivery id. */
  digest_id: string | null;
}

/** Per organization: the sender address and the weekday of the digest (1 = Monday … 7 = Sunday). */
export interface NotificationSettingsTable {
  organization_id: string;
  sender_address: string;
  digest_day: number;
}
