import { toCount, type Database, type Db } from '../../storage';
import type { ChangeId } from '../changes';
import type { OrganizationId } from '../organizations';
import { DEFAULT_REPORT_THRESHOLD, type ModerationMode, type Reaction, type ReactionId, type ReactionRole, type ReactionStatus, type ReportReason } from './reaction';

const rowToReaction = (r: Database['reactions']): Reaction => ({
  id: r.id as ReactionId,
  organizationId: r.organization_id as OrganizationId,
  changeId: r.change_id as ChangeId,
  updateId: r.update_id,
  parentId: r.parent_id as ReactionId | null,
  depth: Number(r.depth),
  displayName: r.display_name,
  role: r.role as ReactionRole,
  text: r.text,
  status: r.status as ReactionStatus,
  rejectionReason: r.rejection_reason,
  official: Boolean(Number(r.official)),
  authorActorId: r.author_actor_id,
  hidden: Boolean(Number(r.hidden)),
  reportCount: Number(r.report_count),
  reviewedAt: r.reviewed_at,
  reviewedBy: r.reviewed_by,
  firstOfficialAnswerAt: r.first_official_answer_at,
  createdAt: r.created_at,
  publishedAt: r.published_at,
});

const reactionToRow = (r: Reaction, textHash: string): Database['reactions'] => ({
  id: r.id,
  organization_id: r.organizationId,
  change_id: r.changeId,
  update_id: r.updateId,
  parent_id: r.parentId,
  depth: r.depth,
  display_name: r.displayName,
  role: r.role,
  text: r.text,
  text_hash: textHash,
  status: r.status,
  rejection_reason: r.rejectionReason,
  official: r.official ? 1 : 0,
  author_actor_id: r.authorActorId,
  hidden: r.hidden ? 1 : 0,
  report_count: r.reportCount,
  reviewed_at: r.reviewedAt,
  reviewed_by: r.reviewedBy,
  first_official_answer_at: r.firstOfficialAnswerAt,
  created_at: r.createdAt,
  published_at: r.publishedAt,
});

export const insertReaction = (db: Db, r: Reaction, textHash: string) => db.insertInto('reactions').values(reactionToRow(r, textHash)).execute();

export const selectReaction = async (db: Db, id: string): Promise<Reaction | undefined> => {
  const row = await db.selectFrom('reactions').selectAll().where('id', '=', id).executeTakeFirst();
  return row && rowToReaction(row);
};

/** Whether the change already has a reaction with this text since `since` (the duplicate check). */
export const hasDuplicate = async (db: Db, changeId: string, textHash: string, since: string): Promise<boolean> =>
  (await db.selectFrom('reactions').select('id').where('change_id', '=', changeId).where('text_hash', '=', textHash).where('created_at', '>=', since).limit(1).executeTakeFirst()) !== undefined;

/** A moderator's decision: the new status, cleared reports, reviewed now. */
export const updateModeration = (db: Db, r: Reaction) =>
  db
    .updateTable('reactions')
    .set({ status: r.status, rejection_reason: r.rejectionReason, hidden: r.hidden ? 1 : 0, report_count: r.reportCount, reviewed_at: r.reviewedAt, reviewed_by: r.reviewedBy, published_at: r.publishedAt })
    .where('id', '=', r.id)
    .execute();

/** Records when the first official reply to a reaction came; later ones leave it as it is. */
export const markOfficiallyAnswered = (db: Db, id: string, at: string) =>
  db.updateTable('reactions').set({ first_official_answer_at: at }).where('id', '=', id).where('first_official_answer_at', 'is', null).execute();

/**
 * Adds one distinct report: inserts it (a second report by the same reporter inserts nothing) and,
 * only when it did, counts it and hides the reaction once the count reaches the threshold — one
 * atomic update that reads the old count on both dialects.
 */
