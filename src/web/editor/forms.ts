import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Child } from 'hono/jsx';
import { isAppError } from '../../core';
import { dutchIssue } from './messages';
import { sendPage } from './render';
import type { EditConflict } from './revision';
import { editorUrls } from './urls';
import { ConflictNotice } from './views/conflict-notice';
import type { Crumb } from './views/frame';
import type { FieldError } from './views/form';

/**
 * Form handling every editing route shares (docs/editor.md, "Editing the chain"): reading form
 * fields as typed, turning a service's `validation_failed` into Dutch field errors for the error
 * summary, and answering with the form page or a redirect.
 */

/** Form fields as typed, by name: what a form re-renders when something is wrong. */
export type Values = Record<string, string>;

export const valuesOf = (body: unknown, names: readonly string[]): Values => {
  const record = (body ?? {}) as Record<string, unknown>;
  const out: Values = {};
  for (const name of names) {
    const v = record[name];
    out[name] = typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
  }
  return out;
};

/** Collects field errors of the edge (number and date formats) before a service sees the input. */
export class FormErrors {
  readonly list: FieldError[] = [];
  add(field: string, message: string): void {
    if (!this.list.some((e) => e.field === field)) this.list.push({ field, message });
  }
  get any(): boolean {
    return this.list.length > 0;
  }

  /** A number as people type it in the Netherlands: `1.234,5`, `1.200`, `12,5`, `12`; empty is null. */
  number(values: Values, field: string, label: string): number | null {
    const raw = (values[field] ?? '').replace(/[\s\u00a0€%]/g, '');
    if (raw === '') return null;
    // Dutch first: a comma is the decimal sign and dots group thousands ("1.200.000"); a single dot
    // not followed by exactly three digits is read as a decimal point ("40.5").
    const normal = raw.includes(',') || /^[-+]?\d{1,3}(\.\d{3})+$/.test(raw) ? raw.replace(/\./g, '').replace(',', '.') : raw;
    const n = /^[-+]?\d+(\.\d+)?$/.test(normal) ? Number(normal) : Number.NaN;
    if (!Number.isFinite(n)) {
      this.add(field, `Vul bij ${label} een getal in, bijvoorbeeld 12 of 12,5`);
      return null;
    }
    return n;
  }

  /** A whole number (vote counts, group sizes); empty is null. */
  integer(values: Values, field: string, label: string): number | null {
    const n = this.number(values, field, label);
    if (n !== null && !Number.isInteger(n)) {
      this.add(field, `Vul bij ${label} een heel getal in`);
      return null;
    }
    return n;
  }

  /** A date from `<input type="date">` (YYYY-MM-DD) or typed as DD-MM-YYYY; empty is null. */
  date(values: Values, field: string, label: string): string | null {
    const raw = (values[field] ?? '').trim();
    if (raw === '') return null;
    const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(raw);
    const iso = dutch ? `${dutch[3]}-${dutch[2]!.padStart(2, '0')}-${dutch[1]!.padStart(2, '0')}` : raw;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) || new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) !== iso) {
      this.add(field, `Vul bij ${label} een bestaande datum in, bijvoorbeeld 01-06-2026`);
      return null;
    }
    return iso;
  }
}

/**
 * A service's `validation_failed` as Dutch field errors (the first path segment names the input),
 * or undefined for any other error, which the caller rethrows or handles.
 */
export const fieldErrorsOf = (error: unknown, labels: Record<string, string>, fallbackField: string): FieldError[] | undefined => {
  if (!isAppError(error) || error.code !== 'validation_failed') return undefined;
  const issues = error.issues.length > 0 ? error.issues : [{ path: fallbackField, message: error.message }];
  const errors = new FormErrors();
  for (const issue of issues) {
    const field = issue.path.split('.')[0] || fallbackField;
    // Own keys only: a path named `constructor` must not find Object.prototype's.
    const target = Object.hasOwn(labels, field) ? field : fallbackField;
    errors.add(target, dutchIssue((Object.hasOwn(labels, field) ? labels[field] : labels[target]) ?? field, issue.message));
  }
  return errors.list;
};

/** The crumbs of a page under a change: organization, change, this page. */
export const changeCrumbs = (organization: { slug: string; name: string }, change: { id: string; title: string }, label: string): Crumb[] => [
  { label: organization.name, href: editorUrls.dashboard(organization.slug) },
  { label: change.title, href: editorUrls.change(organization.slug, change.id) },
  { label },
];

/**
 * Sends a form page: 200, or 422 with "Fout:" in the title when it carries errors, or 409 with the
 * conflict message above the form when someone else saved since it was opened (editor/revision.ts).
 */
export const sendForm = (
  request: FastifyRequest,
  reply: FastifyReply,
  baseUrl: string,
  options: { title: string; organization: { slug: string; name: string }; breadcrumbs: Crumb[]; errors: FieldError[]; status?: number; conflict?: EditConflict | undefined },
  body: (csrf: string) => Child,
): FastifyReply =>
  sendPage(
    request,
    reply,
    baseUrl,
    {
      title: options.title,
      organization: options.organization,
      breadcrumbs: options.breadcrumbs,
      hasErrors: options.errors.length > 0,
      status: options.status ?? (options.conflict ? 409 : options.errors.length > 0 ? 422 : 200),
    },
    (csrf) => (options.conflict ? [ConflictNotice(options.conflict), body(csrf)] : body(csrf)),
  );

/** After a successful POST: back to the change page (303, so a reload does not post twice). */
export const backToChange = (reply: FastifyReply, org: string, changeId: string, anchor = ''): FastifyReply =>
  reply.redirect(`${editorUrls.change(org, changeId)}?opgeslagen${anchor}`, 303);
