import { parseArgs } from 'node:util';
import { checkOrganization, type LegitimacyReport, type OrganizationLegitimacyReport, type RuleStatus } from '../../modules/legitimacy';
import { getOrganization, listOrganizations } from '../../modules/organizations';
import { EXIT, println, type Command } from './io';
import { withApp } from './with-app';

const MARK: Record<RuleStatus, string> = { passed: '✔', failed: '✘', not_assessed: '?', not_applicable: '–' };

const formatChange = (r: LegitimacyReport, lang: 'nl' | 'en', verbose: boolean): string[] => {
  const verdict = r.readyToCommunicate ? (lang === 'nl' ? 'klaar om te communiceren' : 'ready to communicate') : lang === 'nl' ? 'nog niet klaar' : 'not ready';
  const lines = [`  ${r.title}  [${r.status}]  score ${r.score}/100 — ${verdict}`];
  for (const rule of r.rules) {
    if (!verbose && rule.status !== 'failed') continue;
    const fixes = rule.fixes.length > 0 ? `  → ${rule.fixes.map((f) => `${f.entity} ${f.id} (${f.problem})`).join(', ')}` : '';
    lines.push(`    ${MARK[rule.status]} ${String(rule.rule).padStart(2)}. ${rule.title[lang]}: ${rule.reason[lang]}${fixes}`);
  }
  return lines;
};

const formatOrganization = (o: OrganizationLegitimacyReport, lang: 'nl' | 'en', verbose: boolean): string[] => {
  const lines = [
    `${o.name} (${o.slug})`,
    lang === 'nl'
      ? `  ${o.ready} van ${o.changes} veranderingen klaar om te communiceren; gemiddelde score ${o.score}/100`
      : `  ${o.ready} of ${o.changes} changes ready to communicate; mean score ${o.score}/100`,
  ];
  const failing = o.failuresByRule.filter((f) => f.failed > 0);
  if (failing.length > 0) lines.push(`  ${lang === 'nl' ? 'Regels die falen' : 'Failing rules'}: ${failing.map((f) => `${f.rule} (${f.failed}×)`).join(', ')}`);
  lines.push('');
  for (const r of o.reports) lines.push(...formatChange(r, lang, verbose), '');
  return lines;
};

export const legitimacyCommand: Command = {
  name: 'legitimacy',
  summary: 'the legitimacy check of every change, per organization',
  usage: [
    'helder legitimacy [--organization SLUG] [--json] [--all] [--lang nl|en]',
    '',
    '  --organization SLUG  only this organization (default: all)',
    '  --json               the full report as JSON',
    '  --all                also list rules that pass (default: only failing rules)',
    '  --lang nl|en         language of the readable report (default nl)',
    '',
    'Rules: ✔ passed  ✘ failed  ? not assessed yet  – not applicable. Exit code 0 (a report is not a failure).',
  ].join('\n'),
  run: async (args, io) => {
    let values;
    try {
      ({ values } = parseArgs({
        args,
        options: { organization: { type: 'string' }, json: { type: 'boolean' }, all: { type: 'boolean' }, lang: { type: 'string', default: 'nl' } },
        strict: true,
      }));
    } catch (error) {
      println(io.stderr, `helder legitimacy: ${(error as Error).message}`);
      return EXIT.usage;
    }
    if (values.lang !== 'nl' && values.lang !== 'en') {
      println(io.stderr, 'helder legitimacy: --lang must be nl or en');
      return EXIT.usage;
    }
    const lang = values.lang;
    return withApp(io, async (app) => {
      const organizations = values.organization ? [await getOrganization(app.deps, values.organization)] : await listOrganizations(app.deps);
      const reports: OrganizationLegitimacyReport[] = [];
      for (const o of organizations) reports.push(await checkOrganization(app.deps, o.id));
      if (values.json) println(io.stdout, JSON.stringify(values.organization ? reports[0] : reports, null, 2));
      else if (reports.length === 0) println(io.stdout, lang === 'nl' ? 'Er zijn nog geen organisaties.' : 'There are no organizations yet.');
      else for (const r of reports) for (const line of formatOrganization(r, lang, Boolean(values.all))) println(io.stdout, line);
      return EXIT.ok;
    }, { existing: true });
  },
};
