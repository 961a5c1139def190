/**
 * The port mail leaves through. The domain builds complete messages; an adapter at the edge
 * (src/adapters/mail.ts: nodemailer over SMTP, or files when no mail server is configured) hands
 * them on. Tests plug in an SMTP server of their own.
 */
export interface OutgoingMail {
  /** Stable per delivery (`<delivery id@host>`): a resend after a crash carries the same one. */
  messageId: string;
  from: { name: string; address: string };
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

export interface Mailer {
  /** `smtp` when mail leaves for a mail server; `file` when it is only written to disk (the demo). */
  readonly via: 'smtp' | 'file';
  /** How many mails it sends at once (the SMTP pool size). */
  readonly concurrency: number;
  /** Resolves once the mail server accepted the message (or the file is written); rejects otherwise. */
  send(mail: OutgoingMail): Promise<void>;
  close(): Promise<void>;
}
