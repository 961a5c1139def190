import { PassThrough } from 'node:stream';
import type { CliIo } from './io';

/** Test-only: in-memory streams for a CLI run, with what was written collected as text. */
export const memoryIo = (env: NodeJS.ProcessEnv = {}, stdinText = ''): CliIo & { out(): string; err(): string } => {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const stdin = new PassThrough();
  stdin.end(stdinText);
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += String(chunk)));
  stderr.on('data', (chunk) => (err += String(chunk)));
  return { stdout, stderr, stdin, env, out: () => out, err: () => err };
};
