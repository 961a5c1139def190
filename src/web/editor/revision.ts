import type { Revised } from '../../core';

/**
 * Optimistic concurrency in the editor (docs/editor.md, "Optimistic concurrency"; core/revision.ts).
 * Every edit form carries the revision it was opened at in the hidden field `versie`; the route
 * passes it to the service, which refuses the save with `edit_conflict` when someone else saved
 * in between. The form then comes back with 409: what this person typed stays in the fields, what
 * is stored now is shown beside it, and the hidden field moves to the stored revision so the next
 * save goes through — knowingly. Nothing typed and nothing stored is lost.
 */

/** Form fields by name, as in forms.ts (not imported: forms.ts sends the conflict page, so it imports this file). */
type Values = Record<string, string>;

/** The name of the hidden field. */
export const REVISION_FIELD = 'versie';

/** A record's form values with the revision they were read at. */
export const withRevision = (values: Values, record: Revised): Values => ({ ...values, [REVISION_FIELD]: String(record.revision) });

/**
 * The revision a posted form was opened at. A form without one (opened before this existed, or
 * made by hand) reads as 0, which no record has: it gets the conflict page rather than overwrite.
 */
export const revisionOf = (values: Values): number => {
  const raw = values[REVISION_FIELD] ?? '';
  return /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : 0;
};

/** What the conflict page shows beside the typed form: the stored values, named by the form's labels. */
export interface EditConflict {
  stored: Values;
  labels: Record<string, string>;
}

/**
 * The form after a refused save: the typed values with the stored revision (so the next save goes
 * through), and the conflict to show. `stored` are the form values of the record as it is now.
 */
export const staleForm = (typed: Values, stored: Values, labels: Record<string, string>): { values: Values; conflict: EditConflict } => ({
  values: { ...typed, [REVISION_FIELD]: stored[REVISION_FIELD] ?? '' },
  conflict: { stored, labels },
});
