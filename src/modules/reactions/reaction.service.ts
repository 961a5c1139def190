import { AppError, newId, notFound, offsetOf, parseInput, toPage, type Page, type PageRequest } from '../../core';
import { inTransaction, recordAudit, type Db, type Deps } from '../../storage';
import { getChange, type Change } from '../changes';
import { CITIZEN, issueFormToken, rejection, throttle, verifyFormToken, voiceOptions, type ClientHash, type FormToken, type VoiceDeps } from '../polls';
import { isVisible, MAX_DEPTH, MAX_REACTION_LENGTH, REACTION_ROLE_LABELS, REACTION_ROLES, REPORT_REASON_LABELS, REPORT_REASONS, textHashOf, type Reaction, type ReactionId } from './reaction';
import { reactionSchema, reportSchema, type ReactionInput, type ReportInput } from './reaction.schema';
import { addReport, hasDuplicate, insertReaction, selectReaction, selectSettings, selectThreads } from './reaction.repository';

type Read = Pick<Deps, 'db'>;

/** The same text on the same change within this period is a duplicate. */
const DUPLICATE_WINDOW_MS = 7 * 24 * 3_600_000;

/** Reactions exist on published changes only: anything else is `not_found`, so drafts do not leak. */
export const publishedChange = async (db: Db, changeId: string): Promise<Change> => {
  const change = await getChange({ db }, changeId);
  if (!change.publishedAt) throw notFound('change', changeId);
  return change;
};

/**
 * The reaction a reply answers: visible, on the same change, and itself not a reply (threads are
 * at most two deep). Throws `not_found` and `validation_failed`.
 */
export const parentFor = async (db: Db, changeId: string, parentId: string | undefined): Promise<Reaction | undefined> => {
  if (!parentId) return undefined;
  const parent = await selectReaction(db, parentId);
  if (!parent || parent.changeId !== changeId || !isVisible(parent)) throw notFound('reaction', parentId);
  if (parent.depth >= MAX_DEPTH) {
    throw new AppError('validation_failed', 'replies go under the reaction itself, not under another reply', {
      issues: [{ path: 'parentId', message: 'reageer op de reactie zelf, niet op een antwoord' }],
      details: { reason: 'invalid_input' },
    });
  }
  return parent;
};

/** What a reaction form needs: a signed token (fill time), the roles, the limits and the honeypot's name. */
export interface ReactionForm extends FormToken {
  changeId: string;
  minFillSeconds: number;
  maxLength: number;
  honeypotField: 'website';
  roles: { value: string; label: string; labelEn: string }[];
  reportReasons: { value: string; label: string; labelEn: string }[];
}

/** The reaction form of a published change. Throws `not_found`. */
export const getReactionForm = async (deps: VoiceDeps, changeId: string): Promise<ReactionForm> => {
  const change = await publishedChange(deps.db, changeId);
  return {
    changeId: change.id,
    ...issueFormToken(deps, 'reaction', change.id),
    minFillSeconds: Math.ceil(voiceOptions(deps).reactionMinFillMs / 1000),
    maxLength: MAX_REACTION_LENGTH,
    honeypotField: 'website',
    roles: REACTION_ROLES.map((r) => ({ value: r, label: REACTION_ROLE_LABELS[r].nl, labelEn: REACTION_ROLE_LABELS[r].en })),
    reportReasons: REPORT_REASONS.map((r) => ({ value: r, label: REPORT_REASON_LABELS[r].nl, labelEn: REPORT_REASON_LABELS[r].en })),
  };
};

/** What the poster is told: the reaction's id and status, and the Dutch message to show. */
export interface ReactionReceipt {
  id: ReactionId;
  status: Reaction['status'];
  message: string;
}

/** Shown after posting (issue 4); under post-moderation the reaction is on the page at once. */
export const PENDING_MESSAGE = 'Even geduld — uw reactie wordt eerst bekeken.';
export const PUBLISHED_MESSAGE = 'Dank u wel. Uw reactie staat op de pagina.';

const filled = (value: unknown): boolean => (typeof value === 'string' ? value.trim() !== '' : value !== undefined && value !== null);

/**
 * Posts a citizen's reaction (or reply) on a published change, from a client whose address the
 * web layer hashed. Checks, in this order, the honeypot, the input, the change, the signed form
 * (fill time), the parent, the client's limits, and the duplicate check; then stores it `pending`
 * (pre-moderation) or `published` (post-moderation) with an audit entry that holds no name or text.
 *
 * Throws `not_found` (change, parent), `validation_failed` (input, depth, form, honeypot, too
 * fast), `conflict` (duplicate), `rate_limited`; every refusal writes nothing and carries
 * `details.reason`.
 */
