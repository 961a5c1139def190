import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed links in mails: confirm a request, manage one's subscriptions, leave one subscription.
 * `<purpose>.<id>.<mac>` with an HMAC-SHA256 keyed by a subkey of the server secret, so nothing is
 * stored per link and a link cannot be altered or guessed. Manage and unsubscribe links do not
 * expire (an old mail must still let the reader leave); confirmation links expire with the request.
 */
export type LinkPurpose = 'confirm' | 'manage' | 'unsubscribe';

const keyOf = (secret: string): Buffer => createHmac('sha256', secret).update('helder:notification-link:v1').digest();

const macOf = (secret: string, payload: string): string => createHmac('sha256', keyOf(secret)).update(payload).digest('base64url').slice(0, 32);

/** A link token for one purpose and one id (a subscriber or subscription id). */
export const signLink = (secret: string, purpose: LinkPurpose, id: string): string => `${purpose}.${id}.${macOf(secret, `${purpose}.${id}`)}`;

/** The id a link token names, or undefined when it is not ours, altered, or for another purpose. */
export const verifyLink = (secret: string, purpose: LinkPurpose, token: string | undefined): string | undefined => {
  if (!token || token.length > 200) return undefined;
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== purpose) return undefined;
  const expected = Buffer.from(macOf(secret, `${purpose}.${parts[1]}`));
  const given = Buffer.from(parts[2]!);
  return given.length === expected.length && timingSafeEqual(given, expected) ? parts[1] : undefined;
};
