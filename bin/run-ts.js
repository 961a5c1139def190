#!/usr/bin/env node
// Runs one TypeScript file (benchmarks, scripts) through tsx's loader: `node bin/run-ts.js file.ts`.
import { register } from 'tsx/esm/api';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

// Our own tsconfig.json, whatever the working directory (see bin/helder.js).
register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
const file = process.argv[2];
if (!file) {
  console.error('usage: node bin/run-ts.js <file.ts> [args…]');
  process.exit(2);
}
// Scripts read their own arguments from process.argv.slice(2), as if run directly.
process.argv.splice(2, 1);
await import(pathToFileURL(resolve(file)).href);
