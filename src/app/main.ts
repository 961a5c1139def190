import { fileMailer, smtpMailer } from '../adapters/mail';
import { isAppError } from '../core';
import { seedDemo, seedDemoCitizenVoice } from '../modules/demo';
import { pruneSubscriptions, startWorker } from '../modules/notifications';
import { pruneVoiceGuard } from '../modules/polls';
import { sealPlainTotpSecrets } from '../modules/users';
import type { FaultReport } from '../storage';
import { buildServer } from '../web/server';
import type { Config } from './config';
import { openApp, waitForDatabase, webContextOf } from './deps';
import { countOrganizations } from './seed';

const HOUR = 3_600_000;

const isUnavailable = (error: unknown): boolean => isAppError(error) && error.code === 'unavailable';
/** After the HTTP server closed, how long the worker, the mailer and the database may take to close. */
const DATABASE_CLOSE_MS = 2_000;

/** One log line per storage fault burst (docs/operations.md). */
export const describeFault = (r: FaultReport): string => {
  const seconds = Math.round(r.elapsedMs / 1000);
  if (r.phase === 'began') return `database fault (${r.kind}): ${r.cause}; requests answer 503 until it ends`;
  if (r.phase === 'continues') return `database fault (${r.kind}) continues after ${seconds} s and ${r.failures} failed statements: ${r.cause}`;
  return `database fault (${r.kind}) ended after ${seconds} s and ${r.failures} failed statements`;
};

/**
 * Starts Helder: wait for the database, migrate, seed the demo municipality into an empty database
 * (unless HELDER_DEMO=off), listen, prune expired citizen-voice throttles and tokens hourly, and
 * close on SIGINT/SIGTERM: requests in flight get until the shutdown deadline, then their
 * connections are cut and the database is closed (docs/operations.md).
 */
export const serve = async (config: Config, log: (line: string) => void, warn: (line: string) => void = log): Promise<() => Promise<void>> => {
  await waitForDatabase(config, warn);
  // Until the server's logger exists, faults go to stderr as plain lines.
  let reportFault = (report: FaultReport) => warn(describeFault(report));
  const app = await openApp(config, { onFault: (report) => reportFault(report) });
  // TOTP secrets from before encryption at rest are sealed once, here (docs/editor.md).
  const sealed = await sealPlainTotpSecrets(app.deps);
  if (sealed > 0) log(`Encrypted ${sealed} TOTP secret(s) that were stored in plain text.`);
  if (config.seedDemo && (await countOrganizations(app.deps)) === 0) {
    const { organizationId } = await seedDemo(app.deps);
    await seedDemoCitizenVoice(app.deps, organizationId);
    log('Demo municipality "Gemeente Voorbeeldstad" created (HELDER_DEMO=off to skip).');
  }
  const ctx = await webContextOf(app, config);
  const server = await buildServer(ctx, { logger: { level: config.logLevel }, trustProxy: config.trustProxy });
  reportFault = (report) => {
    const fields = { fault: report.kind, cause: report.cause, failures: report.failures, elapsedMs: report.elapsedMs };
    if (report.phase === 'ended') server.log.warn(fields, describeFault(report));
    else server.log.error(fields, describeFault(report));
  };
  await server.listen({ port: config.port, host: config.host });
  log(`Helder runs at ${config.baseUrl}  (database: ${app.database.dialect}, ${app.database.location})`);
  // Every app server runs the notification worker; the outbox makes sure each mail goes once.
  const mailer = config.mail.smtpUrl ? smtpMailer(config.mail.smtpUrl) : fileMailer(config.mail.dir);
  if (!config.mail.smtpUrl) log(`No HELDER_SMTP_URL: mails are written to ${config.mail.dir} and shown in the editor as not sent.`);
  // A database outage is logged once by storage (reportFault), not once per worker round.
  const worker = startWorker({ ...app.deps, secret: ctx.secret!, baseUrl: config.baseUrl, mailer }, { leaseMs: config.mail.leaseMs }, (error) => {
    if (!isUnavailable(error)) server.log.error({ err: error }, 'the notification worker failed a round');
  });
  const prune = setInterval(() => {
    pruneVoiceGuard(app.deps).catch((error: unknown) => server.log.error({ err: error }, 'pruning the citizen-voice guard failed'));
    pruneSubscriptions(app.deps).catch((error: unknown) => server.log.error({ err: error }, 'pruning expired subscribe requests failed'));
  }, HOUR);
  prune.unref();
  let closing: Promise<void> | undefined;
  const stop = () =>
    (closing ??= (async () => {
      clearInterval(prune);
      // A client that never finishes its request (a stalled upload, a slow-loris) must not keep
      // the process alive: after the deadline every connection still open is cut.
      const deadline = setTimeout(() => {
        server.log.warn(`shutdown deadline of ${config.shutdownTimeoutMs} ms reached: closing the connections still open`);
        server.server.closeAllConnections();
      }, config.shutdownTimeoutMs);
      try {
        await server.close();
      } finally {
        clearTimeout(deadline);
      }
      // The worker, the mailer and the pool wait for work in progress; a statement on a frozen
      // database or a hanging SMTP server must not hold the exit.
      let timer: NodeJS.Timeout | undefined;
      const closed = (async () => {
        await worker.stop().catch(() => undefined);
        await mailer.close().catch(() => undefined);
        await app.close().catch(() => undefined);
      })();
      await Promise.race([closed, new Promise((done) => (timer = setTimeout(done, DATABASE_CLOSE_MS)))]);
      clearTimeout(timer);
    })());
  return stop;
};
