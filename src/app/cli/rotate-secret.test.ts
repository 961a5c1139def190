import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, systemClock } from '../../core';
import { createOrganization } from '../../modules/organizations';
import { logIn, totpCode, verifySecondFactor } from '../../modules/users';
import { createDatabase, migrateToLatest, type OpenDatabase } from '../../storage';
import { runCli } from './index';
import { memoryIo } from './testing';

const OLD = 'old-server-secret-0123456789abcdefghijklmnop';
const NEW = 'new-server-secret-0123456789abcdefghijklmnop';

describe('helder rotate-secret', () => {
  let dir: string;
  let url: string;
  let open: OpenDatabase;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'helder-cli-rotate-'));
    url = `sqlite:${join(dir, 'helder.sqlite')}`;
    open = createDatabase({ url });
    await migrateToLatest(open.db);
    await createOrganization({ db: open.db, clock: systemClock }, systemActor('test'), { slug: 'teststad', name: 'Gemeente Teststad', kind: 'gemeente' });
  });
  afterAll(async () => {
    await open.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = async (args: string[], env: NodeJS.ProcessEnv, stdin = '') => {
    const io = memoryIo({ DATABASE_URL: url, ...env }, stdin);
    const code = await runCli(args, io);
    return { code, out: io.out(), err: io.err() };
  };
  const secondFactor = async (secret: string | undefined, totp: string) => {
    const deps = { db: open.db, clock: systemClock, secret };
    const step = await logIn(deps, { email: 'beheer@teststad.nl', password: 'een lang en sterk wachtwoord', ip: '127.0.0.1' });
    return verifySecondFactor(deps, step.token, { code: totpCode(totp, new Date()) }).then((s) => s.stage, (e: { code?: string }) => e.code);
  };

  it('moves the TOTP secrets to a new HELDER_SECRET, refuses a wrong old one, and needs the new one', async () => {
    const made = await run(['user', 'create', '--email', 'beheer@teststad.nl', '--name', 'Bea', '--organization', 'teststad', '--role', 'admin', '--password-stdin'], { HELDER_SECRET: OLD }, 'een lang en sterk wachtwoord\n');
    expect(made.code).toBe(0);
    const totp = /secret: {2}([A-Z2-7 ]+)\n/.exec(made.out)![1]!.replace(/ /g, '');
    const stored = async () => (await open.db.selectFrom('users').select('totp_secret').executeTakeFirstOrThrow()).totp_secret!;
    expect(await stored()).not.toContain(totp);

    expect((await run(['rotate-secret'], {})).code).toBe(2);
    const before = await stored();
    const wrong = await run(['rotate-secret'], { HELDER_OLD_SECRET: NEW.replace('new', 'xyz'), HELDER_SECRET: NEW });
    expect([wrong.code, await stored()]).toEqual([1, before]);

    const rotated = await run(['rotate-secret'], { HELDER_OLD_SECRET: OLD, HELDER_SECRET: NEW });
    expect(rotated.code).toBe(0);
    expect(rotated.out).toContain('Re-encrypted 1 TOTP secret(s)');
    expect(await secondFactor(NEW, totp)).toBe('active');
    expect(await secondFactor(OLD, totp)).toBe('internal');
  });
});
