export {};

/**
 * `npm run bench [-- NAME…]`: runs the benchmarks (all, or those named) one after another; each
 * measures its own same-run baseline and appends its figures to BENCHMARKS.md.
 *
 *   fuzz        malformed requests over every write route and form (0 × 5xx, nothing written on refusal)
 *   language    the plain-language checker on a 2,000-word text and on a batch of citizen texts
 *   notifications  one change with 100,000 followers: fan-out and sending time, memory, portal p99 meanwhile
 *   legitimacy  the full legitimacy report of a national-scale register, SQLite and PostgreSQL, 1× and 10×
 *   portal      the public change page against bare node:http, and a load spike
 */
const BENCHMARKS: Record<string, () => Promise<{ main: (args?: string[]) => Promise<unknown> }>> = {
  fuzz: () => import('./fuzz'), // issue 9: malformed requests over every write route and form, SQLite and PostgreSQL: 0 × 5xx, no row written on refusal
  language: () => import('./language'),
  notifications: () => import('./notifications'), // issue 10: 100,000 followers, one event, every mail to a local SMTP sink; portal p99 during the fan-out
  legitimacy: () => import('./legitimacy'),
  polls: () => import('./polls'), // issue 4: poll answers/s over HTTP (SQLite, synchronous=FULL) and the perception figures at 1k vs 1M answers
  portal: () => import('./portal'),
};

const requested = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const unknown = requested.filter((name) => !(name in BENCHMARKS));
if (unknown.length > 0) {
  console.error(`unknown benchmark: ${unknown.join(', ')} (choose from ${Object.keys(BENCHMARKS).join(', ')})`);
  process.exit(2);
}
for (const name of requested.length > 0 ? requested : Object.keys(BENCHMARKS)) {
  console.log(`\n=== ${name} ===`);
  const { main } = await BENCHMARKS[name]!();
  await main(flags);
}
