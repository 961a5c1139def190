import pg from 'pg';
import { PostgresDialect, type Dialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import type { FaultKind } from '../faults';

export interface PostgresOptions {
  searchPath?: string;
  max?: number;
  /** Establishing a connection, or waiting for a free one in the pool; 0 waits forever. */
  connectTimeoutMs?: number;
  /** Per statement, enforced by the server (statement_timeout) and, a little later, by the client; 0: none. */
  statementTimeoutMs?: number;
  /** Connection errors outside any query (an idle connection killed by a restart): logged, never thrown. */
  onIdleError?: (error: Error) => void;
  /** Says whether an error means the connection is broken, so the pool must not hand it out again. */
  isBroken?: (error: unknown) => boolean;
}

/**
 * How much later than the server the client gives up on a statement: the server's cancel normally
 * wins (the connection stays usable); the client's timer fires only when the server cannot answer
 * at all (frozen, or the network gone), and then the connection is discarded.
 */
const CLIENT_TIMEOUT_MARGIN_MS = 250;

/**
 * Opens a PostgreSQL pool. `synchronous_commit=on` is requested per connection so an acknowledged
 * write is on disk even if the server's default was relaxed. `searchPath` isolates test schemas.
 *
 * A PostgreSQL restart ends every connection with an error event. pg emits it on the pool for an
 * idle connection and on the client for one in use between two queries; an event without listener
 * ends the Node process, so both get one here. A connection whose query failed because the
 * connection broke (or never answered) is released as broken, so the pool closes it.
 */
export const openPostgres = (url: string, options: PostgresOptions = {}): { dialect: Dialect; pool: pg.Pool } => {
  const settings = ['-c synchronous_commit=on'];
  if (options.searchPath) settings.push(`-c search_path=${options.searchPath}`);
  const statement = options.statementTimeoutMs ?? 0;
  if (statement > 0) settings.push(`-c statement_timeout=${statement}`);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    options: settings.join(' '),
    connectionTimeoutMillis: options.connectTimeoutMs ?? 0,
    ...(statement > 0 ? { query_timeout: statement + CLIENT_TIMEOUT_MARGIN_MS } : {}),
    // Notices a peer that vanished without closing (a network partition) instead of waiting forever.
    keepAlive: true,
  });
  const onIdleError = options.onIdleError ?? (() => undefined);
  pool.on('error', onIdleError);
  pool.on('connect', (client) => client.on('error', onIdleError));
  const isBroken = options.isBroken ?? (() => false);
  const guarded: PostgresPool = {
    connect: async () => {
      const client = await pool.connect();
      let broken: Error | undefined;
      const wrapped = {
        query: (...args: unknown[]) =>
          (client.query as (...a: unknown[]) => Promise<unknown>)(...args).catch((error: unknown) => {
            if (isBroken(error)) broken = error instanceof Error ? error : new Error(String(error));
            throw error;
          }),
        release: () => client.release(broken),
      };
      return wrapped as unknown as PostgresPoolClient;
    },
    end: () => pool.end(),
  };
  return { dialect: new PostgresDialect({ pool: guarded }), pool };
};

/** SQLSTATE classes and codes (https://www.postgresql.org/docs/current/errcodes-appendix.html). */
const SQLSTATE_FAULTS: Record<string, FaultKind> = {
  '57P01': 'connection', // admin_shutdown: pg_ctl stop -m fast / smart
  '57P02': 'connection', // crash_shutdown: pg_ctl stop -m immediate, a crashed backend
  '57P03': 'connection', // cannot_connect_now: starting up or shutting down
  '57P05': 'connection', // idle_session_timeout
  '57014': 'timeout', // query_canceled: statement_timeout
  '55P03': 'busy', // lock_not_available: lock_timeout
  '53300': 'busy', // too_many_connections
  '40001': 'busy', // serialization_failure
  '40P01': 'busy', // deadlock_detected
  '53100': 'disk_full',
  '25006': 'read_only', // read_only_sql_transaction: a standby, or default_transaction_read_only
  '58030': 'io', // io_error
};

const NODE_CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'EHOSTDOWN', 'ENETUNREACH', 'ENETDOWN', 'ENOTFOUND', 'EAI_AGAIN']);

/** pg's own messages for a connection that broke, never opened in time, or did not answer. */
const PG_MESSAGES: [RegExp, FaultKind][] = [
  [/timeout exceeded when trying to connect|connection timeout|Query read timeout/i, 'timeout'],
  [/Connection terminated|not queryable|Cannot use a pool after calling end/i, 'connection'],
];

export const classifyPostgresFault = (error: unknown): FaultKind | undefined => {
  if (error instanceof AggregateError && error.errors.length > 0) return classifyPostgresFault(error.errors[0]);
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (SQLSTATE_FAULTS[code]) return SQLSTATE_FAULTS[code];
    if (code.startsWith('08')) return 'connection'; // connection_exception class
    if (NODE_CONNECTION_CODES.has(code)) return 'connection';
  }
  return PG_MESSAGES.find(([pattern]) => pattern.test(error.message))?.[1];
};

/** Whether the connection that produced `error` must be discarded rather than reused. */
export const breaksPostgresConnection = (error: unknown): boolean => {
  const kind = classifyPostgresFault(error);
  if (kind === 'connection') return true;
  // A client-side timeout leaves a statement running on a server that does not answer.
  return kind === 'timeout' && error instanceof Error && /Query read timeout/i.test(error.message);
};
