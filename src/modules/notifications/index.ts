/**
 * Volgen / Notifications: residents follow a change, a group or their organization by e-mail,
 * without an account (double opt-in, one-click unsubscribe), and hear in B1 Dutch when something
 * moves. Register events reach the outbox in the transaction that writes them (storage/audit.ts);
 * the worker here fans them out to subscribers and sends through a `Mailer` adapter.
 * docs/notifications.md explains the whole flow.
 */
export type { Scope, Frequency, Subscriber, SubscriberId, Subscription, SubscriptionId } from './subscription';
/** Closed lists, the confirmation window, and pure rules on addresses and requests. */
export { SCOPES, FREQUENCIES, CONFIRM_TTL_MS, normalizeEmail, maskEmail, isPending } from './subscription';
/** Zod schemas of a subscribe request and of the mail settings. */
export { subscribeSchema, settingsSchema } from './subscription.schema';
export type { SubscribeInput, SettingsInput } from './subscription.schema';
/** What a mail says about an event, and the kinds of event worth one. */
export type { Notice, NoticeKind, GroupMeaning } from './notice';
export { NOTICE_KINDS } from './notice';
/** The notice of an outbox row and who it reaches (undefined: worth no mail). */
export { noticeOf, dutchDate } from './notice.service';
/** The B1 mail templates: one event, a weekly digest, a confirmation. Pure. */
export { renderEventMail, renderDigestMail, renderConfirmMail } from './templates';
export type { RenderedMail, MailLinks } from './templates';
/** Signed links (confirm, manage, unsubscribe). */
export { signLink, verifyLink } from './links';
export type { LinkPurpose } from './links';
/** The port mail leaves through; adapters implement it. */
export type { Mailer, OutgoingMail } from './mailer';
/**
 * Residents' use cases: request (double opt-in, rate limited, reveals nothing), confirm,
 * one-click unsubscribe, the manage page, and the hourly prune of expired requests.
 */
export {
  requestSubscription,
  confirmSubscriptions,
  unsubscribe,
  unsubscribeAll,
  getManagePage,
  setSubscriptionFrequency,
  describeSubscription,
  pruneSubscriptions,
  manageToken,
  unsubscribeToken,
  confirmToken,
  SUBSCRIBE_LIMITS,
  SUBSCRIBE_MIN_FILL_MS,
} from './subscription.service';
export type { NotificationDeps, SubscribeForm, ManagedSubscription } from './subscription.service';
/** Admins: everything kept about one address (export) and deleting it. Throw `forbidden`. */
export { exportSubscriber, deleteSubscriber, addressFor } from './subscription.service';
/** The editor: outbox with retry, subscriber counts (numbers only), sender address and digest day. */
export { getOutbox, retryDelivery, getSubscriberCounts, getNotificationSettings, setNotificationSettings } from './editor.service';
export type { OutboxLine } from './editor.service';
/** The worker every app server runs: fan-out, digests, sending with retries and backoff. */
export { startWorker, drainOnce, fanOutPending, sendDue, composeDigests, backoffMs, WORKER_DEFAULTS } from './worker';
export type { Worker, WorkerDeps, WorkerOptions } from './worker';
/** The read API's follower count of one change (confirmed, change scope). */
export { countChangeFollowers } from './subscription.repository';
