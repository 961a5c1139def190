import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Mailer, OutgoingMail } from '../modules/notifications';

/**
 * Mail adapters: the edge where the notifications module's `Mailer` port meets the world
 * (ARCHITECTURE.md "Growing it"). nodemailer over SMTP when `HELDER_SMTP_URL` is set, and
 * otherwise files under the data folder, so the demo shows notifications without a mail server.
 */

const messageOf = (mail: OutgoingMail) => ({
  messageId: mail.messageId,
  from: { name: mail.from.name, address: mail.from.address },
  to: mail.to,
  subject: mail.subject,
  text: mail.text,
  html: mail.html,
  headers: mail.headers,
  // No tracking of any kind: nodemailer adds none; say so for readers of the source.
  disableUrlAccess: true,
  disableFileAccess: true,
});

/**
 * SMTP with pooled connections: `smtp://user:pass@host:587` (STARTTLS when the server offers it;
 * `?requireTLS=true` refuses a server that does not) or `smtps://…:465` (TLS from the start).
 */
export const smtpMailer = (url: string, options: { pool?: number } = {}): Mailer => {
  const u = new URL(url);
  if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:') throw new Error('HELDER_SMTP_URL must start with smtp:// or smtps://');
  const secure = u.protocol === 'smtps:';
  const maxConnections = options.pool ?? 5;
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections,
    host: u.hostname,
    port: Number(u.port) || (secure ? 465 : 587),
    secure,
    requireTLS: u.searchParams.get('requireTLS') === 'true',
    ...(u.username ? { auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } } : {}),
    ...(u.searchParams.get('tlsInsecure') === 'true' ? { tls: { rejectUnauthorized: false } } : {}),
  });
  return {
    via: 'smtp',
    concurrency: maxConnections,
    send: async (mail) => {
      await transport.sendMail(messageOf(mail));
    },
    close: async () => {
      transport.close();
    },
  };
};

/** Writes each mail as an .eml file into `dir` (one file per Message-ID: a resend overwrites it). */
export const fileMailer = (dir: string): Mailer => {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    via: 'file',
    concurrency: 1,
    send: async (mail) => {
      const info = await transport.sendMail(messageOf(mail));
      await mkdir(dir, { recursive: true });
      const name = mail.messageId.replace(/[^A-Za-z0-9.@-]/g, '_');
      await writeFile(join(dir, `${name}.eml`), info.message as Buffer);
    },
    close: async () => undefined,
  };
};
