import { parseArgs } from 'node:util';
import { getOrganization, listOrganizations } from '../../modules/organizations';
import { verifyChain, verifyCheckpoint } from '../../storage';
import { EXIT, println, type Command } from './io';
import { withApp } from './with-app';

export const auditCommand: Command = {
  name: 'audit',
  summary: 'verify the hash-chained audit log',
  usage:
    'helder audit verify [--organization SLUG] [--checkpoint HASH@SEQ] [--json]\n\nRecomputes every chain and reports the first broken link (a changed byte, a deleted row).\nWith --checkpoint (and --organization), also checks that a checkpoint published earlier (on the\nportal\'s /{org}/controlepunt page) is still part of the chain: deleting history and recomputing\nevery hash after it makes a chain that verifies, but not one that holds the old checkpoint.\nExit code 0 when every chain (and the checkpoint) holds, 1 when one is broken, 2 on wrong usage.',
  run: async (args, io) => {
    const [sub, ...rest] = args;
    if (sub !== 'verify') {
      println(io.stderr, 'usage: helder audit verify [--organization SLUG] [--checkpoint HASH@SEQ] [--json]');
      return EXIT.usage;
    }
    let values;
    try {
      ({ values } = parseArgs({ args: rest, options: { organization: { type: 'string' }, checkpoint: { type: 'string' }, json: { type: 'boolean' } }, strict: true }));
    } catch (error) {
      println(io.stderr, `helder audit verify: ${(error as Error).message}`);
      return EXIT.usage;
    }
    const checkpoint = values.checkpoint === undefined ? undefined : /^([0-9a-fA-F]{64})@(\d{1,15})$/.exec(values.checkpoint);
    if (values.checkpoint !== undefined && (!checkpoint || !values.organization)) {
      println(io.stderr, 'helder audit verify: --checkpoint needs --organization and the form HASH@SEQ (64 hex characters, @, the event number)');
      return EXIT.usage;
    }
    return withApp(io, async (app) => {
      if (checkpoint && values.organization) {
        const organization = await getOrganization(app.deps, values.organization);
        const report = await verifyCheckpoint(app.deps.db, organization.id, Number(checkpoint[2]), checkpoint[1]!);
        if (values.json) println(io.stdout, JSON.stringify({ organization: organization.slug, ...report }, null, 2));
        else if (report.ok) println(io.stdout, `✔ ${organization.slug}: checkpoint ${report.hash.slice(0, 16)}…@${report.seq} is part of the chain (${report.chain.events} events, intact)`);
        else if (report.reason === 'chain_broken') println(io.stdout, `✘ ${organization.slug}: chain broken at event ${report.chain.broken!.seq} (${report.chain.broken!.reason}): ${report.chain.broken!.detail}`);
        else println(io.stdout, `✘ ${organization.slug}: checkpoint @${report.seq} ${report.reason === 'missing' ? 'no longer exists' : 'has another hash'}: history was deleted or rewritten`);
        return report.ok ? EXIT.ok : EXIT.problem;
      }
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
    }, { existing: true });
  },
};
