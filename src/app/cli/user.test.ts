import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, systemClock } from '../../core';
import { createOrganization } from '../../modules/organizations';
import { logIn, verifySecondFactor, totpCode } from '../../modules/users';
import { createDatabase, migrateToLatest, type OpenDatabase } from '../../storage';
import { runCli } from './index';
import { memoryIo } from './testing';

describe('helder user', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let open: OpenDatabase;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'helder-cli-user-'));
    env = { DATABASE_URL: `sqlite:${join(dir, 'helder.sqlite')}` };
    open = createDatabase({ url: env.DATABASE_URL });
    await migrateToLatest(open.db);
    await createOrganization({ db: open.db, clock: systemClock }, systemActor('test'), { slug: 'teststad', name: 'Gemeente Teststad', kind: 'gemeente' });
  });
  afterAll(async () => {
    await open.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = async (args: string[], stdin = '') => {
    const io = memoryIo(env, stdin);
    const code = await runCli(args, io);
    return { code, out: io.out(), err: io.err() };
  };

  it('bootstraps the first admin from a password on stdin and prints the TOTP enrolment once; that admin can log in with it', async () => {
    const made = await run(['user', 'create', '--email', 'Beheer@Teststad.nl', '--name', 'Bea Beheer', '--organization', 'teststad', '--role', 'admin', '--password-stdin'], 'een lang en sterk wachtwoord\n');
    expect(made.code).toBe(0);
    expect(made.out).toContain('Created user beheer@teststad.nl (Bea Beheer): admin in teststad.');
    expect(made.out).not.toContain('Password (shown only once)');
    const secret = /secret: {2}([A-Z2-7 ]+)\n/.exec(made.out)?.[1]?.replace(/ /g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(made.out).toContain(`otpauth://totp/Helder:beheer%40teststad.nl?secret=${secret}`);
    const deps = { db: open.db, clock: systemClock };
    const step = await logIn(deps, { email: 'beheer@teststad.nl', password: 'een lang en sterk wachtwoord', ip: '127.0.0.1' });
    expect(step.stage).toBe('totp');
    expect((await verifySecondFactor(deps, step.token, { code: totpCode(secret!, new Date()) })).stage).toBe('active');

    const listed = await run(['user', 'list']);
    expect(listed.out).toContain('beheer@teststad.nl\tBea Beheer\tTOTP on\tteststad:admin');

    const reset = await run(['user', 'reset-totp', '--email', 'beheer@teststad.nl']);
    expect(reset.code).toBe(0);
    expect(reset.out).toMatch(/secret: {2}[A-Z2-7 ]+\n/);
    expect((await run(['user', 'list'])).out).toContain('TOTP pending');
  });

  it('generates and prints a password when none is given, and gives a non-admin no TOTP secret', async () => {
    const made = await run(['user', 'create', '--email', 'red@teststad.nl', '--name', 'Ria Redactie', '--organization', 'teststad', '--role', 'editor', '--role', 'communicator']);
    expect(made.code).toBe(0);
    expect(made.out).toMatch(/Password \(shown only once\): [A-Za-z0-9_-]{20}\n/);
    expect(made.out).not.toContain('secret:');
  });

  it('refuses weak passwords, taken addresses and unknown organizations (1) and wrong usage (2)', async () => {
    const weak = await run(['user', 'create', '--email', 'w@teststad.nl', '--name', 'Wim', '--organization', 'teststad', '--role', 'editor', '--password-stdin'], 'kort\n');
    expect(weak.code).toBe(1);
    expect(weak.err).toContain('password: kies een wachtwoord van minstens 12 tekens');
    expect((await run(['user', 'create', '--email', 'red@teststad.nl', '--name', 'X', '--organization', 'teststad', '--role', 'editor'])).code).toBe(1);
    expect((await run(['user', 'create', '--email', 'n@teststad.nl', '--name', 'X', '--organization', 'nergens', '--role', 'editor'])).code).toBe(1);
    expect((await run(['user', 'create', '--email', 'n@teststad.nl', '--name', 'X', '--organization', 'teststad', '--role', 'king'])).code).toBe(2);
    expect((await run(['user', 'create', '--email', 'n@teststad.nl'])).code).toBe(2);
    expect((await run(['user'])).code).toBe(2);
    const help = await run(['user', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('helder user create --email E');
  });
});