export const addReport = async (
  db: Db,
  report: { reactionId: string; reporterHash: string; reason: ReportReason; at: string },
  threshold: number,
): Promise<{ counted: boolean; hidden: boolean }> => {
  const inserted = await db
    .insertInto('reaction_reports')
    .values({ reaction_id: report.reactionId, reporter_hash: report.reporterHash, reason: report.reason, created_at: report.at })
    .onConflict((oc) => oc.columns(['reaction_id', 'reporter_hash']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) return { counted: false, hidden: false };
  const row = await db
    .updateTable('reactions')
    .set((eb) => ({
      report_count: eb('report_count', '+', 1),
      hidden: eb.case().when(eb('report_count', '+', 1), '>=', threshold).then(1).else(eb.ref('hidden')).end(),
    }))
    .where('id', '=', report.reactionId)
    .returning(['hidden'])
    .executeTakeFirstOrThrow();
  return { counted: true, hidden: Boolean(Number(row.hidden)) };
};

/**
 * A page of visible top-level reactions of a change, oldest first, with their visible replies
 * (two queries whatever the page size).
 */
export const selectThreads = async (db: Db, changeId: string, offset: number, limit: number): Promise<{ total: number; top: Reaction[]; replies: Reaction[] }> => {
  const visible = db.selectFrom('reactions').where('change_id', '=', changeId).where('status', '=', 'published').where('hidden', '=', 0);
  const [count, top] = await Promise.all([
    visible.where('depth', '=', 1).select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
    visible.where('depth', '=', 1).selectAll().orderBy('created_at').orderBy('id').offset(offset).limit(limit).execute(),
  ]);
  const ids = top.map((r) => r.id);
  const replies = ids.length === 0 ? [] : await visible.where('parent_id', 'in', ids).selectAll().orderBy('created_at').orderBy('id').execute();
  return { total: toCount(count.n), top: top.map(rowToReaction), replies: replies.map(rowToReaction) };
};

/** What waits for a moderator: pending, hidden after reports, or published without review (post-moderation). */
const inQueue = (db: Db, organizationId: string) =>
  db
    .selectFrom('reactions')
    .where('organization_id', '=', organizationId)
    .where((eb) => eb.or([eb('status', '=', 'pending'), eb.and([eb('status', '=', 'published'), eb.or([eb('hidden', '=', 1), eb('reviewed_at', 'is', null)])])]));

/** A page of the queue, oldest first, and how many wait per kind. */
export const selectQueue = async (db: Db, organizationId: string, offset: number, limit: number) => {
  const [items, counts] = await Promise.all([
    inQueue(db, organizationId).selectAll().orderBy('created_at').orderBy('id').offset(offset).limit(limit).execute(),
    inQueue(db, organizationId)
      .select((eb) => [
        eb.fn.countAll<string | number>().as('total'),
        eb.fn.sum<string | number | null>(eb.case().when('status', '=', 'pending').then(1).else(0).end()).as('pending'),
        eb.fn.sum<string | number | null>(eb.case().when('hidden', '=', 1).then(1).else(0).end()).as('reported'),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  const total = toCount(counts.total);
  const pending = toCount(counts.pending);
  const reported = toCount(counts.reported);
  return { items: items.map(rowToReaction), total, pending, reported, unreviewed: total - pending - reported };
};

/** Creation and first-official-answer times of a change's published citizen reactions, and its first official answer. */
export const selectAnswerTimes = async (db: Db, changeId: string) => {
  const [rows, first] = await Promise.all([
    db
      .selectFrom('reactions')
      .select(['created_at', 'first_official_answer_at'])
      .where('change_id', '=', changeId)
      .where('status', '=', 'published')
      .where('official', '=', 0)
      .where('depth', '=', 1)
      .execute(),
    db.selectFrom('reactions').select((eb) => eb.fn.min('created_at').as('at')).where('change_id', '=', changeId).where('official', '=', 1).executeTakeFirst(),
  ]);
  return { rows: rows.map((r) => ({ createdAt: r.created_at, answeredAt: r.first_official_answer_at })), firstOfficialAt: (first?.at as string | null | undefined) ?? null };
};

export interface VoiceSettings {
  moderation: ModerationMode;
  reportThreshold: number;
}

export const selectSettings = async (db: Db, organizationId: string): Promise<VoiceSettings> => {
  const row = await db.selectFrom('voice_settings').selectAll().where('organization_id', '=', organizationId).executeTakeFirst();
  return row ? { moderation: row.moderation as ModerationMode, reportThreshold: Number(row.report_threshold) } : { moderation: 'pre', reportThreshold: DEFAULT_REPORT_THRESHOLD };
};

export const upsertSettings = (db: Db, organizationId: string, s: VoiceSettings, at: string) =>
  db
    .insertInto('voice_settings')
    .values({ organization_id: organizationId, moderation: s.moderation, report_threshold: s.reportThreshold, updated_at: at })
    .onConflict((oc) => oc.column('organization_id').doUpdateSet({ moderation: s.moderation, report_threshold: s.reportThreshold, updated_at: at }))
    .execute();
