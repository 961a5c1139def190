/**
 * A throwaway PostgreSQL cluster for benchmarks, from the server binaries on this machine
 * (/usr/lib/postgresql/<version>/bin, or PG_BIN). Same approach as scripts/test.js, copied rather
 * than imported so the test runner stays a plain script: `initdb` refuses to run as root, so as root
 * the cluster runs as the `postgres` user (STACK.md).
 *
 * Unlike the test cluster, fsync stays ON: the benchmark should see a production-like server.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPgBin } from '../src/core/testing';

export interface ThrowawayCluster {
  url: string;
  /** `postgres --version` of the binaries used, e.g. "postgres (PostgreSQL) 15.14". */
  version: string;
  /** Non-default server settings, for the report. */
  settings: string[];
  stop(): void;
}


const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });

/**
 * Starts a cluster in a temp dir; `stop()` kills it and removes the dir. Returns undefined when no
 * server binaries are installed. `settings` are extra `-c name=value` server options.
 */
export const startThrowawayPostgres = async (settings: string[] = []): Promise<ThrowawayCluster | undefined> => {
  const bin = findPgBin();
  if (!bin) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'helder-bench-pg-'));
  const asRoot = process.getuid?.() === 0;
  const as = (cmd: string, args: string[]) =>
    asRoot ? execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'pipe' }) : execFileSync(cmd, args, { stdio: 'pipe' });
  if (asRoot) execFileSync('chown', ['postgres', dir]);
  chmodSync(dir, 0o700);
  const data = join(dir, 'data');
  const port = await freePort();
  const version = execFileSync(join(bin, 'postgres'), ['--version']).toString().trim();
  as(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'helder', '-E', 'UTF8', '--no-sync']);
  const options = [`-p ${port}`, `-k ${dir}`, '-c listen_addresses=127.0.0.1', ...settings.map((s) => `-c ${s}`)];
  as(join(bin, 'pg_ctl'), ['-D', data, '-w', '-l', join(dir, 'log'), '-o', options.join(' '), 'start']);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      as(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
    } catch {
      // already stopped
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return { url: `postgres://helder@127.0.0.1:${port}/postgres`, version, settings, stop };
};
