#!/usr/bin/env node
// `npm test`: static checks (types, lint, import boundaries), then every test on SQLite and on a
// real PostgreSQL. Without HELDER_TEST_POSTGRES_URL it starts a throwaway PostgreSQL cluster from
// the server binaries on this machine and removes it afterwards. `initdb` refuses to run as root,
// so as root the cluster runs as the `postgres` user (STACK.md).
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, chmodSync, readdirSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const run = (cmd, cmdArgs, env = process.env) => {
  const result = spawnSync(cmd, cmdArgs, { stdio: 'inherit', env });
  return result.status ?? 1;
};

const findPgBin = () => {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'initdb')));
    versions.sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(base, versions[0], 'bin');
  }
  return undefined;
};

const freePort = () =>
  new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

const startPostgres = async () => {
  const bin = findPgBin();
  if (!bin) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'helder-pg-'));
  const asRoot = process.getuid?.() === 0;
  const as = (cmd, cmdArgs) =>
    asRoot ? execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...cmdArgs], { stdio: 'pipe' }) : execFileSync(cmd, cmdArgs, { stdio: 'pipe' });
  if (asRoot) execFileSync('chown', ['postgres', dir]);
  chmodSync(dir, 0o700);
  const data = join(dir, 'data');
  const port = await freePort();
  as(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'helder', '-E', 'UTF8', '--no-sync']);
  // fsync off: a throwaway test cluster need not survive power loss; production keeps it on.
  as(join(bin, 'pg_ctl'), ['-D', data, '-w', '-l', join(dir, 'log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`, 'start']);
  const stop = () => {
    try {
      as(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
    } catch {
      // already stopped
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return { url: `postgres://helder@127.0.0.1:${port}/postgres`, stop };
};

let cluster;
const env = { ...process.env };
if (!env.HELDER_TEST_POSTGRES_URL && env.HELDER_SKIP_POSTGRES !== '1') {
  try {
    cluster = await startPostgres();
  } catch (error) {
    console.error(`Could not start a throwaway PostgreSQL: ${error.stderr?.toString() ?? error.message}`);
  }
  if (!cluster) {
    console.error('PostgreSQL server binaries not found (apt-get install -y postgresql), or set HELDER_TEST_POSTGRES_URL.');
    console.error('To run on SQLite only, set HELDER_SKIP_POSTGRES=1.');
    process.exit(1);
  }
  env.HELDER_TEST_POSTGRES_URL = cluster.url;
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => { cluster.stop(); process.exit(130); });
}

let status = 0;
try {
  if (!args.includes('--no-checks')) {
    for (const [cmd, cmdArgs] of [
      ['npx', ['tsc', '--noEmit']],
      ['npx', ['eslint', '.']],
      ['npx', ['depcruise', 'src', '--config', '.dependency-cruiser.cjs']],
    ]) {
      status = run(cmd, cmdArgs, env);
      if (status !== 0) break;
    }
  }
  if (status === 0) status = run('npx', ['vitest', 'run', ...args.filter((a) => a !== '--no-checks')], env);
} finally {
  cluster?.stop();
}
process.exit(status);
