import { AppError, newId, offsetOf, parseInput, toPage, type Actor, type Page, type PageRequest } from '../../core';
import { inTransaction, recordAudit, type Deps } from '../../storage';
import { getOrganization } from '../organizations';
import type { Reaction } from './reaction';
import { textHashOf } from './reaction';
import { canAnswerOfficially, canManageReactionSettings, canModerateReactions } from './reaction.policy';
import { moderationSchema, officialAnswerSchema, voiceSettingsSchema, type ModerationInput, type OfficialAnswerInput, type VoiceSettingsInput } from './reaction.schema';
import {
  insertReaction,
  markOfficiallyAnswered,
  selectAnswerTimes,
  selectQueue,
  selectSettings,
  updateModeration,
  upsertSettings,
  type VoiceSettings,
} from './reaction.repository';
import { getReaction, parentFor, publishedChange } from './reaction.service';

type Read = Pick<Deps, 'db'>;

const forbidden = (what: string) => new AppError('forbidden', `you may not ${what} in this organization`);

/** The moderation queue of one organization: a page of waiting reactions and how many wait per kind. */
export interface ModerationQueue {
  page: Page<Reaction>;
  counts: { total: number; pending: number; reported: number; unreviewed: number };
}

/**
 * What waits for a moderator, oldest first: pending reactions (pre-moderation), reactions hidden
 * after reports, and published reactions nobody reviewed yet (post-moderation). Throws `forbidden`
 * (not a moderator of the organization), `not_found` (organization).
 */
export const listModerationQueue = async (deps: Read, actor: Actor, organizationId: string, page: PageRequest): Promise<ModerationQueue> => {
  const organization = await getOrganization(deps, organizationId);
  if (!canModerateReactions(actor, organization.id)) throw forbidden('moderate reactions');
  const { items, ...counts } = await selectQueue(deps.db, organization.id, offsetOf(page), page.size);
  return { page: toPage(items, page, counts.total), counts };
};

/**
 * A moderator's decision on a reaction: `publish` (also restores one hidden by reports and clears
 * its report count; its links become clickable) or `reject` with a reason. Deciding again is
 * allowed (a moderator may correct a decision); each decision is audited. Throws `forbidden`,
 * `not_found`, `validation_failed` (a rejection without reason).
 */
export const moderateReaction = async (deps: Deps, actor: Actor, id: string, input: ModerationInput): Promise<Reaction> => {
  const decision = parseInput(moderationSchema, input);
  return inTransaction(deps.db, async (db) => {
    const before = await getReaction({ db }, id);
    if (!canModerateReactions(actor, before.organizationId)) throw forbidden('moderate reactions');
    const now = deps.clock.now().toISOString();
    const after: Reaction =
      decision.decision === 'publish'
        ? { ...before, status: 'published', rejectionReason: null, hidden: false, reportCount: 0, publishedAt: before.publishedAt ?? now, reviewedAt: now, reviewedBy: actor.id }
        : { ...before, status: 'rejected', rejectionReason: decision.reason ?? null, hidden: false, reviewedAt: now, reviewedBy: actor.id };
    await updateModeration(db, after);
    await recordAudit(db, deps, actor, {
      organizationId: before.organizationId,
      action: decision.decision === 'publish' ? 'reaction.published' : 'reaction.rejected',
      entityType: 'reaction',
      entityId: before.id,
      data: { from: before.status, wasHidden: before.hidden, reports: before.reportCount, reason: after.rejectionReason },
    });
    return after;
  });
};

/**
 * An official answer of the organization on a published change, at once published and marked as
 * official: a reply to a citizen's reaction (which then counts as answered) or a reaction of its
 * own. Throws `forbidden` (not a communicator, editor or moderator of the organization),
 * `not_found` (change, parent), `validation_failed`.
 */
