import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { taalcheckCommand } from './taalcheck';

const dir = mkdtempSync(join(tmpdir(), 'taalcheck-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const B1 = 'Vanaf 1 januari halen wij het afval anders op. U krijgt een nieuwe container voor plastic. De oude container mag u houden voor papier. Wij brengen de nieuwe container in december bij uw huis. U hoeft daar niets voor te doen.';
const HARD = 'Teneinde de leefbaarheid te bevorderen, wordt met ingang van 1 januari middels een gewijzigde inzamelingssystematiek uitvoering gegeven aan het afvalbeleid. Derhalve wordt men verzocht de desbetreffende aanvraag tijdig in te dienen, alsmede de benodigde gegevens te verstrekken. Indien u vragen heeft, kunt u zich wenden tot de afdeling.';

const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

const run = async (args: string[], stdin = '') => {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const code = await taalcheckCommand(args, { stdout, stderr, stdin: Readable.from([stdin]) });
  return { code, out, err };
};

describe('helder taalcheck', () => {
  it('exits 0 for a B1 text and prints the verdict and metrics', async () => {
    const { code, out } = await run([file('b1.txt', B1)]);
    expect(code).toBe(0);
    expect(out).toContain('Taalcheck: B1 of eenvoudiger');
    expect(out).toContain('Flesch-Douma');
  });

  it('exits 1 above B1 and marks each span with its suggestion', async () => {
    const { code, out } = await run([file('hard.txt', HARD)]);
    expect(code).toBe(1);
    expect(out).toContain('boven B1');
    expect(out).toContain('[[Teneinde]] de leefbaarheid');
    expect(out).toContain('→ Schrijf: om.');
  });

  it('prints the report as JSON with --json', async () => {
    const { code, out } = await run(['--json', file('hard2.txt', HARD)]);
    expect(code).toBe(1);
    const report = JSON.parse(out);
    expect(report.verdict).toBe('above_b1');
    expect(report.findings.length).toBeGreaterThan(3);
  });

  it('reads standard input with "-" and honours --lang', async () => {
    const { code, out } = await run(['-', '--json', '--lang', 'en'], 'Please put your bin outside before seven. We collect it in the morning. Thank you.');
    expect(code).toBe(0);
    expect(JSON.parse(out).lang).toBe('en');
  });

  it('exits 2 with a message for a missing file', async () => {
    const { code, err } = await run([join(dir, 'nope.txt')]);
    expect(code).toBe(2);
    expect(err).toContain('Bestand niet gevonden');
  });

  it('exits 2 for an empty text', async () => {
    const { code, err } = await run(['-'], '  \n ');
    expect(code).toBe(2);
    expect(err).toContain('leeg');
  });

  it('exits 2 for bad arguments and 0 for --help', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['--lang', 'fr', 'x.txt'])).code).toBe(2);
    expect((await run(['--bogus', 'x.txt'])).code).toBe(2);
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('Exitcode');
  });
});
