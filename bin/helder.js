#!/usr/bin/env node
// Entry point for `npx helder` and `npm start`. Helder is written in TypeScript and run through
// tsx's loader, so there is no build step between a clone and a running server.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/app/cli/index.ts');
process.exitCode = await runCli(process.argv.slice(2));
