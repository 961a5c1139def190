import type { Actor } from '../../core';
import { hasRole, isSystemActor, PERMISSIONS, type Role } from '../users';
import type { ChangeId } from './change';

/** Draft → ready for review → published (issue 5). Citizens see only published changes. */
export type PublicationState = 'draft' | 'ready_for_review' | 'published';

export interface Publication {
  changeId: ChangeId;
  state: PublicationState;
  reviewRequestedAt: string | null;
  reviewRequestedBy: string | null;
  publishedAt: string | null;
  /** Null for changes published before the workflow existed (or by `setChangePublished`). */
  publishedBy: string | null;
}

/**
 * Who may do which step. Editors (and admins) write the chain and ask for review; communicators
 * (and admins) own what citizens read and publish. Sending back or withdrawing is open to both sides.
 */
export const REVIEW_ROLES: readonly Role[] = PERMISSIONS['changes.request_review'];
export const PUBLISH_ROLES: readonly Role[] = PERMISSIONS['changes.publish'];
export const SEND_BACK_ROLES: readonly Role[] = PERMISSIONS['changes.send_back'];

/**
 * The steps of the workflow by name, as every surface offers them (the editor's publication page
 * and the write API): one table, so no surface can add a step the other lacks.
 */
export const PUBLICATION_STEPS = ['request_review', 'publish', 'return_to_draft'] as const;
export type PublicationStep = (typeof PUBLICATION_STEPS)[number];

export const canRequestReview = (actor: Actor, organizationId: string): boolean => isSystemActor(actor) || hasRole(actor, organizationId, REVIEW_ROLES);
export const canPublish = (actor: Actor, organizationId: string): boolean => isSystemActor(actor) || hasRole(actor, organizationId, PUBLISH_ROLES);
export const canSendBack = (actor: Actor, organizationId: string): boolean => isSystemActor(actor) || hasRole(actor, organizationId, SEND_BACK_ROLES);

/**
 * Four eyes: the person who asked for review does not publish it themselves — a review is someone
 * else looking. (An admin who asked for review needs a communicator or another admin.)
 */
export const isFourEyes = (publication: Pick<Publication, 'reviewRequestedBy'>, actor: Pick<Actor, 'id'>): boolean => publication.reviewRequestedBy !== actor.id;