export const postReaction = async (deps: VoiceDeps, changeId: string, input: ReactionInput, client: ClientHash): Promise<ReactionReceipt> => {
  if (filled((input as { website?: unknown } | undefined)?.website)) throw rejection('honeypot', 'Dit formulier is niet goed ingevuld.', 'website');
  const data = parseInput(reactionSchema, input);
  const options = voiceOptions(deps);
  return inTransaction(deps.db, async (db) => {
    const change = await publishedChange(db, changeId);
    verifyFormToken(deps, 'reaction', change.id, data.token, options.reactionMinFillMs);
    const parent = await parentFor(db, change.id, data.parentId);
    const now = deps.clock.now();
    await throttle(db, now, options.rules.reaction, client);
    await throttle(db, now, options.rules.reactionDaily, client);
    const textHash = textHashOf(data.text);
    if (await hasDuplicate(db, change.id, textHash, new Date(now.getTime() - DUPLICATE_WINDOW_MS).toISOString())) {
      throw rejection('duplicate', 'Deze reactie staat er al.', 'text');
    }
    const settings = await selectSettings(db, change.organizationId);
    const at = now.toISOString();
    const reaction: Reaction = {
      id: newId<'Reaction'>(),
      organizationId: change.organizationId,
      changeId: change.id,
      updateId: null,
      parentId: parent?.id ?? null,
      depth: parent ? parent.depth + 1 : 1,
      displayName: data.displayName,
      role: data.role,
      text: data.text,
      status: settings.moderation === 'post' ? 'published' : 'pending',
      rejectionReason: null,
      official: false,
      authorActorId: null,
      hidden: false,
      reportCount: 0,
      reviewedAt: null,
      reviewedBy: null,
      firstOfficialAnswerAt: null,
      createdAt: at,
      publishedAt: settings.moderation === 'post' ? at : null,
    };
    await insertReaction(db, reaction, textHash);
    // Ids and status only: the name and text are personal data and stay out of the chain.
    await recordAudit(db, deps, CITIZEN, {
      organizationId: change.organizationId,
      scope: 'public',
      action: 'reaction.posted',
      entityType: 'reaction',
      entityId: reaction.id,
      data: { changeId: change.id, parentId: reaction.parentId, status: reaction.status },
    });
    return { id: reaction.id, status: reaction.status, message: reaction.status === 'pending' ? PENDING_MESSAGE : PUBLISHED_MESSAGE };
  });
};

/** A visible reaction with its visible replies, oldest first. */
export interface ReactionThread {
  reaction: Reaction;
  replies: Reaction[];
}

/**
 * A page of a published change's visible reactions (published, not hidden), threaded, oldest
 * first; replies of hidden or rejected reactions are not shown. Throws `not_found`.
 */
export const listReactions = async (deps: Read, changeId: string, page: PageRequest): Promise<Page<ReactionThread>> => {
  const change = await publishedChange(deps.db, changeId);
  const { total, top, replies } = await selectThreads(deps.db, change.id, offsetOf(page), page.size);
  const byParent = new Map<string, Reaction[]>();
  for (const r of replies) byParent.set(r.parentId!, [...(byParent.get(r.parentId!) ?? []), r]);
  return toPage(top.map((reaction) => ({ reaction, replies: byParent.get(reaction.id) ?? [] })), page, total);
};

/** Reads a reaction, any status (moderators, services); `getReaction` throws `not_found`. */
export const findReaction = (deps: Read, id: string) => selectReaction(deps.db, id);

export const getReaction = async (deps: Read, id: string): Promise<Reaction> => {
  const reaction = await selectReaction(deps.db, id);
  if (!reaction) throw notFound('reaction', id);
  return reaction;
};

export const REPORT_MESSAGE = 'Dank u wel. We bekijken uw melding.';

/**
 * A reader reports a published reaction. Each hashed client counts once per reaction (a second
 * report by the same reader changes nothing and is not an error); at the organization's threshold
 * of distinct reports (default 3) the reaction is hidden until a moderator decides. Reporting a
 * reaction that is already hidden changes nothing. Throws `not_found` (unknown, pending or
 * rejected), `validation_failed` (reason), `rate_limited`.
 */
export const reportReaction = async (deps: VoiceDeps, reactionId: string, input: ReportInput, client: ClientHash): Promise<{ counted: boolean; message: string }> => {
  const { reason } = parseInput(reportSchema, input);
  return inTransaction(deps.db, async (db) => {
    const reaction = await selectReaction(db, reactionId);
    if (!reaction || reaction.status !== 'published') throw notFound('reaction', reactionId);
    if (reaction.hidden) return { counted: false, message: REPORT_MESSAGE };
    const now = deps.clock.now();
    await throttle(db, now, voiceOptions(deps).rules.report, client);
    const { reportThreshold } = await selectSettings(db, reaction.organizationId);
    const result = await addReport(db, { reactionId: reaction.id, reporterHash: client, reason, at: now.toISOString() }, reportThreshold);
    if (!result.counted) return { counted: false, message: REPORT_MESSAGE };
    await recordAudit(db, deps, CITIZEN, {
      organizationId: reaction.organizationId,
      scope: 'public',
      action: result.hidden ? 'reaction.hidden_by_reports' : 'reaction.reported',
      entityType: 'reaction',
      entityId: reaction.id,
      data: { reason },
    });
    return { counted: true, message: REPORT_MESSAGE };
  });
};
