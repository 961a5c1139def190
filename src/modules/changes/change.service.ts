import { AppError, checkRevision, newId, nextRevision, notFound, pageRequest, parseInput, slugify, type Actor, type Page, type PageRequest } from '../../core';
import { inTransaction, recordAudit, type Deps } from '../../storage';
import { getOrganization, slugSchema } from '../organizations';
import { isSystemActor } from '../users';
import type { ChangeScope } from './change.scope';
import { assertTransition, type Change, type ChangeStatus, type Milestone } from './change';
import {
  createChangeSchema,
  listChangesSchema,
  milestonePatchSchema,
  milestoneSchema,
  updateChangeSchema,
  type CreateChangeInput,
  type ListChangesFilter,
  type MilestoneInput,
  type UpdateChangeInput,
} from './change.schema';
import {
  insertChange,
  insertMilestone,
  selectChange,
  selectChangeBySlug,
  selectChangePage,
  selectMilestone,
  selectMilestonesOf,
  slugTaken,
  updateChangeRow,
  updateMilestoneRow,
} from './change.repository';

type Read = Pick<Deps, 'db'>;

const SLUG_MAX = slugSchema.maxLength ?? 60;

/**
 * A free slug derived from the title. It must itself pass `slugSchema`, or the change could not be
 * found again by the URL it was given: cut to the maximum length (leaving room for `-n`), and fall
 * back to `verandering` when the title yields fewer than two characters.
 */