export const postOfficialAnswer = async (deps: Deps, actor: Actor, changeId: string, input: OfficialAnswerInput): Promise<Reaction> => {
  const data = parseInput(officialAnswerSchema, input);
  return inTransaction(deps.db, async (db) => {
    const change = await publishedChange(db, changeId);
    if (!canAnswerOfficially(actor, change.organizationId)) throw forbidden('answer on behalf of the organization');
    const parent = await parentFor(db, change.id, data.parentId);
    const now = deps.clock.now().toISOString();
    const answer: Reaction = {
      id: newId<'Reaction'>(),
      organizationId: change.organizationId,
      changeId: change.id,
      updateId: null,
      parentId: parent?.id ?? null,
      depth: parent ? parent.depth + 1 : 1,
      displayName: data.displayName ?? actor.label,
      role: 'medewerker',
      text: data.text,
      status: 'published',
      rejectionReason: null,
      official: true,
      authorActorId: actor.id,
      hidden: false,
      reportCount: 0,
      reviewedAt: now,
      reviewedBy: actor.id,
      firstOfficialAnswerAt: null,
      createdAt: now,
      publishedAt: now,
    };
    await insertReaction(db, answer, textHashOf(data.text));
    if (parent) await markOfficiallyAnswered(db, parent.id, now);
    await recordAudit(db, deps, actor, {
      organizationId: change.organizationId,
      action: 'reaction.official_answer',
      entityType: 'reaction',
      entityId: answer.id,
      data: { changeId: change.id, parentId: answer.parentId },
    });
    return answer;
  });
};

/** How fast the organization answers citizens on one change (issue 4: "time to first official answer"). */
export interface AnswerTimes {
  /** Published citizen reactions (not replies). */
  reactions: number;
  /** Of those, how many got an official reply. */
  answered: number;
  /** Hours from a reaction being posted to its first official reply: median and mean over the answered ones. */
  medianHours: number | null;
  meanHours: number | null;
  /** Hours from the change's first citizen reaction to its first official answer of any kind. */
  firstAnswerHours: number | null;
}

const hoursBetween = (from: string, to: string) => (new Date(to).getTime() - new Date(from).getTime()) / 3_600_000;

/** Time to first official answer on a published change. Throws `not_found`. */
export const officialAnswerTimes = async (deps: Read, changeId: string): Promise<AnswerTimes> => {
  const change = await publishedChange(deps.db, changeId);
  const { rows, firstOfficialAt } = await selectAnswerTimes(deps.db, change.id);
  const waits = rows.flatMap((r) => (r.answeredAt ? [hoursBetween(r.createdAt, r.answeredAt)] : [])).sort((a, b) => a - b);
  const mid = Math.floor(waits.length / 2);
  const firstReaction = rows.map((r) => r.createdAt).sort()[0];
  return {
    reactions: rows.length,
    answered: waits.length,
    medianHours: waits.length === 0 ? null : waits.length % 2 === 1 ? waits[mid]! : (waits[mid - 1]! + waits[mid]!) / 2,
    meanHours: waits.length === 0 ? null : waits.reduce((a, b) => a + b, 0) / waits.length,
    firstAnswerHours: firstReaction && firstOfficialAt && firstOfficialAt >= firstReaction ? hoursBetween(firstReaction, firstOfficialAt) : null,
  };
};

/** The organization's reaction settings; defaults (pre-moderation, 3 reports) when never set. */
export const getReactionSettings = (deps: Read, organizationId: string): Promise<VoiceSettings> => selectSettings(deps.db, organizationId);

/** Switches pre-/post-moderation and the report threshold. Throws `forbidden` (not an admin), `not_found`, `validation_failed`. */
export const setReactionSettings = async (deps: Deps, actor: Actor, organizationId: string, input: VoiceSettingsInput): Promise<VoiceSettings> => {
  const settings = parseInput(voiceSettingsSchema, input);
  return inTransaction(deps.db, async (db) => {
    const organization = await getOrganization({ db }, organizationId);
    if (!canManageReactionSettings(actor, organization.id)) throw forbidden('change reaction settings');
    await upsertSettings(db, organization.id, settings, deps.clock.now().toISOString());
    await recordAudit(db, deps, actor, { organizationId: organization.id, action: 'reactions.settings_changed', entityType: 'organization', entityId: organization.id, data: settings });
    return settings;
  });
};
