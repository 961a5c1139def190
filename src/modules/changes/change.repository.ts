import { sql } from 'kysely';
import { offsetOf, toPage, type Page, type PageRequest } from '../../core';
import { assertRevised, toCount, type Database, type Db } from '../../storage';
import type { Change, ChangeId, ChangeKind, ChangeStatus, Milestone, MilestoneId } from './change';
import type { OrganizationId } from '../organizations';
import { changeIdsOf, isEmptyScope, type ChangeScope } from './change.scope';

type ChangeRow = Database['changes'];
type MilestoneRow = Database['milestones'];

export const rowToChange = (r: ChangeRow): Change => ({
  id: r.id as ChangeId,
  organizationId: r.organization_id as OrganizationId,
  slug: r.slug,
  title: r.title,
  kind: r.kind as ChangeKind,
  status: r.status as ChangeStatus,
  summary: r.summary,
  why: r.why,
  what: r.what,
  themes: JSON.parse(r.themes) as string[],
  publishedAt: r.published_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  revision: Number(r.revision),
});

export const changeToRow = (c: Change): ChangeRow => ({
  id: c.id,
  organization_id: c.organizationId,
  slug: c.slug,
  title: c.title,
  kind: c.kind,
  status: c.status,
  summary: c.summary,
  why: c.why,
  what: c.what,
  themes: JSON.stringify(c.themes),
  published_at: c.publishedAt,
  created_at: c.createdAt,
  updated_at: c.updatedAt,
  revision: c.revision,
});

export const rowToMilestone = (r: MilestoneRow): Milestone => ({
  id: r.id as MilestoneId,
  changeId: r.change_id as ChangeId,
  title: r.title,
  description: r.description,
  date: r.date,
  done: Boolean(r.done),
  position: Number(r.position),
  revision: Number(r.revision),
});

export const milestoneToRow = (m: Milestone): MilestoneRow => ({
  id: m.id,
  change_id: m.changeId,
  title: m.title,
  description: m.description,
  date: m.date,
  done: m.done ? 1 : 0,
  position: m.position,
  revision: m.revision,
});

export const insertChange = (db: Db, c: Change) => db.insertInto('changes').values(changeToRow(c)).execute();

/** Writes `c` over the revision just below it, or throws `edit_conflict` (storage/revision.ts). */
export const updateChangeRow = async (db: Db, c: Change): Promise<void> =>
  assertRevised(await db.updateTable('changes').set(changeToRow(c)).where('id', '=', c.id).where('revision', '=', c.revision - 1).executeTakeFirst(), 'change', c.id);

export const selectChange = async (db: Db, id: string) => {
  const row = await db.selectFrom('changes').selectAll().where('id', '=', id).executeTakeFirst();
  return row && rowToChange(row);
};

export const selectChangeBySlug = async (db: Db, organizationId: string, slug: string) => {
  const row = await db
    .selectFrom('changes')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row && rowToChange(row);
};

export interface ChangeQuery {
  organizationId: string;
  status?: ChangeStatus | undefined;
  theme?: string | undefined;
  publishedOnly?: boolean | undefined;
}

const filtered = (db: Db, q: ChangeQuery) => {
  let query = db.selectFrom('changes').where('organization_id', '=', q.organizationId);
  if (q.status) query = query.where('status', '=', q.status);
  if (q.publishedOnly) query = query.where('published_at', 'is not', null);
  // Themes are a JSON array in text; a change has the theme iff its quoted form occurs in that text.
  // Not LIKE: SQLite's LIKE ignores case (PostgreSQL's does not) and `_`/`%` would need escaping;
  // replace() is case-sensitive and literal on both dialects, so the filter is exact on both.
  if (q.theme) query = query.where(sql<string>`replace(themes, ${JSON.stringify(q.theme)}, '')`, '<>', sql.ref<string>('themes'));
  return query;
};

export const selectChangePage = async (db: Db, q: ChangeQuery, page: PageRequest): Promise<Page<Change>> => {
  const [rows, total] = await Promise.all([
    filtered(db, q).selectAll().orderBy('title').orderBy('id').limit(page.size).offset(offsetOf(page)).execute(),
    filtered(db, q).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return toPage(rows.map(rowToChange), page, toCount(total.n));
};

export const selectChangesOf = async (db: Db, organizationId: string) =>
  (await db.selectFrom('changes').selectAll().where('organization_id', '=', organizationId).orderBy('title').orderBy('id').execute()).map(rowToChange);

export const slugTaken = async (db: Db, organizationId: string, slug: string) =>
  Boolean(
    await db.selectFrom('changes').select('id').where('organization_id', '=', organizationId).where('slug', '=', slug).executeTakeFirst(),
  );

export const insertMilestone = (db: Db, m: Milestone) => db.insertInto('milestones').values(milestoneToRow(m)).execute();

/** Writes `m` over the revision just below it, or throws `edit_conflict` (storage/revision.ts). */
export const updateMilestoneRow = async (db: Db, m: Milestone): Promise<void> =>
  assertRevised(await db.updateTable('milestones').set(milestoneToRow(m)).where('id', '=', m.id).where('revision', '=', m.revision - 1).executeTakeFirst(), 'milestone', m.id);

export const selectMilestone = async (db: Db, id: string) => {
  const row = await db.selectFrom('milestones').selectAll().where('id', '=', id).executeTakeFirst();
  return row && rowToMilestone(row);
};

export const selectMilestonesOf = async (db: Db, changes: readonly string[] | ChangeScope) => {
  const scope: ChangeScope = Array.isArray(changes) ? { changeIds: changes as readonly string[] } : (changes as ChangeScope);
  if (isEmptyScope(scope)) return [];
  const rows = await db.selectFrom('milestones').selectAll().where('change_id', 'in', changeIdsOf(db, scope)).orderBy('date').orderBy('position').execute();
  return rows.map(rowToMilestone);
};
