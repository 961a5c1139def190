import { groupBy, newId } from '../../core';
import { assertRevised, type Database, type Db } from '../../storage';
import type { ChangeId } from '../changes';
import type { OrganizationId } from '../organizations';
import type { Decision, DecisionId, DecisionKind, DecisionOutcome, FollowUp, FollowUpStatus, PartyVote } from './decision';

type Row = Database['decisions'];

const rowToDecision = (r: Row, partyVotes: PartyVote[], followUps: FollowUp[]): Decision => ({
  id: r.id as DecisionId,
  organizationId: r.organization_id as OrganizationId,
  changeId: r.change_id as ChangeId | null,
  kind: r.kind as DecisionKind,
  title: r.title,
  body: r.body,
  date: r.date,
  reference: r.reference,
  sourceUrl: r.source_url,
  outcome: r.outcome as DecisionOutcome,
  votes: r.votes_for === null ? null : { for: Number(r.votes_for), against: Number(r.votes_against ?? 0), abstain: Number(r.votes_abstain ?? 0) },
  partyVotes,
  followUps,
  summary: r.summary,
  correctsId: r.corrects_id as DecisionId | null,
  createdAt: r.created_at,
  revision: Number(r.revision),
});

export const insertDecision = async (db: Db, d: Decision): Promise<void> => {
  await db
    .insertInto('decisions')
    .values({
      id: d.id,
      organization_id: d.organizationId,
      change_id: d.changeId,
      kind: d.kind,
      title: d.title,
      body: d.body,
      date: d.date,
      reference: d.reference,
      source_url: d.sourceUrl,
      outcome: d.outcome,
      votes_for: d.votes?.for ?? null,
      votes_against: d.votes?.against ?? null,
      votes_abstain: d.votes?.abstain ?? null,
      summary: d.summary,
      corrects_id: d.correctsId,
      created_at: d.createdAt,
      revision: d.revision,
    })
    .execute();
  await insertChildren(db, d);
};

const insertChildren = async (db: Db, d: Decision): Promise<void> => {
  if (d.partyVotes.length > 0) {
    await db
      .insertInto('party_votes')
      .values(d.partyVotes.map((p) => ({ id: newId(), decision_id: d.id, party: p.party, votes_for: p.for, votes_against: p.against, votes_abstain: p.abstain })))
      .execute();
  }
  if (d.followUps.length > 0) {
    await db
      .insertInto('follow_ups')
      .values(d.followUps.map((f) => ({ id: f.id, decision_id: d.id, description: f.description, due_date: f.dueDate, status: f.status })))
      .execute();
  }
};

/**
 * Rewrites a pending decision's row in place and replaces its children (only pending decisions are
 * ever rewritten). In place, not delete-and-insert: other rows (a correction, an anchor, an
 * expectation) may reference the decision, and deleting it would violate their foreign keys.
 * The row is written over the revision just below `d`'s first, so a write that lost the race
 * (`edit_conflict`, storage/revision.ts) touches no child.
 */
export const replaceDecision = async (db: Db, d: Decision): Promise<void> => {
  const result = await db
    .updateTable('decisions')
    .set({
      change_id: d.changeId,
      kind: d.kind,
      title: d.title,
      body: d.body,
      date: d.date,
      reference: d.reference,
      source_url: d.sourceUrl,
      outcome: d.outcome,
      votes_for: d.votes?.for ?? null,
      votes_against: d.votes?.against ?? null,
      votes_abstain: d.votes?.abstain ?? null,
      summary: d.summary,
      corrects_id: d.correctsId,
      revision: d.revision,
    })
    .where('id', '=', d.id)
    .where('revision', '=', d.revision - 1)
    .executeTakeFirst();
  assertRevised(result, 'decision', d.id);
  await db.deleteFrom('party_votes').where('decision_id', '=', d.id).execute();
  await db.deleteFrom('follow_ups').where('decision_id', '=', d.id).execute();
  await insertChildren(db, d);
};

/** Loads decisions with their party votes and follow-ups in three queries, whatever their number. */
const hydrate = async (db: Db, rows: Row[], organizationId?: string): Promise<Decision[]> => {
  if (rows.length === 0) return [];
  // For a whole organization, select the children through a join rather than an IN list that
  // grows with the data (SQLite refuses more than 32,766 parameters, PostgreSQL 65,535).
  const ids = rows.map((r) => r.id);
  const decisionIds = organizationId
    ? db.selectFrom('decisions').select('id').where('organization_id', '=', organizationId)
    : ids;
  const [votes, followUps] = await Promise.all([
    db.selectFrom('party_votes').selectAll().where('decision_id', 'in', decisionIds).orderBy('party').execute(),
    db.selectFrom('follow_ups').selectAll().where('decision_id', 'in', decisionIds).orderBy('due_date').execute(),
  ]);
  const votesBy = groupBy(votes, (v) => v.decision_id);
  const followBy = groupBy(followUps, (f) => f.decision_id);
  return rows.map((r) =>
    rowToDecision(
      r,
      (votesBy.get(r.id) ?? []).map((v) => ({ party: v.party, for: Number(v.votes_for), against: Number(v.votes_against), abstain: Number(v.votes_abstain) })),
      (followBy.get(r.id) ?? []).map((f) => ({ id: f.id, description: f.description, dueDate: f.due_date, status: f.status as FollowUpStatus })),
    ),
  );
};

export const selectDecision = async (db: Db, id: string): Promise<Decision | undefined> => {
  const row = await db.selectFrom('decisions').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? (await hydrate(db, [row]))[0] : undefined;
};

export const selectDecisionsByIds = async (db: Db, ids: readonly string[]): Promise<Decision[]> =>
  ids.length === 0 ? [] : hydrate(db, await db.selectFrom('decisions').selectAll().where('id', 'in', ids).orderBy('date').orderBy('id').execute());

export const selectDecisionsOfOrganization = async (db: Db, organizationId: string): Promise<Decision[]> =>
  hydrate(db, await db.selectFrom('decisions').selectAll().where('organization_id', '=', organizationId).orderBy('date').orderBy('id').execute(), organizationId);

export const selectCorrectionOf = async (db: Db, id: string) =>
  db.selectFrom('decisions').select('id').where('corrects_id', '=', id).executeTakeFirst();

/**
 * The decisions one change's story needs: those recorded for the change, those given by id (the
 * ones anchoring its goals), and every correction of them, following correction chains.
 */
export const selectDecisionsForChange = async (db: Db, changeId: string, decisionIds: readonly string[]): Promise<Decision[]> => {
  const rows = await db
    .selectFrom('decisions')
    .selectAll()
    .where((eb) => eb.or([eb('change_id', '=', changeId), ...(decisionIds.length > 0 ? [eb('id', 'in', decisionIds)] : [])]))
    .execute();
  const seen = new Set(rows.map((r) => r.id));
  let frontier = [...seen];
  while (frontier.length > 0) {
    const more = (await db.selectFrom('decisions').selectAll().where('corrects_id', 'in', frontier).execute()).filter((r) => !seen.has(r.id));
    for (const r of more) seen.add(r.id);
    rows.push(...more);
    frontier = more.map((r) => r.id);
  }
  rows.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  return hydrate(db, rows);
};
