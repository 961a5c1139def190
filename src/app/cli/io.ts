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
