import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, systemClock } from '../../core';
import { createChange } from '../../modules/changes';
import { createOrganization } from '../../modules/organizations';
import { createDatabase, migrateToLatest } from '../../storage';
import { runCli } from './index';
import { memoryIo } from './testing';

describe('helder CLI', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'helder-cli-'));
    env = { DATABASE_URL: `sqlite:${join(dir, 'helder.sqlite')}` };
    const open = createDatabase({ url: env.DATABASE_URL });
    await migrateToLatest(open.db);
    const deps = { db: open.db, clock: systemClock };
    const org = await createOrganization(deps, systemActor('test'), { slug: 'teststad', name: 'Gemeente Teststad', kind: 'gemeente' });
    await createChange(deps, systemActor('test'), org.id, { title: 'Nieuwe fietsroute', kind: 'infrastructure', why: 'Kort.' });
    await open.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = async (...args: string[]) => {
    const io = memoryIo(env);
    const code = await runCli(args, io);
    return { code, out: io.out(), err: io.err() };
  };

  it('says in one line why the database cannot be used, and exits 1', async () => {
    // A port nothing listens on: a PostgreSQL that is down.
    const port = await new Promise<number>((done) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => done(port));
      });
    });
    const io = memoryIo({ DATABASE_URL: `postgres://helder@127.0.0.1:${port}/helder` });
    const code = await runCli(['legitimacy'], io);
    expect([code, io.err().trim().split('\n').length]).toEqual([1, 1]);
    expect(io.err()).toMatch(/cannot be used right now: .*ECONNREFUSED/);
  });

  it('prints help with every command, and exits 2 without a command', async () => {
    const help = await run('--help');
    expect(help.code).toBe(0);
    for (const name of ['serve', 'migrate', 'seed', 'legitimacy', 'audit', 'import', 'export', 'taalcheck']) expect(help.out).toContain(name);
    expect((await run()).code).toBe(2);
  });

  it('rejects an unknown command and unknown options with exit code 2', async () => {
    const unknown = await run('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown command');
    const badOption = await run('legitimacy', '--colour');
    expect(badOption.code).toBe(2);
    expect(badOption.err).toContain('--colour');
  });

  it('prints a readable legitimacy report with the failing rules', async () => {
    const { code, out } = await run('legitimacy', '--organization', 'teststad');
    expect(code).toBe(0);
    expect(out).toContain('Gemeente Teststad');
    expect(out).toContain('Nieuwe fietsroute');
    expect(out).toMatch(/✘\s+1\. Het waarom/);
    expect(out).toMatch(/✘\s+3\. Er is minstens één doel/);
  });

  it('prints the legitimacy report as JSON with --json', async () => {
    const { code, out } = await run('legitimacy', '--organization', 'teststad', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report).toMatchObject({ slug: 'teststad', changes: 1, ready: 0 });
    expect(report.reports[0].rules).toHaveLength(12);
  });

  it('reports an unknown organization with exit code 1', async () => {
    const { code, err } = await run('legitimacy', '--organization', 'nergensstad');
    expect(code).toBe(1);
    expect(err).toContain('not_found');
  });

  it('verifies the audit chain, and fails on a tampered copy', async () => {
    const ok = await run('audit', 'verify');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/✔ teststad: 2 events/);
    const open = createDatabase({ url: env.DATABASE_URL });
    await open.db.updateTable('audit_events').set({ actor: 'system:intruder' }).where('seq', '=', 2).execute();
    await open.close();
    const broken = await run('audit', 'verify');
    expect(broken.code).toBe(1);
    expect(broken.out).toContain('chain broken at event 2');
  });

  it('refuses a DATABASE_URL it cannot use, naming the problem', async () => {
    const io = memoryIo({ DATABASE_URL: 'mysql://localhost/helder' });
    const code = await runCli(['migrate'], io);
    expect(code).not.toBe(0);
  });

  it('refuses a bad PORT with exit code 2', async () => {
    const io = memoryIo({ ...env, PORT: 'eighty' });
    expect(await runCli(['migrate'], io)).toBe(2);
    expect(io.err()).toContain('PORT');
  });
});
