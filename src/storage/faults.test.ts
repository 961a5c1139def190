import { describe, expect, it } from 'vitest';
import { classifyPostgresFault } from './dialects/postgres';
import { classifySqliteFault } from './dialects/sqlite';
import { FaultMonitor, type FaultReport } from './faults';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('storage faults', () => {
  it('knows PostgreSQL outages, timeouts and full disks, and leaves every other error alone', () => {
    const cases: [unknown, string | undefined][] = [
      [withCode('ECONNREFUSED'), 'connection'],
      [new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], ''), 'connection'],
      [withCode('57P01', 'terminating connection due to administrator command'), 'connection'],
      [withCode('57P03', 'the database system is starting up'), 'connection'],
      [withCode('08006'), 'connection'],
      [new Error('Connection terminated unexpectedly'), 'connection'],
      [new Error('timeout exceeded when trying to connect'), 'timeout'],
      [new Error('Query read timeout'), 'timeout'],
      [withCode('57014', 'canceling statement due to statement timeout'), 'timeout'],
      [withCode('53100', 'could not extend file: No space left on device'), 'disk_full'],
      [withCode('25006'), 'read_only'],
      [withCode('40P01'), 'busy'],
      // Not faults: a constraint the code handles, a bug.
      [withCode('23505', 'duplicate key value violates unique constraint'), undefined],
      [withCode('42P01', 'relation does not exist'), undefined],
      [new TypeError('x is undefined'), undefined],
    ];
    expect(cases.map(([error]) => classifyPostgresFault(error))).toEqual(cases.map(([, kind]) => kind));
  });

  it('knows SQLite full disks, read-only files, I/O errors and locks, by primary and extended code', () => {
    const cases: [unknown, string | undefined][] = [
      [withCode('SQLITE_FULL'), 'disk_full'],
      [withCode('SQLITE_IOERR_WRITE'), 'io'],
      [withCode('SQLITE_READONLY_DBMOVED'), 'read_only'],
      [withCode('SQLITE_BUSY'), 'busy'],
      [withCode('SQLITE_CONSTRAINT_UNIQUE'), undefined],
      [withCode('SQLITE_ERROR'), undefined],
    ];
    expect(cases.map(([error]) => classifySqliteFault(error))).toEqual(cases.map(([, kind]) => kind));
  });

  it('reports a burst once when it begins, each minute while it lasts, and once when it ends', () => {
    let now = 0;
    const reports: FaultReport[] = [];
    const monitor = new FaultMonitor((r) => reports.push(r), () => now);
    for (let i = 0; i < 100; i++) {
      monitor.failed('connection', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'));
      now += 1_000;
    }
    monitor.succeeded(false);
    expect(reports.map((r) => [r.phase, r.failures])).toEqual([['began', 1], ['continues', 61], ['ended', 100]]);
    expect(reports[0]!.cause).toBe('connect ECONNREFUSED 127.0.0.1:5432');
  });

  it('keeps writes failing through successful reads until a write succeeds', () => {
    let now = 0;
    const monitor = new FaultMonitor(undefined, () => now);
    monitor.failed('disk_full', withCode('SQLITE_FULL', 'database or disk is full'));
    monitor.succeeded(false);
    now += 5_000;
    expect(monitor.failingWrites()).toEqual({ kind: 'disk_full', since: 0 });
    monitor.succeeded(true);
    expect(monitor.failingWrites()).toBeUndefined();
  });
});
