/**
 * Storage: the only layer that knows which database runs. Modules get a Kysely handle typed by
 * `Database`; the dialect (SQLite or PostgreSQL) stays behind `createDatabase`.
 */
export { createDatabase, inTransaction, toCount, pingDatabase, describeDatabaseError, DEFAULT_SQLITE_FILE } from './database';
export { migrateToLatest } from './migrator';
export { backupDatabase, restoreDatabase } from './backup';
export type { BackupResult, RestoreResult } from './backup';
export type { Db, Tx, DialectName, DatabaseConfig, DatabaseHealth, OpenDatabase } from './database';
export type { FaultKind, FaultReport } from './faults';
export { appendAudit, recordAudit, registerVersionReader, verifyChain, verifyCheckpoint, auditOf, readAuditEvents, countAuditEvents, auditEntityTypes, chainHead, hashEvent, GENESIS_HASH } from './audit';
export type { AuditFilter } from './audit';
export type { AuditEntry, AuditEvent, ChainReport, CheckpointReport } from './audit';
export type { Database } from './schema';
export type { Deps } from './deps';
export { installationSecret, findInstallationSecret } from './installation';
export { batchesWrites, writeLocked, skippingLocked } from './write-lock';
export { assertRevised } from './revision';
