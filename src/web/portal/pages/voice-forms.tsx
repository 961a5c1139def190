import type { Child } from 'hono/jsx';
import type { View } from '../site';
import { VOICE } from '../voice-i18n';

/**
 * Form pieces of the citizen-voice pages, after the NL Design System / GOV.UK error pattern: an error
 * summary at the top linking to each field (WCAG 3.3.1), the field's message above its control,
 * `aria-invalid` and `aria-describedby`, what was typed kept. Radio groups are fieldsets with a
 * legend (WCAG 1.3.1); every choice is a large tap target with its own label.
 */
export interface FieldError {
  /** The id of the control the summary links to. */
  target: string;
  /** The form field it belongs to. */
  field: string;
  message: string;
}

export const ErrorSummary = ({ view, errors }: { view: View; errors: FieldError[] }) =>
  errors.length === 0 ? null : (
    <div class="utrecht-alert utrecht-alert--error helder-error-summary" role="alert" aria-labelledby="foutoverzicht" tabindex={-1}>
      <div class="utrecht-alert__content">
        <div class="utrecht-alert__message">
          <h2 class="utrecht-heading-2" id="foutoverzicht">{VOICE[view.lang].errorSummary}</h2>
          <ul class="utrecht-unordered-list">
            {errors.map((e) => (
              <li class="utrecht-unordered-list__item"><a class="utrecht-link utrecht-link--html-a" href={`#${e.target}`}>{e.message}</a></li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );

const FieldMessage = ({ view, id, error }: { view: View; id: string; error: FieldError | undefined }) =>
  error ? (
    <p class="utrecht-form-field-error-message helder-field-error" id={id}>
      <span class="helder-visually-hidden">{VOICE[view.lang].errorPrefix}</span>
      {error.message}
    </p>
  ) : null;

export interface Choice {
  value: string;
  label: string;
  lang?: string;
}

/** A radio group: `<fieldset>` + `<legend>`, one labelled radio per choice; the first radio's id is `{id}-0`. */
export const ChoiceGroup = (p: { view: View; id: string; name: string; legend: Child; choices: Choice[]; value: string | undefined; error?: FieldError | undefined; description?: string }) => {
  const errorId = `${p.id}-fout`;
  const descId = `${p.id}-uitleg`;
  const describedBy = [p.description ? descId : '', p.error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset class={`utrecht-form-fieldset helder-question${p.error ? ' helder-question--invalid' : ''}`} aria-describedby={describedBy}>
      <legend class="utrecht-form-fieldset__legend helder-question__legend">{p.legend}</legend>
      {p.description ? <p class="utrecht-form-field-description helder-question__description" id={descId}>{p.description}</p> : null}
      <FieldMessage view={p.view} id={errorId} error={p.error} />
      <div class="helder-choices">
        {p.choices.map((c, i) => (
          <div class="helder-choice">
            <input
              class="utrecht-radio-button utrecht-radio-button--html-input helder-choice__input"
              type="radio"
              id={`${p.id}-${i}`}
              name={p.name}
              value={c.value}
              checked={c.value === p.value}
              aria-invalid={p.error ? 'true' : undefined}
            />
            <label class="utrecht-form-label utrecht-form-label--radio helder-choice__label" for={`${p.id}-${i}`} lang={c.lang}>{c.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
};

interface ControlProps {
  view: View;
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  description?: string;
  error?: FieldError | undefined;
}

const Control = ({ view, id, label, description, error, children }: Omit<ControlProps, 'name' | 'value'> & { children: Child }) => (
  <div class={`utrecht-form-field utrecht-form-field--distanced${error ? ' utrecht-form-field--invalid' : ''}`}>
    <div class="utrecht-form-field__label"><label class="utrecht-form-label" for={id}>{label}</label></div>
    {description ? <div class="utrecht-form-field-description" id={`${id}-uitleg`}>{description}</div> : null}
    <FieldMessage view={view} id={`${id}-fout`} error={error} />
    <div class="utrecht-form-field__input">{children}</div>
  </div>
);

const describedBy = (p: ControlProps) => [p.description ? `${p.id}-uitleg` : '', p.error ? `${p.id}-fout` : ''].filter(Boolean).join(' ') || undefined;

export const TextInput = (p: ControlProps & { maxlength: number; autocomplete?: string }) => (
  <Control {...p}>
    <input
      class={`utrecht-textbox utrecht-textbox--html-input helder-textbox${p.error ? ' utrecht-textbox--invalid' : ''}`}
      type="text"
      id={p.id}
      name={p.name}
      value={p.value ?? ''}
      maxlength={p.maxlength}
      autocomplete={p.autocomplete ?? 'off'}
      aria-invalid={p.error ? 'true' : undefined}
      aria-describedby={describedBy(p)}
    />
  </Control>
);

export const TextArea = (p: ControlProps & { maxlength: number; rows?: number }) => (
  <Control {...p}>
    <textarea
      class={`utrecht-textarea utrecht-textarea--html-textarea helder-textarea${p.error ? ' utrecht-textarea--invalid' : ''}`}
      id={p.id}
      name={p.name}
      rows={p.rows ?? 8}
      maxlength={p.maxlength}
      aria-invalid={p.error ? 'true' : undefined}
      aria-describedby={describedBy(p)}
    >
      {p.value ?? ''}
    </textarea>
  </Control>
);

export const Select = (p: ControlProps & { options: Choice[]; placeholder: string }) => (
  <Control {...p}>
    <select
      class={`utrecht-select utrecht-select--html-select${p.error ? ' utrecht-select--invalid' : ''}`}
      id={p.id}
      name={p.name}
      aria-invalid={p.error ? 'true' : undefined}
      aria-describedby={describedBy(p)}
    >
      <option value="">{p.placeholder}</option>
      {p.options.map((o) => <option value={o.value} selected={o.value === p.value}>{o.label}</option>)}
    </select>
  </Control>
);

/**
 * The honeypot: a field people never see or reach — off-screen by class (the CSP forbids inline
 * styles), `aria-hidden`, out of the tab order, never autofilled — so a value means a robot filled
 * the form (docs/citizen-voice.md).
 */
export const Honeypot = ({ view }: { view: View }) => (
  <div class="helder-honeypot" aria-hidden="true">
    <label for="website">{VOICE[view.lang].honeypot}</label>
    <input type="text" id="website" name="website" value="" tabindex={-1} autocomplete="off" />
  </div>
);

export const Submit = ({ children }: { children: Child }) => (
  <p class="utrecht-paragraph helder-form-actions">
    <button type="submit" class="utrecht-button utrecht-button--primary-action">{children}</button>
  </p>
);
