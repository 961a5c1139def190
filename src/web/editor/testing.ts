import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { TEST_PASSWORD } from '../../modules/users/user.factory';
import { totpCode } from '../../modules/users';

/**
 * Test-only: a tiny browser over `inject()` — a cookie jar (cookies by name, cleared when the server
 * expires them) and the CSRF token of the last page it rendered — so editor tests read like what a
 * person does: open a page, fill in a form, follow the redirect.
 */
export const ORIGIN = 'http://localhost:8080';

export class Browser {
  readonly cookies = new Map<string, string>();
  csrf = '';
  last?: LightMyRequestResponse;

  constructor(private readonly app: FastifyInstance) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(response: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of response.cookies as { name: string; value: string; expires?: Date; maxAge?: number }[]) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now()) || c.maxAge === 0) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
    if (token) this.csrf = token;
    this.last = response;
    return response;
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.remember(await this.app.inject({ method: 'GET', url, headers: { accept: 'text/html', cookie: this.cookieHeader, ...headers } }));
  }

  /** Posts a form with this browser's CSRF token and our Origin, unless the options say otherwise. */
  async post(url: string, form: Record<string, string | string[]> = {}, options: { csrf?: string | null; origin?: string | null; headers?: Record<string, string> } = {}): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams();
    const token = options.csrf === undefined ? this.csrf : options.csrf;
    if (token !== null) body.append('_csrf', token);
    for (const [k, v] of Object.entries(form)) for (const x of [v].flat()) body.append(k, x);
    // Like a browser, the hidden revision of the form on the page it shows comes along unless the
    // test says otherwise (editor/revision.ts): a test posts what a person fills in.
    const path = url.split('?')[0]!;
    if (!('versie' in form) && this.last?.body.includes(`action="${path}"`)) {
      const hidden = hiddenRevisionOf(this.last.body, path);
      if (hidden !== undefined) body.append('versie', hidden);
    }
    const origin = options.origin === undefined ? ORIGIN : options.origin;
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', cookie: this.cookieHeader, ...options.headers };
    if (origin !== null) headers.origin = origin;
    return this.remember(await this.app.inject({ method: 'POST', url, headers, payload: body.toString() }));
  }

  /** Opens the login page and logs in; with a TOTP secret also passes the code step. */
  async logIn(email: string, options: { password?: string; totpSecret?: string | null; now?: Date } = {}): Promise<LightMyRequestResponse> {
    await this.get('/editor/inloggen');
    const response = await this.post('/editor/inloggen', { email, password: options.password ?? TEST_PASSWORD });
    if (response.headers.location === '/editor/inloggen/code' && options.totpSecret) {
      await this.get('/editor/inloggen/code');
      return this.post('/editor/inloggen/code', { code: totpCode(options.totpSecret, options.now ?? new Date()) });
    }
    return response;
  }
}

/** The `versie` field of the page's POST form with this action, if it has one. */
const hiddenRevisionOf = (html: string, action: string): string | undefined => {
  try {
    const value = formFields(html, action).versie;
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
};

/** The `Set-Cookie` header of a response for one cookie, as sent. */
export const setCookieOf = (response: LightMyRequestResponse, name: string): string | undefined =>
  ([] as string[]).concat((response.headers['set-cookie'] as string | string[] | undefined) ?? []).find((c) => c.startsWith(`${name}=`));

const unescapeHtml = (s: string): string =>
  s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const attributesOf = (tag: string): Map<string, string> =>
  new Map([...tag.matchAll(/\s([a-z-]+)(?:="([^"]*)")?/g)].map((m) => [m[1]!, unescapeHtml(m[2] ?? '')]));

/**
 * What a browser would submit from the POST form with this `action` on the page: inputs (checked
 * boxes only), the selected option of each select, textareas — without the CSRF token, which
 * `Browser.post` adds. Fields with several values (check boxes) come as arrays.
 */
export const formFields = (html: string, action: string): Record<string, string | string[]> => {
  const form = [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)].find((m) => attributesOf(m[1]!).get('action') === action && attributesOf(m[1]!).get('method') === 'post');
  if (!form) throw new Error(`no form with action ${action}`);
  const body = form[2]!;
  const out: Record<string, string | string[]> = {};
  const add = (name: string | undefined, value: string) => {
    if (!name || name === '_csrf') return;
    const old = out[name];
    out[name] = old === undefined ? value : [old, value].flat();
  };
  for (const m of body.matchAll(/<input\b([^>]*)>/g)) {
    const a = attributesOf(m[1]!);
    if ((a.get('type') === 'checkbox' || a.get('type') === 'radio') && !a.has('checked')) continue;
    add(a.get('name'), a.get('value') ?? (a.get('type') === 'checkbox' ? 'on' : ''));
  }
  for (const m of body.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const options = [...m[2]!.matchAll(/<option\b([^>]*)>/g)].map((o) => attributesOf(o[1]!));
    const chosen = options.find((o) => o.has('selected')) ?? options[0];
    add(attributesOf(m[1]!).get('name'), chosen?.get('value') ?? '');
  }
  for (const m of body.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) add(attributesOf(m[1]!).get('name'), unescapeHtml(m[2]!));
  return out;
};
