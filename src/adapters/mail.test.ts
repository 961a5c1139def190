import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileMailer, smtpMailer } from './mail';

const mail = {
  messageId: '<abc.def@helder.example.nl>',
  from: { name: 'Gemeente Voorbeeldstad', address: 'berichten@voorbeeldstad.nl' },
  to: 'bewoner@example.nl',
  subject: 'Een doel loopt achter op schema.',
  text: 'Tekst',
  html: '<!doctype html><html lang="nl"><body><p>Tekst</p></body></html>',
  headers: { 'List-Unsubscribe': '<https://x.nl/afmelden/t>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
};

describe('mail adapters', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('without a mail server, writes each mail as one .eml file per Message-ID (a resend overwrites it)', async () => {
    dir = mkdtempSync(join(tmpdir(), 'helder-mail-'));
    const mailer = fileMailer(join(dir, 'mail'));
    expect(mailer.via).toBe('file');
    await mailer.send(mail);
    await mailer.send(mail);
    const files = readdirSync(join(dir, 'mail'));
    expect(files).toHaveLength(1);
    const eml = readFileSync(join(dir, 'mail', files[0]!), 'utf8');
    expect(eml).toContain('Message-ID:');
    expect(eml).toContain('<abc.def@helder.example.nl>');
    expect(eml).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(eml).toContain('multipart/alternative');
  });

  it('refuses an SMTP URL of another scheme', () => {
    expect(() => smtpMailer('http://mail.example.nl')).toThrow(/smtp:\/\//);
  });
});