const uniqueSlug = async (deps: Read, organizationId: string, base: string): Promise<string> => {
  const root = base.length >= 2 ? base : 'verandering';
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : `-${n}`;
    const candidate = `${root.slice(0, SLUG_MAX - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!(await slugTaken(deps.db, organizationId, candidate))) return candidate;
  }
};

export const createChange = async (deps: Deps, actor: Actor, organizationId: string, input: CreateChangeInput): Promise<Change> => {
  const data = parseInput(createChangeSchema, input);
  return inTransaction(deps.db, async (db) => {
    const organization = await getOrganization({ db }, organizationId);
    if (data.slug && (await slugTaken(db, organization.id, data.slug))) {
      throw new AppError('conflict', `slug ${data.slug} is already used in this organization`, {
        issues: [{ path: 'slug', message: 'already in use' }],
      });
    }
    const now = deps.clock.now().toISOString();
    const change: Change = {
      id: newId<'Change'>(),
      organizationId: organization.id,
      slug: data.slug ?? (await uniqueSlug({ db }, organization.id, slugify(data.title))),
      title: data.title,
      kind: data.kind,
      status: data.status,
      summary: data.summary,
      why: data.why,
      what: data.what,
      themes: data.themes,
      publishedAt: null,
      createdAt: now,
      updatedAt: now,
      revision: 1,
    };
    await insertChange(db, change);
    await recordAudit(db, deps, actor, {
      organizationId: change.organizationId,
      action: 'change.created',
      entityType: 'change',
      entityId: change.id,
      data: { ...data, slug: change.slug },
    });
    return change;
  });
};

export const findChange = (deps: Read, id: string): Promise<Change | undefined> => selectChange(deps.db, id);

export const getChange = async (deps: Read, id: string): Promise<Change> => {
  const change = await selectChange(deps.db, id);
  if (!change) throw notFound('change', id);
  return change;
};

export const findChangeBySlug = (deps: Read, organizationId: string, slug: string) => selectChangeBySlug(deps.db, organizationId, slug);

/**
 * Edits a change. `ifRevision` is the revision the editor or client read (core/revision.ts): when
 * someone else saved since, `edit_conflict` and nothing is written.
 */
export const updateChange = async (deps: Deps, actor: Actor, id: string, input: UpdateChangeInput, ifRevision?: number): Promise<Change> => {
  const data = parseInput(updateChangeSchema, input);
  return inTransaction(deps.db, async (db) => {
    const before = await getChange({ db }, id);
    checkRevision('change', before, ifRevision);
    const after: Change = nextRevision({ ...before, ...stripUndefined(data), updatedAt: deps.clock.now().toISOString() });
    await updateChangeRow(db, after);
    await recordAudit(db, deps, actor, {
      organizationId: after.organizationId,
      action: 'change.updated',
      entityType: 'change',
      entityId: id,
      data,
    });
    return after;
  });
};

/** Moves a change along its lifecycle. Throws `invalid_state` for a transition that is not allowed. */
export const setChangeStatus = async (deps: Deps, actor: Actor, id: string, status: ChangeStatus, ifRevision?: number): Promise<Change> =>
  inTransaction(deps.db, async (db) => {
    const before = await getChange({ db }, id);
    checkRevision('change', before, ifRevision);
    assertTransition(before.status, status);
    // Setting the status it already has is not a change: no write, no audit entry.
    if (before.status === status) return before;
    const after: Change = nextRevision({ ...before, status, updatedAt: deps.clock.now().toISOString() });
    await updateChangeRow(db, after);
    await recordAudit(db, deps, actor, {
      organizationId: after.organizationId,
      action: 'change.status_changed',
      entityType: 'change',
      entityId: id,
      data: { from: before.status, to: status },
    });
    return after;
  });

/** The installation publishes a change on the portal (or withdraws it with `published = false`): seeds, imports, tests. People: `takePublicationStep`. Throws `forbidden` for a person. */
export const setChangePublished = async (deps: Deps, actor: Actor, id: string, published: boolean): Promise<Change> =>
  inTransaction(deps.db, async (db) => {
    // People publish through the workflow (publication.service: review, four eyes); only the
    // installation (seed, import, tests) sets a change's publication directly.
    if (!isSystemActor(actor)) throw new AppError('forbidden', 'people publish through the review workflow');
    const before = await getChange({ db }, id);
    const now = deps.clock.now().toISOString();
    const after: Change = nextRevision({ ...before, publishedAt: published ? (before.publishedAt ?? now) : null, updatedAt: now });
    await updateChangeRow(db, after);
    await recordAudit(db, deps, actor, {
      organizationId: after.organizationId,
      action: published ? 'change.published' : 'change.unpublished',
      entityType: 'change',
      entityId: id,
      data: { publishedAt: after.publishedAt },
    });
    return after;
  });

export const listChanges = async (
  deps: Read,
  organizationId: string,
  filter: ListChangesFilter = {},
  page: PageRequest = pageRequest(),
): Promise<Page<Change>> => {
  const f = parseInput(listChangesSchema, filter);
  const organization = await getOrganization(deps, organizationId);
  return selectChangePage(deps.db, { organizationId: organization.id, ...f }, page);
};

export const addMilestone = async (deps: Deps, actor: Actor, changeId: string, input: MilestoneInput): Promise<Milestone> => {
  const data = parseInput(milestoneSchema, input);
  return inTransaction(deps.db, async (db) => {
    const change = await getChange({ db }, changeId);
    const existing = await selectMilestonesOf(db, [change.id]);
    const milestone: Milestone = { id: newId<'Milestone'>(), changeId: change.id, ...data, position: existing.length, revision: 1 };
    await insertMilestone(db, milestone);
    await recordAudit(db, deps, actor, {
      organizationId: change.organizationId,
      action: 'milestone.created',
      entityType: 'milestone',
      entityId: milestone.id,
      data: { changeId: change.id, ...data },
    });
    return milestone;
  });
};

/** Edits a milestone; `ifRevision` as in `updateChange`. */
export const updateMilestone = async (deps: Deps, actor: Actor, id: string, input: Partial<MilestoneInput>, ifRevision?: number): Promise<Milestone> => {
  const data = parseInput(milestonePatchSchema, input);
  return inTransaction(deps.db, async (db) => {
    const before = await selectMilestone(db, id);
    if (!before) throw notFound('milestone', id);
    checkRevision('milestone', before, ifRevision);
    const change = await getChange({ db }, before.changeId);
    const after: Milestone = nextRevision({ ...before, ...stripUndefined(data) });
    await updateMilestoneRow(db, after);
    await recordAudit(db, deps, actor, {
      organizationId: change.organizationId,
      action: 'milestone.updated',
      entityType: 'milestone',
      entityId: id,
      // The values before the edit: notifications tell "reached" and "moved" apart by them.
      data: { ...data, from: { date: before.date, done: before.done } },
    });
    return after;
  });
};

export const listMilestones = (deps: Read, changes: readonly string[] | ChangeScope) => selectMilestonesOf(deps.db, changes);

export const findMilestone = (deps: Read, id: string): Promise<Milestone | undefined> => selectMilestone(deps.db, id);

const stripUndefined = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
