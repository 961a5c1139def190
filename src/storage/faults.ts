import type { CompiledQuery, DatabaseConnection, Dialect, Driver, QueryResult, TransactionSettings } from 'kysely';
import { AppError } from '../core';

/**
 * Storage faults: the database cannot be reached, answers too late, or cannot store data. Every
 * dialect's driver errors of that class become ONE domain error, `unavailable` (web answers 503
 * with Retry-After), so no route or use case needs to know a driver's error codes (docs/operations.md).
 *
 * - `connection`: refused, terminated, shutting down or starting up (PostgreSQL restart)
 * - `timeout`: no answer within the connect or statement timeout (a frozen or overloaded server)
 * - `busy`: a lock or connection slot not free in time (SQLITE_BUSY, too many connections)
 * - `disk_full`, `read_only`, `io`: writes fail while reads may still work (SQLITE_FULL, …)
 */
export type FaultKind = 'connection' | 'timeout' | 'busy' | 'disk_full' | 'read_only' | 'io';

/** Says whether a driver error is a storage fault, and which; `undefined` for every other error. */
export type FaultClassifier = (error: unknown) => FaultKind | undefined;

/** Faults after which writes fail but reads may still work: they end only with a successful write. */
const WRITE_FAULTS: ReadonlySet<FaultKind> = new Set(['disk_full', 'read_only', 'io']);

/** What a client may read: no paths, hosts or driver text (those go to the log). */
const MESSAGES: Record<FaultKind, string> = {
  connection: 'The database cannot be reached right now. Try again in a moment.',
  timeout: 'The database did not answer in time. Try again in a moment.',
  busy: 'The database is busy. Try again in a moment.',
  disk_full: 'The database cannot store anything right now (its storage is full). Reading still works.',
  read_only: 'The database is read-only right now. Reading still works.',
  io: 'The database cannot write to its storage right now. Reading still works.',
};

/** The domain error for a storage fault; the driver error stays its `cause` (for the log). */
export const unavailable = (kind: FaultKind, cause: unknown): AppError =>
  new AppError('unavailable', MESSAGES[kind], { cause, details: { fault: kind } });

/** The storage fault an error stands for, if it is one (already translated or not). */
export const faultOf = (error: unknown, classify: FaultClassifier): FaultKind | undefined => {
  if (error instanceof AppError) return error.code === 'unavailable' ? (error.details.fault as FaultKind | undefined) ?? 'connection' : undefined;
  return classify(error);
};

/** One line for the log: the driver's code and message (the real cause, e.g. SQLITE_FULL). */
export const describeCause = (error: unknown): string => {
  const inner = error instanceof AppError && error.cause !== undefined ? error.cause : error;
  // `localhost` resolves to ::1 and 127.0.0.1: Node reports both refusals as one AggregateError.
  const first = inner instanceof AggregateError && inner.errors.length > 0 ? inner.errors[0] : inner;
  if (!(first instanceof Error)) return String(first);
  const code = (first as { code?: unknown }).code;
  return typeof code === 'string' && !first.message.includes(code) ? `${code}: ${first.message}` : first.message || (typeof code === 'string' ? code : first.name);
};

/** A burst of faults as the log sees it: one line when it begins, a reminder each minute, one when it ends. */
export interface FaultReport {
  phase: 'began' | 'continues' | 'ended';
  kind: FaultKind;
  /** Driver code and message of the first fault of the burst. */
  cause: string;
  /** Faults in the burst so far. */
  failures: number;
  /** Milliseconds since the burst began. */
  elapsedMs: number;
}

interface Burst {
  kind: FaultKind;
  cause: string;
  since: number;
  failures: number;
  reportedAt: number;
  lastAt: number;
}

const REMIND_MS = 60_000;
/** Writes count as failing for this long after the last failed write, unless one succeeds first. */
const WRITE_FAULT_MEMORY_MS = 60_000;

/**
 * Remembers storage faults: logs the real cause once per burst (not once per request), and knows
 * whether writes are failing right now, for /healthz. A read success ends a connection burst; only
 * a write success (or a minute without a failed write) ends a write burst, since reads keep working
 * on a full disk.
 */
export class FaultMonitor {
  #reach: Burst | undefined;
  #writes: Burst | undefined;

  constructor(
    private readonly report: (report: FaultReport) => void = () => undefined,
    private readonly now: () => number = Date.now,
  ) {}

  failed(kind: FaultKind, error: unknown): void {
    const write = WRITE_FAULTS.has(kind);
    const t = this.now();
    let burst = write ? this.#writes : this.#reach;
    if (burst && write && t - burst.lastAt > WRITE_FAULT_MEMORY_MS) burst = this.#end('writes');
    if (!burst) {
      burst = { kind, cause: describeCause(error), since: t, failures: 0, reportedAt: t, lastAt: t };
      if (write) this.#writes = burst;
      else this.#reach = burst;
      this.report({ phase: 'began', kind, cause: burst.cause, failures: 1, elapsedMs: 0 });
    } else if (t - burst.reportedAt >= REMIND_MS) {
      burst.reportedAt = t;
      this.report({ phase: 'continues', kind: burst.kind, cause: burst.cause, failures: burst.failures + 1, elapsedMs: t - burst.since });
    }
    burst.failures += 1;
    burst.lastAt = t;
  }

