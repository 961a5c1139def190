import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server in the test process (smtp-server, over TCP on a free port), whose received
 * mails are parsed with mailparser: tests see what a resident's mail program would see.
 */
export interface SmtpSink {
  url: string;
  mails: ParsedMail[];
  /** Resolves once at least `n` mails arrived (rejects after `timeoutMs`). */
  waitFor(n: number, timeoutMs?: number): Promise<ParsedMail[]>;
  /** Refuse the next `n` messages with a temporary error (451), to test retries. */
  refuseNext(n: number): void;
  close(): Promise<void>;
}

export const startSmtpSink = async (options: { delayMs?: number } = {}): Promise<SmtpSink> => {
  const mails: ParsedMail[] = [];
  let refuse = 0;
  const waiters: { n: number; resolve: () => void }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      if (refuse > 0) {
        refuse -= 1;
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error('try again later'), { responseCode: 451 })));
        return;
      }
      simpleParser(stream)
        .then(async (mail) => {
          // A slow mail server, when a test wants one (to kill a sender mid-batch).
          if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
          mails.push(mail);
          for (const w of waiters.filter((x) => mails.length >= x.n)) w.resolve();
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  // A sender killed mid-message resets its connection: that is the point of some tests, not an error.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    refuseNext: (n) => {
      refuse = n;
    },
    waitFor: (n, timeoutMs = 5_000) =>
      mails.length >= n
        ? Promise.resolve(mails)
        : new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`only ${mails.length} of ${n} mails arrived`)), timeoutMs);
            waiters.push({ n, resolve: () => (clearTimeout(timer), resolve(mails)) });
          }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
