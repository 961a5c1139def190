import { readFile } from 'node:fs/promises';
/** The streams a command talks to; tests pass in-memory ones. */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** Exit codes: 0 ok, 1 the command ran and found a problem, 2 wrong usage or unreadable input. */
export const EXIT = { ok: 0, problem: 1, usage: 2 } as const;

export const println = (stream: NodeJS.WritableStream, line = ''): void => {
  stream.write(`${line}\n`);
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A file (or `-`: standard input) as UTF-8 text. Bytes that are not UTF-8 are an error naming the
 * first bad byte, never silently U+FFFD in what gets imported (issue 9).
 */
export const readUtf8 = async (file: string, stdin: NodeJS.ReadableStream): Promise<string> => {
  let bytes: Buffer;
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array));
    bytes = Buffer.concat(chunks);
  } else {
    bytes = await readFile(file);
  }
  try {
    return utf8.decode(bytes);
  } catch {
    throw new Error(`not valid UTF-8 (the first bad byte is at offset ${firstBadByte(bytes)}); save the file as UTF-8`);
  }
};

// Where decoding fails, for the message: the first byte that does not start (or continue) a UTF-8 sequence.
const firstBadByte = (bytes: Buffer): number => {
  for (let i = 0; i < bytes.length; ) {
    const c = bytes[i]!;
    const more = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (more < 0) return i;
    for (let k = 1; k <= more; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += more + 1;
  }
  return bytes.length;
};
