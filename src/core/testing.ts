/**
 * Helpers for tests (and benchmarks) that run Helder as a real process: the CLI's path, a free
 * port, plain HTTP requests over a chosen agent, waiting, a child's exit code, and where the
 * PostgreSQL server binaries are. Test-only: nothing in src imports this outside *.test.ts.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { request as httpRequest, type Agent } from 'node:http';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

/** The `helder` command, as `npm start` runs it (tests run from the repository root). */
export const HELDER = resolve('bin/helder.js');

export const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** A TCP port nothing listens on right now (the kernel picks it). */
export const freePort = (): Promise<number> =>
  new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

export interface Reply {
  status: number;
  body: string;
}

/** One HTTP request to 127.0.0.1 as the client `address` (X-Forwarded-For), with a JSON body if given. */
export const send = (agent: Agent, port: number, method: string, path: string, address: string, body?: string): Promise<Reply> =>
  new Promise((done, fail) => {
    const headers: Record<string, string | number> = { 'x-forwarded-for': address };
    if (body !== undefined) Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    const req = httpRequest({ host: '127.0.0.1', port, method, path, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end(body);
  });

/** The exit code of a child process (1 when it was killed by a signal). */
export const exitOf = (child: ChildProcess): Promise<number> => new Promise((done) => child.once('exit', (code) => done(code ?? 1)));

/** Where initdb and pg_ctl live: PG_BIN, or the newest /usr/lib/postgresql/N/bin. */
export const findPgBin = (): string | undefined => {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'initdb')));
  versions.sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], 'bin') : undefined;
};
