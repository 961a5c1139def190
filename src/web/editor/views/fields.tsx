import type { Child } from 'hono/jsx';
import type { LanguageReport } from '../../../language';
import { CsrfField, ErrorSummary, fieldId, RevisionField, SubmitButton, type FieldError } from './form';

/**
 * Form fields of the editing forms, on Utrecht form classes and the same error pattern as
 * form.tsx: a visible label tied by `for`, the description and the field's own error tied by
 * `aria-describedby`, `aria-invalid`, and what was typed kept (WCAG 1.3.1, 3.3.1, 3.3.2, 3.3.3).
 * Every control has `id="veld-{field}"`, so the legitimacy to-do list links land on it.
 */
export interface Option {
  value: string;
  label: string;
}

interface Common {
  name: string;
  label: string;
  errors: FieldError[];
  description?: string | undefined;
  /** Shown instead of a control: the field exists but this role may not change it. */
  readOnly?: boolean | undefined;
}

const errorOf = (errors: FieldError[], name: string) => errors.find((e) => e.field === name);

const Wrapper = ({ name, label, description, error, extraDescribedBy, children }: { name: string; label: string; description?: string | undefined; error?: FieldError | undefined; extraDescribedBy?: string | undefined; children: (describedBy: string | undefined) => Child }) => {
  const id = fieldId(name);
  const describedBy = [description ? `${id}-uitleg` : '', error ? `${id}-fout` : '', extraDescribedBy ?? ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`utrecht-form-field utrecht-form-field--distanced${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={id}>{label}</label>
      </div>
      {description ? <div class="utrecht-form-field-description" id={`${id}-uitleg`}>{description}</div> : null}
      {error ? <p class="utrecht-form-field-error-message helder-field-error" id={`${id}-fout`}><span class="helder-visually-hidden">Fout: </span>{error.message}</p> : null}
      <div class="utrecht-form-field__input">{children(describedBy)}</div>
    </div>
  );
};

export const TextInput = (p: Common & { value: string | undefined; type?: 'text' | 'date' | 'url'; inputmode?: 'decimal' | 'numeric' | 'text'; maxlength?: number; size?: 'small' }) => {
  const error = errorOf(p.errors, p.name);
  return (
    <Wrapper name={p.name} label={p.label} description={p.description} error={error}>
      {(describedBy) => (
        <input
          class={`utrecht-textbox utrecht-textbox--html-input${error ? ' utrecht-textbox--invalid' : ''}${p.size === 'small' ? ' helder-textbox--small' : ''}`}
          type={p.type ?? 'text'}
          id={fieldId(p.name)}
          name={p.name}
          value={p.value ?? ''}
          inputmode={p.inputmode}
          maxlength={p.maxlength ?? 500}
          autocomplete="off"
          readonly={p.readOnly}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy}
        />
      )}
    </Wrapper>
  );
};

export const TextArea = (p: Common & { value: string | undefined; rows?: number; maxlength?: number; feedback?: LanguageReport | undefined }) => {
  const error = errorOf(p.errors, p.name);
  const feedbackId = p.feedback ? `${fieldId(p.name)}-taal` : undefined;
  return (
    <Wrapper name={p.name} label={p.label} description={p.description} error={error} extraDescribedBy={feedbackId}>
      {(describedBy) => (
        <>
          <textarea
            class={`utrecht-textarea utrecht-textarea--html-textarea${error ? ' utrecht-textarea--invalid' : ''}`}
            id={fieldId(p.name)}
            name={p.name}
            rows={p.rows ?? 5}
            maxlength={p.maxlength ?? 10_000}
            readonly={p.readOnly}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={describedBy}
          >
            {p.value ?? ''}
          </textarea>
          {p.feedback ? <LanguageFeedback id={feedbackId!} report={p.feedback} /> : null}
        </>
      )}
    </Wrapper>
  );
};

export const Select = (p: Common & { value: string | undefined; options: Option[] }) => {
  const error = errorOf(p.errors, p.name);
  return (
    <Wrapper name={p.name} label={p.label} description={p.description} error={error}>
      {(describedBy) => (
        <select
          class={`utrecht-select utrecht-select--html-select${error ? ' utrecht-select--invalid' : ''}`}
          id={fieldId(p.name)}
          name={p.name}
          disabled={p.readOnly}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy}
        >
          {p.options.map((o) => (
            <option value={o.value} selected={o.value === (p.value ?? '')}>{o.label}</option>
          ))}
        </select>
      )}
    </Wrapper>
  );
};

export const Checkbox = ({ name, label, checked }: { name: string; label: string; checked: boolean }) => (
  <div class="utrecht-form-field utrecht-form-field--checkbox utrecht-form-field--distanced">
    <div class="utrecht-form-field__input">
      <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id={fieldId(name)} name={name} value="ja" checked={checked} />
      <label class="utrecht-form-label utrecht-form-label--checkbox" for={fieldId(name)}>{label}</label>
    </div>
  </div>
);

/**
 * The plain-language check of one citizen text, server-side (no JavaScript needed): the verdict,
 * the score and what to improve, each finding with the words it is about and a suggestion.
 */
export const LanguageFeedback = ({ id, report }: { id: string; report: LanguageReport }) => (
  <div class={`helder-language helder-language--${report.verdict}`} id={id}>
    <p class="utrecht-paragraph">
      <strong>Taalcheck: {report.verdictLabel}</strong> (score {report.score} van 100; B1 vanaf 60)
    </p>
    {report.findings.length > 0 ? (
      <ul class="utrecht-unordered-list helder-language__findings">
        {report.findings.slice(0, 8).map((f) => (
          <li class="utrecht-unordered-list__item">
            <q>{f.excerpt}</q>: {f.message}
            {f.suggestion ? <> — {f.suggestion}</> : null}
          </li>
        ))}
        {report.findings.length > 8 ? <li class="utrecht-unordered-list__item">En nog {report.findings.length - 8} punten.</li> : null}
      </ul>
    ) : null}
  </div>
);

/**
 * One editing form: the error summary at the top, the CSRF token, the fields, and the actions.
 * `preview` adds a second button that checks the texts without saving.
 */
/** An editing form; `revision` (the form value `versie`) when it edits a stored record (editor/revision.ts). */
export const EditForm = (p: { action: string; csrf: string; errors: FieldError[]; submit: string; cancelHref: string; preview?: boolean; revision?: string | undefined; children: Child }) => (
  <>
    <ErrorSummary errors={p.errors} />
    <form class="helder-form helder-form--wide" method="post" action={p.action} novalidate>
      <CsrfField token={p.csrf} />
      <RevisionField value={p.revision} />
      {p.children}
      <div class="helder-form-actions">
        <SubmitButton>{p.submit}</SubmitButton>
        {p.preview ? (
          <button type="submit" name="actie" value="taalcheck" class="utrecht-button utrecht-button--secondary-action">Taalcheck zonder opslaan</button>
        ) : null}
        <a class="utrecht-link" href={p.cancelHref}>Annuleren</a>
      </div>
    </form>
  </>
);

export const Fieldset = ({ legend, children, id }: { legend: string; children: Child; id?: string }) => (
  <fieldset class="utrecht-form-fieldset helder-fieldset" id={id}>
    <legend class="utrecht-form-fieldset__legend">{legend}</legend>
    {children}
  </fieldset>
);
