import { AppError, nextRevision, type Actor } from '../../core';
import { inTransaction, recordAudit, type Db, type Deps } from '../../storage';
import type { Change } from './change';
import { selectChange, updateChangeRow } from './change.repository';
import { getChange } from './change.service';
import { canPublish, canRequestReview, canSendBack, isFourEyes, type Publication, type PublicationStep } from './publication';

type Read = Pick<Deps, 'db'>;

const selectRow = (db: Db, changeId: string) => db.selectFrom('change_publications').selectAll().where('change_id', '=', changeId).executeTakeFirst();

const upsertRow = async (db: Db, row: { change_id: string; review_requested_at: string | null; review_requested_by: string | null; published_at: string | null; published_by: string | null; updated_at: string }) => {
  const exists = await selectRow(db, row.change_id);
  if (exists) await db.updateTable('change_publications').set(row).where('change_id', '=', row.change_id).execute();
  else await db.insertInto('change_publications').values(row).execute();
};

const publicationOf = (change: Change, row: Awaited<ReturnType<typeof selectRow>>): Publication => ({
  changeId: change.id,
  state: change.publishedAt ? 'published' : row?.review_requested_at ? 'ready_for_review' : 'draft',
  reviewRequestedAt: row?.review_requested_at ?? null,
  reviewRequestedBy: row?.review_requested_by ?? null,
  publishedAt: change.publishedAt,
  publishedBy: change.publishedAt ? (row?.published_by ?? null) : null,
});

/** Where a change stands in the publication workflow, with who and when. Throws `not_found`. */
export const getPublication = async (deps: Read, changeId: string): Promise<Publication> => {
  const change = await getChange(deps, changeId);
  return publicationOf(change, await selectRow(deps.db, change.id));
};

const step = async (deps: Deps, actor: Actor, changeId: string, allowed: (c: Change, p: Publication) => void, apply: (c: Change, p: Publication, now: string) => { change?: Change; row: Parameters<typeof upsertRow>[1]; action: string }) =>
  inTransaction(deps.db, async (db) => {
    const change = await selectChange(db, changeId);
    if (!change) throw new AppError('not_found', `change ${changeId} does not exist`, { details: { entity: 'change', id: changeId } });
    const before = publicationOf(change, await selectRow(db, change.id));
    allowed(change, before);
    const now = deps.clock.now().toISOString();
    const result = apply(change, before, now);
    if (result.change) await updateChangeRow(db, nextRevision(result.change));
    await upsertRow(db, result.row);
    const after = publicationOf(result.change ?? change, result.row);
    await recordAudit(db, deps, actor, {
      organizationId: change.organizationId,
      action: result.action,
      entityType: 'change',
      entityId: change.id,
      data: { from: before.state, to: after.state },
    });
    return after;
  });

const forbidden = (what: string) => new AppError('forbidden', `your role does not allow ${what}`);
const wrongState = (state: string, expected: string) => new AppError('invalid_state', `the change is ${state}, not ${expected}`, { details: { state } });

/** Draft → ready for review. Editors and admins. Throws `not_found`, `forbidden`, `invalid_state` (not a draft). */
export const requestReview = (deps: Deps, actor: Actor, changeId: string): Promise<Publication> =>
  step(
    deps,
    actor,
    changeId,
    (c, p) => {
      if (!canRequestReview(actor, c.organizationId)) throw forbidden('asking for review');
      if (p.state !== 'draft') throw wrongState(p.state, 'draft');
    },
    (c, _p, now) => ({ action: 'change.review_requested', row: { change_id: c.id, review_requested_at: now, review_requested_by: actor.id, published_at: null, published_by: null, updated_at: now } }),
  );

/**
 * Ready for review → published, recording who and when; the portal shows it from then on.
 * Communicators and admins, never the person who asked for the review (four eyes).
 * Throws `not_found`, `forbidden` (role, or four eyes: `details.reason = 'four_eyes'`), `invalid_state`.
 */
export const publishChange = (deps: Deps, actor: Actor, changeId: string): Promise<Publication> =>
  step(
    deps,
    actor,
    changeId,
    (c, p) => {
      if (!canPublish(actor, c.organizationId)) throw forbidden('publishing');
      if (p.state !== 'ready_for_review') throw wrongState(p.state, 'ready_for_review');
      if (!isFourEyes(p, actor)) throw new AppError('forbidden', 'the person who asked for review cannot publish it', { details: { reason: 'four_eyes' } });
    },
    (c, p, now) => ({
      action: 'change.published',
      change: { ...c, publishedAt: now, updatedAt: now },
      row: { change_id: c.id, review_requested_at: p.reviewRequestedAt, review_requested_by: p.reviewRequestedBy, published_at: now, published_by: actor.id, updated_at: now },
    }),
  );

/**
 * Back to draft: a reviewer sends a change back, or a published change is withdrawn from the portal
 * (communicators and admins withdraw; editors, communicators and admins send back).
 * Throws `not_found`, `forbidden`, `invalid_state` (already a draft).
 */
export const returnToDraft = (deps: Deps, actor: Actor, changeId: string): Promise<Publication> =>
  step(
    deps,
    actor,
    changeId,
    (c, p) => {
      if (p.state === 'draft') throw wrongState(p.state, 'ready_for_review or published');
      if (p.state === 'published' ? !canPublish(actor, c.organizationId) : !canSendBack(actor, c.organizationId)) throw forbidden('this step');
    },
    (c, p, now) => ({
      action: p.state === 'published' ? 'change.unpublished' : 'change.review_withdrawn',
      ...(p.state === 'published' ? { change: { ...c, publishedAt: null, updatedAt: now } } : {}),
      row: { change_id: c.id, review_requested_at: null, review_requested_by: null, published_at: null, published_by: null, updated_at: now },
    }),
  );


const STEPS: ReadonlyMap<PublicationStep, (deps: Deps, actor: Actor, changeId: string) => Promise<Publication>> = new Map([
  ['request_review', requestReview],
  ['publish', publishChange],
  ['return_to_draft', returnToDraft],
]);

/**
 * Takes one named step of the workflow: the one entry the editor's page and the write API share, so
 * both follow the same states, roles and four-eyes rule. A name that is not a step is
 * `validation_failed` on `step` (looked up in a Map: `__proto__` or `toString` is not a step).
 */
export const takePublicationStep = (deps: Deps, actor: Actor, changeId: string, step: string): Promise<Publication> => {
  const run = STEPS.get(step as PublicationStep);
  if (!run) return Promise.reject(new AppError('validation_failed', 'unknown step', { issues: [{ path: 'step', message: 'choose request_review, publish or return_to_draft' }] }));
  return run(deps, actor, changeId);
};
