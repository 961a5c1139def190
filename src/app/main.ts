import { seedDemo, seedDemoCitizenVoice } from '../modules/demo';
import { fileMailer, smtpMailer } from '../adapters/mail';
import { pruneSubscriptions, startWorker } from '../modules/notifications';
import { pruneVoiceGuard } from '../modules/polls';
import { buildServer } from '../web/server';
import type { Config } from './config';
import { openApp, webContextOf } from './deps';
import { countOrganizations } from './seed';

const HOUR = 3_600_000;

/**
 * Starts Helder: migrate, seed the demo municipality into an empty database (unless HELDER_DEMO=off),
 * listen, prune expired citizen-voice throttles and tokens hourly, and close cleanly on SIGINT/SIGTERM
 * so in-flight requests finish and the database is closed.
 */
export const serve = async (config: Config, log: (line: string) => void): Promise<() => Promise<void>> => {
  const app = await openApp(config);
  if (config.seedDemo && (await countOrganizations(app.deps)) === 0) {
    const { organizationId } = await seedDemo(app.deps);
    await seedDemoCitizenVoice(app.deps, organizationId);
    log('Demo municipality "Gemeente Voorbeeldstad" created (HELDER_DEMO=off to skip).');
  }
  const ctx = await webContextOf(app, config);
  const server = await buildServer(ctx, { logger: { level: config.logLevel }, trustProxy: config.trustProxy });
  await server.listen({ port: config.port, host: config.host });
  log(`Helder runs at ${config.baseUrl}  (database: ${app.database.dialect}, ${app.database.location})`);
  // Every app server runs the notification worker; the outbox makes sure each mail goes once.
  const mailer = config.mail.smtpUrl ? smtpMailer(config.mail.smtpUrl) : fileMailer(config.mail.dir);
  if (!config.mail.smtpUrl) log(`No HELDER_SMTP_URL: mails are written to ${config.mail.dir} and shown in the editor as not sent.`);
  const worker = startWorker({ ...app.deps, secret: ctx.secret!, baseUrl: config.baseUrl, mailer }, {}, (error) => server.log.error({ err: error }, 'the notification worker failed a round'));
  const prune = setInterval(() => {
    pruneVoiceGuard(app.deps).catch((error: unknown) => server.log.error({ err: error }, 'pruning the citizen-voice guard failed'));
    pruneSubscriptions(app.deps).catch((error: unknown) => server.log.error({ err: error }, 'pruning expired subscribe requests failed'));
  }, HOUR);
  prune.unref();
  let closing: Promise<void> | undefined;
  const stop = () =>
    (closing ??= (async () => {
      clearInterval(prune);
      await server.close();
      await worker.stop();
      await mailer.close();
      await app.close();
    })());
  return stop;
};
