import { parseArgs } from 'node:util';
import { getOrganization, listOrganizations } from '../../modules/organizations';
import { verifyChain } from '../../storage';
import { EXIT, println, type Command } from './io';
import { withApp } from './with-app';

export const auditCommand: Command = {
  name: 'audit',
  summary: 'verify the hash-chained audit log',
  usage:
    'helder audit verify [--organization SLUG] [--json]\n\nRecomputes every chain and reports the first broken link (a changed byte, a deleted row).\nExit code 0 when every chain holds, 1 when one is broken.',
  run: async (args, io) => {
    const [sub, ...rest] = args;
    if (sub !== 'verify') {
      println(io.stderr, 'usage: helder audit verify [--organization SLUG] [--json]');
      return EXIT.usage;
    }
    let values;
    try {
      ({ values } = parseArgs({ args: rest, options: { organization: { type: 'string' }, json: { type: 'boolean' } }, strict: true }));
    } catch (error) {
      println(io.stderr, `helder audit verify: ${(error as Error).message}`);
      return EXIT.usage;
    }
    return withApp(io, async (app) => {
      const organizations = values.organization ? [await getOrganization(app.deps, values.organization)] : await listOrganizations(app.deps);
      const reports = [];
      for (const o of organizations) reports.push({ organization: o.slug, ...(await verifyChain(app.deps.db, o.id)) });
      if (values.json) println(io.stdout, JSON.stringify(reports, null, 2));
      else {
        for (const r of reports) {
          if (r.ok) println(io.stdout, `✔ ${r.organization}: ${r.events} events, chain intact, head ${r.headHash.slice(0, 16)}…`);
          else println(io.stdout, `✘ ${r.organization}: chain broken at event ${r.broken!.seq} (${r.broken!.reason}): ${r.broken!.detail}`);
        }
        if (reports.length === 0) println(io.stdout, 'No organizations, nothing to verify.');
      }
      return reports.every((r) => r.ok) ? EXIT.ok : EXIT.problem;
    });
  },
};
