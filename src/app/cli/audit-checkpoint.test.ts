import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, systemClock } from '../../core';
import { createChange } from '../../modules/changes';
import { latestCheckpoint } from '../../modules/exports';
import { createOrganization } from '../../modules/organizations';
import { createDatabase, migrateToLatest } from '../../storage';
import { runCli } from './index';
import { memoryIo } from './testing';

describe('helder audit verify --checkpoint', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let checkpoint: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'helder-checkpoint-'));
    env = { DATABASE_URL: `sqlite:${join(dir, 'helder.sqlite')}` };
    const open = createDatabase({ url: env.DATABASE_URL });
    await migrateToLatest(open.db);
    const deps = { db: open.db, clock: systemClock };
    const org = await createOrganization(deps, systemActor('test'), { slug: 'controlestad', name: 'Gemeente Controlestad', kind: 'gemeente' });
    await createChange(deps, systemActor('test'), org.id, { title: 'Nieuwe fietsroute', kind: 'infrastructure' });
    const published = await latestCheckpoint(deps, org.id);
    checkpoint = `${published.hash}@${published.seq}`;
    await open.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = async (...args: string[]) => {
    const io = memoryIo(env);
    return { code: await runCli(args, io), out: io.out(), err: io.err() };
  };

  it('accepts a published checkpoint and refuses a foreign or malformed one', async () => {
    const ok = await run('audit', 'verify', '--organization', 'controlestad', '--checkpoint', checkpoint);
    expect([ok.code, ok.out]).toEqual([0, expect.stringContaining('is part of the chain')]);
    const other = await run('audit', 'verify', '--organization', 'controlestad', '--checkpoint', `${'a'.repeat(64)}@2`);
    expect([other.code, other.out]).toEqual([1, expect.stringContaining('has another hash')]);
    expect((await run('audit', 'verify', '--organization', 'controlestad', '--checkpoint', `${'a'.repeat(64)}@99`)).out).toContain('no longer exists');
    expect((await run('audit', 'verify', '--checkpoint', checkpoint)).code).toBe(2);
    expect((await run('audit', 'verify', '--organization', 'controlestad', '--checkpoint', 'abc@1')).code).toBe(2);
    const json = await run('audit', 'verify', '--organization', 'controlestad', '--checkpoint', checkpoint, '--json');
    expect(JSON.parse(json.out)).toMatchObject({ organization: 'controlestad', ok: true, seq: 2 });
  });

  // Last: it damages the chain. Issue 9 item 16: deleting the newest events and the head used to pass.
  it('fails when the newest events and the chain head were deleted, and the checkpoint names the loss', async () => {
    const open = createDatabase({ url: env.DATABASE_URL });
    await open.db.deleteFrom('audit_events').where('seq', '=', 2).execute();
    await open.db.deleteFrom('audit_heads').execute();
    await open.close();
    const verified = await run('audit', 'verify');
    expect([verified.code, verified.out]).toEqual([1, expect.stringContaining('head_missing')]);
    const held = await run('audit', 'verify', '--organization', 'controlestad', '--checkpoint', checkpoint);
    expect(held.code).toBe(1);
  });
});
