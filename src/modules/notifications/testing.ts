import { fixedClock } from '../../core';
import { smtpMailer } from '../../adapters/mail';
import { startSmtpSink, type SmtpSink } from '../../adapters/testing';
import { openTestDatabase } from '../../storage/testing';
import type { DialectName, OpenDatabase } from '../../storage';
import { findChangeBySlug } from '../changes';
import { listGoals } from '../goals';
import { listGroups } from '../groups';
import { hashClientAddress, issueFormToken, type ClientHash } from '../polls';
import { seedDemo } from '../demo';
import type { WorkerDeps } from './worker';
import type { Mailer } from './mailer';

/** A test world: the demo municipality on a fresh database, a real SMTP sink and worker deps. */
export interface NotificationWorld {
  open: OpenDatabase;
  sink: SmtpSink;
  mailer: Mailer;
  clock: ReturnType<typeof fixedClock>;
  deps: WorkerDeps;
  organizationId: string;
  parking: { changeId: string; parkwijkId: string; goalId: string };
  client: ClientHash;
  /** A form token issued now, with the clock then moved past the least fill time. */
  token(): string;
  close(): Promise<void>;
}

export const SECRET = 'a-test-secret-of-at-least-32-characters!';
export const BASE_URL = 'https://helder.example.nl';

export const openWorld = async (dialect: DialectName, start = '2026-12-08T09:00:00.000Z'): Promise<NotificationWorld> => {
  const open = await openTestDatabase(dialect);
  const clock = fixedClock(start);
  const sink = await startSmtpSink();
  const mailer = smtpMailer(sink.url, { pool: 2 });
  const deps: WorkerDeps = { db: open.db, clock, secret: SECRET, baseUrl: BASE_URL, mailer };
  const { organizationId } = await seedDemo(deps);
  const change = (await findChangeBySlug(deps, organizationId, 'betaald-parkeren-parkwijk'))!;
  const parkwijk = (await listGroups(deps, organizationId)).find((g) => g.name === 'Bewoners van de Parkwijk')!;
  const parkAndRide = (await listGoals(deps, { changeIds: [change.id] })).find((g) => g.current.statement.includes('P+R'))!;
  return {
    open,
    sink,
    mailer,
    clock,
    deps,
    organizationId,
    parking: { changeId: change.id, parkwijkId: parkwijk.id, goalId: parkAndRide.id },
    client: await hashClientAddress(deps, '203.0.113.5'),
    token: () => {
      const { token } = issueFormToken(deps, 'subscribe', organizationId);
      clock.advance(3_000);
      return token;
    },
    close: async () => {
      await mailer.close();
      await sink.close();
      await open.close();
    },
  };
};

/** The first link in a mail's text that starts with `prefix`. */
export const linkIn = (text: string | undefined, prefix: string): string => {
  const match = new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}[^\\s>]+`).exec(text ?? '');
  if (!match) throw new Error(`no link ${prefix} in:\n${text}`);
  return match[0];
};

/** The last path segment of a URL (the signed token of Helder's mail links). */
export const tokenOf = (url: string): string => url.split('/').pop()!;

/** A header's raw value as sent (mailparser folds the List-* headers into an object). */
export const headerOf = (mail: { headerLines: readonly { key: string; line: string }[] }, name: string): string | undefined => {
  const line = mail.headerLines.find((h) => h.key === name)?.line;
  return line?.slice(line.indexOf(':') + 1).trim();
};
