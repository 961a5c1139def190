import { AppError, type FieldIssue } from './errors';

/**
 * References between records (issue 9): an impact names a group, an anchor a decision, a
 * contribution a goal, an expectation its group, statement, goals and decisions … Such an id must
 * point inside the record's own organization (or change). An id of another organization answers
 * exactly like an id that does not exist — the same status, the same body — or a token of B could
 * probe which ids A has. Every service resolves a referenced id with `inScope` and reports a miss
 * with `unknownReference`, so there is one answer whichever the miss was.
 */

/** What each kind of reference must be, in the words a form and an API client read. */
const WANTED = {
  group: { en: 'choose a group of this organization', nl: 'Kies een doelgroep van deze organisatie' },
  decision: { en: 'choose a decision of this organization', nl: 'Kies een besluit van deze organisatie' },
  change: { en: 'choose a change of this organization', nl: 'Kies een verandering van deze organisatie' },
  goal: { en: 'choose a goal of this change', nl: 'Kies een doel van deze verandering' },
  statement: { en: 'choose a statement about this change', nl: 'Kies een uitspraak over deze verandering' },
} as const;
export type ReferenceKind = keyof typeof WANTED;

/**
 * The referenced record when it exists and `belongs` (to the organization, or the change), else
 * undefined: a missing id and a foreign one become the same nothing before anyone looks further.
 */
export const inScope = <T>(found: T | undefined, belongs: (entity: T) => boolean): T | undefined => (found !== undefined && belongs(found) ? found : undefined);

/** The one issue for a reference that is not in scope, on the field that holds it (no id echoed). */
export const unknownReference = (path: string, kind: ReferenceKind): FieldIssue => ({ path, message: WANTED[kind].en, messages: { ...WANTED[kind] } });

/** `validation_failed` with these issues; the summary names the first. */
export const referenceFailure = (issues: FieldIssue[]): AppError => new AppError('validation_failed', `${issues[0]!.path}: ${issues[0]!.message}`, { issues });

/**
 * Resolves one referenced id: the record when in scope, else `validation_failed` with
 * `unknownReference` — identical for an id that does not exist and one of another organization.
 */
export const requireInScope = <T>(found: T | undefined, belongs: (entity: T) => boolean, path: string, kind: ReferenceKind): T => {
  const entity = inScope(found, belongs);
  if (entity === undefined) throw referenceFailure([unknownReference(path, kind)]);
  return entity;
};
