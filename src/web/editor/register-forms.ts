import type { z } from 'zod';
import { isAppError, parseInput } from '../../core';
import { FormErrors } from './forms';
import { dutchIssue } from './messages';
import type { FieldError } from './views/form';

/**
 * Helpers of the expectation register's forms (statements, expectations, conflicts): the
 * services' messages as Dutch field errors.
 */

/**
 * The register's own rules speak English in the module (they serve the API too); here they are
 * said to a civil servant in Dutch, naming what to do (NL Design System error message pattern).
 */
const DUTCH: Record<string, string> = {
  'name the goal or decision that backs this expectation': 'Kies het doel of besluit dat deze verwachting onderbouwt, of kies de beoordeling “onterecht”',
  'name the goal that says otherwise': 'Kies het doel dat iets anders zegt',
  'an unfounded expectation has no goal or decision behind it: choose supported or partly': 'Een onterechte verwachting heeft geen doel of besluit achter zich: haal de vinkjes weg, of kies “terecht” of “deels terecht”',
  'choose a group of this organization': 'Kies een doelgroep van deze organisatie',
  'choose a statement about this change': 'Kies een uitspraak over deze verandering',
  'choose a goal of this change': 'Kies een doel van deze verandering',
  'choose a decision of this organization': 'Kies een besluit van deze organisatie',
  'only an adopted decision backs an expectation': 'Alleen een aangenomen besluit onderbouwt een verwachting: haal het vinkje weg bij een besluit dat niet is aangenomen',
};

/**
 * A service's `validation_failed` as Dutch field errors, or undefined for any other error. The
 * first path segment names the input; `rename` maps it to the form's name where they differ
 * (the response's `text` is the page's `response`).
 */
export const registerErrorsOf = (error: unknown, labels: Record<string, string>, fallback: string, rename: Record<string, string> = {}): FieldError[] | undefined => {
  if (!isAppError(error) || error.code !== 'validation_failed') return undefined;
  const issues = error.issues.length > 0 ? error.issues : [{ path: fallback, message: error.message }];
  const errors = new FormErrors();
  for (const issue of issues) {
    const first = issue.path.split('.')[0] ?? '';
    // Own keys only: a path or message such as `constructor` must not find Object.prototype's.
    const named = (Object.hasOwn(rename, first) ? rename[first] : undefined) ?? first;
    const field = Object.hasOwn(labels, named) ? named : fallback;
    errors.add(field, (Object.hasOwn(DUTCH, issue.message) ? DUTCH[issue.message] : undefined) ?? dutchIssue(labels[field] ?? field, issue.message));
  }
  return errors.list;
};

/**
 * The edge's own errors (dates) with the schema's errors on the other fields, in the form's order,
 * so one round trip shows everything that is wrong.
 */
export const withSchemaErrors = <S extends z.ZodType>(edge: FormErrors, schema: S, input: unknown, labels: Record<string, string>, order: readonly string[], rename: Record<string, string> = {}): FieldError[] => {
  try {
    parseInput(schema, input);
  } catch (error) {
    for (const e of registerErrorsOf(error, labels, order[0]!, rename) ?? []) edge.add(e.field, e.message);
  }
  const at = (field: string) => (order.indexOf(field) + order.length + 1) % (order.length + 1);
  return [...edge.list].sort((a, b) => at(a.field) - at(b.field));
};

/** An empty text field as null (optional links and ids). */
export const orNull = (value: string | undefined): string | null => (value ?? '').trim() || null;

