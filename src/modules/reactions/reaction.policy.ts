import type { Actor } from '../../core';
import { can, canEditCitizenTexts, canModerate, isSystemActor } from '../users';

/**
 * Who may do what with reactions (pure booleans; services throw `forbidden`). The installation's
 * own actors (CLI, seed, demo) may act, except `system:citizen`: anonymous citizens never moderate.
 */
const installation = (actor: Actor): boolean => isSystemActor(actor) && actor.id !== 'system:citizen';

/** Moderators of the organization work the queue and decide (issue 5 role `moderator`). */
export const canModerateReactions = (actor: Actor, organizationId: string): boolean => installation(actor) || canModerate(actor, organizationId);

/** An official answer speaks for the organization: communicators, editors and moderators give it. */
export const canAnswerOfficially = (actor: Actor, organizationId: string): boolean =>
  installation(actor) || canEditCitizenTexts(actor, organizationId) || canModerate(actor, organizationId);

/** Switching between pre- and post-moderation is an organization setting: admins. */
export const canManageReactionSettings = (actor: Actor, organizationId: string): boolean => installation(actor) || can(actor, 'settings.manage', organizationId);
