import { createHash } from 'node:crypto';
import { canonicalJson, newId } from '../core';
import { toCount, type Db } from './database';
import type { Database } from './schema';

export const GENESIS_HASH = '0'.repeat(64);

/** What a service records about one write. */
export interface AuditEntry {
  organizationId: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  data: unknown;
  at: Date;
  /**
   * `public` for anonymous citizen events (poll answers, reactions, reports): they are in the chain
   * like every write, but do not move the register version that page caches key on.
   */
  scope?: 'register' | 'public';
}

export interface AuditEvent extends Omit<AuditEntry, 'at'> {
  seq: number;
  at: string;
  prevHash: string;
  hash: string;
}

/** The hashed form of an event: every field but the hashes themselves, in canonical JSON. */
export const hashEvent = (prevHash: string, event: Omit<AuditEvent, 'prevHash' | 'hash'>): string =>
  createHash('sha256')
    .update(prevHash)
    .update(
      canonicalJson({
        organizationId: event.organizationId,
        seq: event.seq,
        at: event.at,
        actor: event.actor,
        action: event.action,
        entityType: event.entityType,
        entityId: event.entityId,
        data: event.data,
      }),
    )
    .digest('hex');

/**
 * Appends one event to the organization's chain. Must run inside the use case's transaction, so the
 * entry exists iff the write does. The UPDATE on `audit_heads` takes a row lock on PostgreSQL, which
 * serializes concurrent appends to one chain; SQLite serializes all writers anyway.
 */
export const appendAudit = async (tx: Db, entry: AuditEntry): Promise<AuditEvent> => {
  const head = await tx
    .updateTable('audit_heads')
    .set((eb) => ({ seq: eb('seq', '+', 1), ...(entry.scope === 'public' ? {} : { register_seq: eb('seq', '+', 1) }) }))
    .where('organization_id', '=', entry.organizationId)
    .returning(['seq', 'hash'])
    .executeTakeFirst();
  let seq = 1;
  let prevHash = GENESIS_HASH;
  if (head) {
    seq = Number(head.seq);
    prevHash = head.hash;
  } else {
    await tx
      .insertInto('audit_heads')
      .values({ organization_id: entry.organizationId, seq: 1, hash: GENESIS_HASH, register_seq: entry.scope === 'public' ? 0 : 1 })
      .execute();
  }
  // Round-trip data through JSON so the hashed form equals what is stored and read back.
  const data = JSON.parse(canonicalJson(entry.data ?? null)) as unknown;
  const { scope: _scope, ...rest } = entry;
  const base = { ...rest, data, seq, at: entry.at.toISOString() };
  const hash = hashEvent(prevHash, base);
  await tx
    .insertInto('audit_events')
    .values({
      id: newId(),
      organization_id: entry.organizationId,
      seq,
      at: base.at,
      actor: entry.actor,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      data: canonicalJson(data),
      prev_hash: prevHash,
      hash,
    })
    .execute();
  await tx.updateTable('audit_heads').set({ hash }).where('organization_id', '=', entry.organizationId).execute();
  // The notification outbox (ARCHITECTURE.md "Growing it"): every register event is queued in this
  // transaction, so a crash can never lose a mail; the notifications worker decides which events
  // are worth one. Anonymous public events (poll answers, reactions) never are.
  if (entry.scope !== 'public') {
    await tx
      .insertInto('notification_outbox')
      .values({ id: newId(), organization_id: entry.organizationId, seq, action: entry.action, entity_type: entry.entityType, entity_id: entry.entityId, data: canonicalJson(data), at: base.at, state: 'pending', notice: null })
      .execute();
  }
  return { ...base, prevHash, hash };
};

export interface ChainReport {
  organizationId: string;
  events: number;
  ok: boolean;
  headHash: string;
  /** The first broken link, when the chain does not verify. */
  broken?: { seq: number; reason: 'hash_mismatch' | 'prev_mismatch' | 'missing' | 'head_mismatch' | 'head_missing'; detail: string };
}

const BATCH = 5000;

