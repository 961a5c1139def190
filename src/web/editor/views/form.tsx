import type { Child } from 'hono/jsx';
import { CSRF_FIELD } from '../../http/csrf';
import { REVISION_FIELD } from '../revision';

/**
 * Form pieces of the editor, after the NL Design System / GOV.UK error pattern: an error summary at
 * the top that links to each field, the field's own message above its input, `aria-invalid` and
 * `aria-describedby` (WCAG 3.3.1, 3.3.3), and what was typed kept in the input.
 */
export interface FieldError {
  /** The field name; the input has `id="veld-{field}"`. */
  field: string;
  message: string;
}

export const fieldId = (field: string): string => `veld-${field}`;

export const CsrfField = ({ token }: { token: string }) => <input type="hidden" name={CSRF_FIELD} value={token} />;

/** The revision an edit form was opened at (editor/revision.ts); nothing on a form that creates. */
export const RevisionField = ({ value }: { value: string | undefined }) => (value === undefined ? null : <input type="hidden" name={REVISION_FIELD} value={value} />);

export const ErrorSummary = ({ errors }: { errors: FieldError[] }) =>
  errors.length === 0 ? null : (
    <div class="utrecht-alert utrecht-alert--error helder-error-summary" role="alert" aria-labelledby="foutoverzicht-titel" tabindex={-1} autofocus>
      <div class="utrecht-alert__content">
        <h2 class="utrecht-heading-2" id="foutoverzicht-titel">Er is een probleem</h2>
        <ul class="utrecht-unordered-list">
          {errors.map((e) => (
            <li class="utrecht-unordered-list__item">
              <a class="utrecht-link" href={`#${fieldId(e.field)}`}>{e.message}</a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );

export interface InputProps {
  name: string;
  label: string;
  value?: string | undefined;
  type?: 'text' | 'email' | 'password';
  autocomplete?: string;
  inputmode?: 'numeric' | 'text' | 'email';
  description?: string;
  errors?: FieldError[];
  maxlength?: number;
}

export const InputField = (p: InputProps) => {
  const id = fieldId(p.name);
  const error = p.errors?.find((e) => e.field === p.name);
  const describedBy = [p.description ? `${id}-uitleg` : '', error ? `${id}-fout` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`utrecht-form-field utrecht-form-field--distanced${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={id}>{p.label}</label>
      </div>
      {p.description ? <div class="utrecht-form-field-description" id={`${id}-uitleg`}>{p.description}</div> : null}
      {error ? <p class="utrecht-form-field-error-message helder-field-error" id={`${id}-fout`}><span class="helder-visually-hidden">Fout: </span>{error.message}</p> : null}
      <div class="utrecht-form-field__input">
        <input
          class={`utrecht-textbox utrecht-textbox--html-input${error ? ' utrecht-textbox--invalid' : ''}`}
          type={p.type ?? 'text'}
          id={id}
          name={p.name}
          value={p.type === 'password' ? '' : (p.value ?? '')}
          autocomplete={p.autocomplete ?? 'off'}
          inputmode={p.inputmode}
          maxlength={p.maxlength ?? 254}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy}
          spellcheck={false}
        />
      </div>
    </div>
  );
};

export const SubmitButton = ({ children, secondary }: { children: Child; secondary?: boolean }) => (
  <button type="submit" class={`utrecht-button ${secondary ? 'utrecht-button--secondary-action' : 'utrecht-button--primary-action'}`}>{children}</button>
);

/** Zod issues (`path` joined with dots) to field errors, with a fallback for the form as a whole. */
export const toFieldErrors = (issues: { path: string; message: string }[], fallbackField: string): FieldError[] =>
  issues.map((i) => ({ field: i.path || fallbackField, message: capitalize(i.message) }));

const capitalize = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
