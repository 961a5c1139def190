#!/usr/bin/env node
// Entry point for `npx helder` and `npm start`. Helder is written in TypeScript and run through
// tsx's loader, so there is no build step between a clone and a running server.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

// tsx reads JSX settings from a tsconfig.json it looks up from the working directory; name ours, so
// Helder also runs when started from another folder (a systemd unit, a cron job, npx elsewhere).
register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
const { runCli } = await import('../src/app/cli/index.ts');
process.exitCode = await runCli(process.argv.slice(2));
