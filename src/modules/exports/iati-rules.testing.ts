import { readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import * as xpath from 'xpath';

/**
 * A small evaluator of the IATI Standard ruleset (fixtures/iati-rulesets/standard.json, the
 * ruleset the IATI Validator applies; its rule types are described in IATI-Rulesets' SPEC.rst),
 * for tests: it reads the ruleset's own JSON and XPath, so "passes rule 6.2.2" means what the
 * validator means by it. Rules that need the IATI Registry's list of organisation identifiers
 * (`idCondition`, `ORG-ID-PREFIX`) cannot be decided offline: `startswith` against the registry
 * is skipped, `regex_matches` is applied regardless of its `idCondition` (stricter).
 */
interface RuleInfo {
  id: string;
  severity: 'error' | 'warning';
  message: string;
}
type Case = Record<string, unknown> & { ruleInfo?: RuleInfo; condition?: string };
type Ruleset = Record<string, Record<string, { cases: Case[] }>>;

/** One failed rule at one node: `6.2.2 (error) on iati-activity[1]: Each activity must have…`. */
export interface RuleFailure {
  id: string;
  severity: 'error' | 'warning';
  where: string;
  message: string;
}

const RULESET = JSON.parse(readFileSync(new URL('./fixtures/iati-rulesets/standard.json', import.meta.url), 'utf8')) as Ruleset;

// `@xml:lang` (rule 4.1.1) needs the xml prefix bound.
const select = xpath.useNamespaces({ xml: 'http://www.w3.org/XML/1998/namespace' });
const nodes = (expr: string, at: Node): Node[] => {
  const result = select(expr, at);
  return xpath.isArrayOfNodes(result) ? result : [];
};
const truthy = (expr: string, at: Node): boolean => select(`boolean(${expr})`, at) as boolean;
const textOf = (n: Node): string => (xpath.isAttribute(n) ? n.value : (n.textContent ?? ''));
const texts = (paths: unknown, at: Node): string[] => (paths as string[]).flatMap((p) => nodes(p, at).map(textOf));
const dateOf = (expr: string, at: Node, now: string): string | undefined => (expr === 'NOW' ? now : texts([expr], at)[0]?.slice(0, 10));

type Check = (c: Case, at: Node, now: string) => boolean | 'skip';

const CHECKS: Record<string, Check> = {
  atleast_one: (c, at) => texts(c.paths, at).length > 0,
  no_more_than_one: (c, at) => texts(c.paths, at).length <= 1,
  if_then: (c, at) => !truthy(c.if as string, at) || truthy(c.then as string, at),
  // `one` present, or else `all` holds where the validator looks for it (per transaction, per narrative…).
  one_or_all: (c, at) => {
    if (nodes(c.one as string, at).length > 0) return true;
    const every = (items: string, has: string) => nodes(items, at).every((n) => nodes(has, n).length > 0);
    if (c.all === 'sector') return every('transaction', 'sector');
    if (c.all === 'recipient-country|recipient-region') return every('transaction', 'recipient-country|recipient-region');
    if (c.all === 'lang') return every('descendant::narrative', '@xml:lang');
    if (c.all === 'currency') return every('descendant::value|descendant::forecast|descendant::loan-status', '@currency');
    throw new Error(`iati-rules.testing: one_or_all with all=${String(c.all)} is not implemented`);
  },
  date_order: (c, at, now) => {
    const less = dateOf(c.less as string, at, now);
    const more = dateOf(c.more as string, at, now);
    return less === undefined || more === undefined || less <= more;
  },
  date_now: (c, at, now) => (texts([c.date], at)[0]?.slice(0, 10) ?? '') <= now,
  range: (c, at) => texts(c.paths, at).every((v) => Number(v) >= (c.min as number) && Number(v) <= (c.max as number)),
  // The validator rounds the sum to 4 decimals: 33.34 + 33.33 + 33.33 is 100.
  strict_sum: (c, at) => Number(texts(c.paths, at).reduce((sum, v) => sum + Number(v), 0).toFixed(4)) === Number(c.sum),
  regex_matches: (c, at) => texts(c.paths, at).every((v) => v === '' || new RegExp(c.regex as string).test(v)),
  no_spaces: (c, at) => texts(c.paths, at).every((v) => v.trim() === v),
  unique: (c, at) => {
    const values = texts(c.paths, at);
    return new Set(values).size === values.length;
  },
  startswith: (c, at) => {
    if ((c.prefix as string[]).includes('ORG-ID-PREFIX')) return 'skip';
    const prefixes = texts(c.prefix, at);
    const separator = (c.separator as string | undefined) ?? '';
    return texts(c.paths, at).every((v) => prefixes.some((p) => v.startsWith(`${p}${separator}`)));
  },
};

const substitute = (c: Case, keys: string[], value: string): Case => {
  const replace = (v: unknown): unknown => (typeof v === 'string' ? v.replaceAll('$1', value) : Array.isArray(v) ? v.map(replace) : v);
  return Object.fromEntries(Object.entries(c).map(([k, v]) => [k, keys.includes(k) ? replace(v) : v])) as Case;
};

const where = (n: Node): string => {
  const parts: string[] = [];
  for (let e: Node | null = n; e && e.nodeType === 1; e = e.parentNode) {
    const same = e.parentNode ? nodes(`../${e.nodeName}`, e) : [e];
    parts.unshift(same.length > 1 ? `${e.nodeName}[${same.indexOf(e) + 1}]` : e.nodeName);
  }
  return parts.join('/');
};

const evaluate = (rule: string, cases: Case[], at: Node, now: string, failures: RuleFailure[]): void => {
  for (const c of cases) {
    if (rule === 'loop') {
      const keys = (c.subs as string[] | undefined) ?? [];
      for (const value of new Set(texts([c.foreach], at))) {
        for (const [inner, body] of Object.entries(c.do as Record<string, { cases: Case[] }>)) {
          evaluate(inner, body.cases.map((x) => substitute(x, keys, value)), at, now, failures);
        }
      }
      continue;
    }
    const check = CHECKS[rule];
    if (!check) throw new Error(`iati-rules.testing: rule type ${rule} is not implemented, but the export has nodes it applies to`);
    if (c.condition !== undefined && !truthy(c.condition, at)) continue;
    if (check(c, at, now) === false) {
      const info = c.ruleInfo!;
      failures.push({ id: info.id, severity: info.severity, where: where(at), message: info.message });
    }
  }
};

/**
 * Every rule of the IATI Standard ruleset that an IATI activity document fails, errors and
 * warnings, with the rule id. `now` (YYYY-MM-DD) stands for the ruleset's `NOW`.
 */
export const iatiRuleFailures = (xml: string, now: string): RuleFailure[] => {
  const doc = new DOMParser().parseFromString(xml, 'text/xml') as unknown as Node;
  const failures: RuleFailure[] = [];
  for (const [context, rules] of Object.entries(RULESET)) {
    for (const at of nodes(context, doc)) {
      for (const [rule, { cases }] of Object.entries(rules)) evaluate(rule, cases, at, now, failures);
    }
  }
  return failures;
};
