import { AppError } from './errors';

/**
 * Optimistic concurrency (docs/editor.md, "Optimistic concurrency"; docs/api-write.md): every
 * editable record carries a `revision`, 1 when created and one higher with every write. Whoever
 * edits says which revision they read (the editor's hidden `versie` field, the API's `If-Match`);
 * a write on top of another revision is refused with `edit_conflict` instead of silently
 * overwriting a colleague's save. The repository checks the revision again in the update's
 * `WHERE`, so two writes that both read the same revision cannot both succeed.
 */
export interface Revised {
  /** 1 when created, one higher with every write. */
  readonly revision: number;
}

/** "Someone else saved since you read it": the current revision travels in `details.revision`. */
export const editConflict = (entity: string, id: string, current?: number): AppError =>
  new AppError('edit_conflict', `${entity} ${id} was changed by someone else${current === undefined ? '' : ` (now at revision ${current})`}`, {
    details: { entity, id, ...(current === undefined ? {} : { revision: current }) },
  });

/**
 * Refuses a write that was based on another revision than the stored one. `expected` undefined
 * means the caller did not read the record first (a status change, an import): the repository's
 * `WHERE` still guards against a write racing in between.
 */
export const checkRevision = (entity: string, stored: Revised & { id: string }, expected: number | undefined): void => {
  if (expected !== undefined && expected !== stored.revision) throw editConflict(entity, stored.id, stored.revision);
};

/** The record as it will be after this write: one revision higher. */
export const nextRevision = <T extends Revised>(record: T): T => ({ ...record, revision: record.revision + 1 });

/** Whether an error says another write came first (the editor shows its conflict message, the API 412). */
export const isEditConflict = (error: unknown): error is AppError => error instanceof AppError && error.code === 'edit_conflict';