/**
 * Recomputes one organization's chain from the first event and reports the first broken link:
 * a changed byte (hash mismatch), a deleted or reordered row (sequence gap or prev mismatch), or
 * deleted newest rows (the head no longer matches the last event, or is gone). Reads in batches:
 * bounded memory. What it cannot see: the whole chain (events and head) deleted, or history
 * deleted and every later hash recomputed — that takes a published checkpoint (verifyCheckpoint).
 */
export const verifyChain = async (db: Db, organizationId: string): Promise<ChainReport> => {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(BATCH)
      .execute();
    for (const row of rows) {
      const seq = Number(row.seq);
      const fail = (reason: NonNullable<ChainReport['broken']>['reason'], detail: string): ChainReport => ({
        organizationId,
        events: expectedSeq - 1,
        ok: false,
        headHash: prevHash,
        broken: { seq, reason, detail },
      });
      if (seq !== expectedSeq) return fail('missing', `event ${expectedSeq} is missing (next is ${seq})`);
      if (row.prev_hash !== prevHash) return fail('prev_mismatch', `event ${seq} does not point at event ${seq - 1}`);
      let data: unknown;
      try {
        data = JSON.parse(row.data);
      } catch {
        return fail('hash_mismatch', `event ${seq} holds data that is not JSON`);
      }
      const hash = hashEvent(prevHash, {
        organizationId: row.organization_id,
        seq,
        at: row.at,
        actor: row.actor,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        data,
      });
      if (hash !== row.hash) return fail('hash_mismatch', `event ${seq} was changed after it was written`);
      prevHash = hash;
      expectedSeq += 1;
    }
    if (rows.length < BATCH) break;
  }
  const head = await db.selectFrom('audit_heads').selectAll().where('organization_id', '=', organizationId).executeTakeFirst();
  const events = expectedSeq - 1;
  // Every append writes the head in the same transaction, so events without a head means someone
  // removed it, most likely together with the newest events it would have betrayed.
  if (!head && events > 0) {
    return {
      organizationId,
      events,
      ok: false,
      headHash: prevHash,
      broken: { seq: events + 1, reason: 'head_missing', detail: `the chain has ${events} events but no head: the head and perhaps the newest events were deleted` },
    };
  }
  if (head && (Number(head.seq) !== events || head.hash !== prevHash)) {
    return {
      organizationId,
      events,
      ok: false,
      headHash: prevHash,
      broken: { seq: events + 1, reason: 'head_mismatch', detail: `the chain ends at event ${events} but its head says ${head.seq}` },
    };
  }
  return { organizationId, events, ok: true, headHash: prevHash };
};

/** Reads the audit events of one entity, oldest first (for auditors). */
const rowToEvent = (r: Database['audit_events']): AuditEvent => ({
  organizationId: r.organization_id,
  seq: Number(r.seq),
  at: r.at,
  actor: r.actor,
  action: r.action,
  entityType: r.entity_type,
  entityId: r.entity_id,
  data: JSON.parse(r.data) as unknown,
  prevHash: r.prev_hash,
  hash: r.hash,
});

export const auditOf = async (db: Db, entityType: string, entityId: string): Promise<AuditEvent[]> =>
  (await db.selectFrom('audit_events').selectAll().where('entity_type', '=', entityType).where('entity_id', '=', entityId).orderBy('seq').execute()).map(rowToEvent);

/** Which events of one organization's log a read wants: some entities, or one entity type. */
export interface AuditFilter {
  entityIds?: readonly string[];
  entityType?: string | undefined;
}

const filteredEvents = (db: Db, organizationId: string, filter: AuditFilter) => {
  let query = db.selectFrom('audit_events').where('organization_id', '=', organizationId);
  if (filter.entityIds) query = query.where('entity_id', 'in', [...new Set(filter.entityIds)]);
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
  return query;
};

/** One organization's audit events, newest first, filtered and bounded (for auditors' pages). */
export const readAuditEvents = async (db: Db, organizationId: string, filter: AuditFilter, range: { limit: number; offset?: number }): Promise<AuditEvent[]> => {
  if (filter.entityIds?.length === 0) return [];
  const rows = await filteredEvents(db, organizationId, filter).selectAll().orderBy('seq', 'desc').limit(range.limit).offset(range.offset ?? 0).execute();
  return rows.map(rowToEvent);
};