  /** A statement succeeded; `write` when it stored something (a commit, or a write outside a transaction). */
  succeeded(write: boolean): void {
    if (this.#reach) this.#end('reach');
    if (write && this.#writes) this.#end('writes');
  }

  /** Writes are failing: the fault kind and since when; `undefined` when writes work (as far as known). */
  failingWrites(): { kind: FaultKind; since: number } | undefined {
    const burst = this.#writes;
    if (!burst) return undefined;
    if (this.now() - burst.lastAt > WRITE_FAULT_MEMORY_MS) return undefined;
    return { kind: burst.kind, since: burst.since };
  }

  #end(which: 'reach' | 'writes'): undefined {
    const burst = which === 'reach' ? this.#reach : this.#writes;
    if (which === 'reach') this.#reach = undefined;
    else this.#writes = undefined;
    if (burst) this.report({ phase: 'ended', kind: burst.kind, cause: burst.cause, failures: burst.failures, elapsedMs: this.now() - burst.since });
    return undefined;
  }
}

const WRITE_NODES = new Set(['InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode', 'MergeQueryNode']);

/** A connection that translates driver faults and tells the monitor about every outcome. */
class GuardedConnection implements DatabaseConnection {
  /** Inside BEGIN … COMMIT, whether Kysely's or a raw `begin immediate` (write-lock.ts). */
  inTransaction = false;

  constructor(
    readonly inner: DatabaseConnection,
    private readonly guard: Guard,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const raw = query.query.kind === 'RawNode' ? query.sql.trimStart().slice(0, 8).toLowerCase() : '';
    const result = await this.guard.run(() => this.inner.executeQuery<R>(query));
    if (raw.startsWith('begin')) this.inTransaction = true;
    const ends = raw.startsWith('commit') || raw.startsWith('end') || raw.startsWith('rollback');
    if (ends) this.inTransaction = false;
    this.guard.monitor.succeeded(raw.startsWith('commit') || raw.startsWith('end') || (!this.inTransaction && WRITE_NODES.has(query.query.kind)));
    return result;
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

class Guard {
  constructor(
    readonly classify: FaultClassifier,
    readonly monitor: FaultMonitor,
  ) {}

  async run<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      const kind = faultOf(error, this.classify);
      if (!kind) throw error;
      this.monitor.failed(kind, error);
      throw error instanceof AppError ? error : unavailable(kind, error);
    }
  }
}

class GuardedDriver implements Driver {
  constructor(
    private readonly inner: Driver,
    private readonly guard: Guard,
  ) {}

  init(): Promise<void> {
    return this.guard.run(() => this.inner.init());
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new GuardedConnection(await this.guard.run(() => this.inner.acquireConnection()), this.guard);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const c = connection as GuardedConnection;
    await this.guard.run(() => this.inner.beginTransaction(c.inner, settings));
    c.inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as GuardedConnection;
    await this.guard.run(() => this.inner.commitTransaction(c.inner));
    c.inTransaction = false;
    this.guard.monitor.succeeded(true);
  }

  /**
   * A failed rollback must not hide why the transaction failed: after SQLITE_FULL (or IOERR, BUSY)
   * SQLite has already rolled back, and its "cannot rollback - no transaction is active" would
   * replace the real cause (Kysely throws the rollback's error). After a lost PostgreSQL connection
   * the rollback fails too, and the pool drops that connection. So the rollback's own failure is
   * dropped and the caller sees the error that made it roll back.
   */
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as GuardedConnection;
    c.inTransaction = false;
    await this.inner.rollbackTransaction(c.inner).catch(() => undefined);
  }

  async savepoint(connection: DatabaseConnection, name: string, compile: Parameters<NonNullable<Driver['savepoint']>>[2]): Promise<void> {
    const c = connection as GuardedConnection;
    if (!this.inner.savepoint) throw new Error('savepoints are not supported by this dialect');
    await this.guard.run(() => this.inner.savepoint!(c.inner, name, compile));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: Parameters<NonNullable<Driver['rollbackToSavepoint']>>[2]): Promise<void> {
    const c = connection as GuardedConnection;
    if (!this.inner.rollbackToSavepoint) throw new Error('savepoints are not supported by this dialect');
    await this.guard.run(() => this.inner.rollbackToSavepoint!(c.inner, name, compile));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compile: Parameters<NonNullable<Driver['releaseSavepoint']>>[2]): Promise<void> {
    const c = connection as GuardedConnection;
    if (!this.inner.releaseSavepoint) throw new Error('savepoints are not supported by this dialect');
    await this.guard.run(() => this.inner.releaseSavepoint!(c.inner, name, compile));
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection((connection as GuardedConnection).inner);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

/**
 * Wraps a dialect so that every storage fault of its driver surfaces as `unavailable` and is
 * counted by `monitor`. Other errors (constraint violations, bad SQL) pass through unchanged.
 */
export const guardDialect = (dialect: Dialect, classify: FaultClassifier, monitor: FaultMonitor): Dialect => {
  const guard = new Guard(classify, monitor);
  return {
    createAdapter: () => dialect.createAdapter(),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createDriver: () => new GuardedDriver(dialect.createDriver(), guard),
  };
};