/** How many events of one organization's log match a filter. */
export const countAuditEvents = async (db: Db, organizationId: string, filter: AuditFilter): Promise<number> =>
  filter.entityIds?.length === 0 ? 0 : toCount((await filteredEvents(db, organizationId, filter).select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow()).n);

/** The entity types that occur in one organization's log (for a filter). */
export const auditEntityTypes = async (db: Db, organizationId: string): Promise<string[]> =>
  (await db.selectFrom('audit_events').select('entity_type').distinct().where('organization_id', '=', organizationId).orderBy('entity_type').execute()).map((r) => r.entity_type);

/**
 * The newest link of an organization's chain: its sequence number, hash and time (the genesis hash
 * and `null` before the first write). What a published checkpoint records. Two indexed reads.
 */
export const chainHead = async (db: Db, organizationId: string): Promise<{ seq: number; hash: string; at: string | null }> => {
  const head = await db.selectFrom('audit_heads').select(['seq', 'hash']).where('organization_id', '=', organizationId).executeTakeFirst();
  const seq = Number(head?.seq ?? 0);
  const event = seq > 0 ? await db.selectFrom('audit_events').select(['hash', 'at']).where('organization_id', '=', organizationId).where('seq', '=', seq).executeTakeFirst() : undefined;
  return { seq, hash: event?.hash ?? head?.hash ?? GENESIS_HASH, at: event?.at ?? null };
};

/** The shape services use: actor and clock from the use case, the rest describes the write. */
export const recordAudit = (
  tx: Db,
  deps: { clock: { now(): Date } },
  actor: { id: string },
  entry: Omit<AuditEntry, 'actor' | 'at'>,
): Promise<AuditEvent> => appendAudit(tx, { ...entry, actor: actor.id, at: deps.clock.now() });

/**
 * A reader of the register's version: the sequence number of an organization's newest audit event
 * that changed the register (0 before its first write; public events excluded), or without an id
 * the sum over all organizations, which grows on any register write anywhere. Every
 * write appends to its chain in the same transaction, so an unchanged version means unchanged data:
 * caches rely on it, whichever process wrote. The queries are compiled once, off the hot path.
 */
export const registerVersionReader = (db: Db): ((organizationId?: string) => Promise<number>) => {
  const one = db.selectFrom('audit_heads').select('register_seq as seq').where('organization_id', '=', '').compile();
  const all = db.selectFrom('audit_heads').select((eb) => eb.fn.sum<number | string>('register_seq').as('seq')).compile();
  return async (organizationId?: string): Promise<number> => {
    const result = organizationId === undefined ? await db.executeQuery(all) : await db.executeQuery({ ...one, parameters: [organizationId] });
    return Number((result.rows[0] as { seq?: number | string | null } | undefined)?.seq ?? 0);
  };
};

export interface CheckpointReport {
  organizationId: string;
  seq: number;
  hash: string;
  ok: boolean;
  /** Why a checkpoint does not hold: the chain is broken, the event is gone, or it has another hash. */
  reason?: 'chain_broken' | 'missing' | 'hash_differs';
  chain: ChainReport;
}

/**
 * Checks that a published checkpoint (the chain hash at event `seq`, e.g. from the portal's
 * /{org}/controlepunt page) is still part of the organization's chain. `verifyChain` alone catches
 * a changed or deleted row, but not someone who deletes history and recomputes every hash after it:
 * that chain verifies. A checkpoint published before the rewrite does not: event `seq` is gone, or
 * its hash differs. Because each hash covers the previous one, a matching hash at `seq` proves the
 * whole prefix 1…seq is the one that was published.
 */
export const verifyCheckpoint = async (db: Db, organizationId: string, seq: number, hash: string): Promise<CheckpointReport> => {
  const chain = await verifyChain(db, organizationId);
  const base = { organizationId, seq, hash, chain };
  if (!chain.ok) return { ...base, ok: false, reason: 'chain_broken' };
  const row = await db.selectFrom('audit_events').select('hash').where('organization_id', '=', organizationId).where('seq', '=', seq).executeTakeFirst();
  if (!row) return { ...base, ok: false, reason: 'missing' };
  if (row.hash !== hash.toLowerCase()) return { ...base, ok: false, reason: 'hash_differs' };
  return { ...base, ok: true };
};
