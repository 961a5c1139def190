import type { Child } from 'hono/jsx';

/**
 * Form helpers on Utrecht form classes. Every control has a visible label tied by `for`/`id`
 * (WCAG 1.3.1, 3.3.2) and an optional description tied by `aria-describedby`.
 */
export interface Option {
  value: string;
  label: string;
}

const Field = ({ id, label, description, children }: { id: string; label: string; description?: string; children: Child }) => (
  <div class="utrecht-form-field utrecht-form-field--distanced">
    <div class="utrecht-form-field__label">
      <label class="utrecht-form-label" for={id}>{label}</label>
    </div>
    {description ? <div class="utrecht-form-field-description" id={`${id}-description`}>{description}</div> : null}
    <div class="utrecht-form-field__input">{children}</div>
  </div>
);

export const SelectField = ({ id, name, label, description, options, value }: { id: string; name: string; label: string; description?: string; options: Option[]; value: string | undefined }) => (
  <Field id={id} label={label} description={description}>
    <select class="utrecht-select utrecht-select--html-select" id={id} name={name} aria-describedby={description ? `${id}-description` : undefined}>
      {options.map((o) => (
        <option value={o.value} selected={o.value === (value ?? '')}>{o.label}</option>
      ))}
    </select>
  </Field>
);

export const TextField = ({ id, name, label, value, type = 'text', autocomplete }: { id: string; name: string; label: string; value: string | undefined; type?: 'text' | 'search'; autocomplete?: string }) => (
  <Field id={id} label={label}>
    <input class="utrecht-textbox utrecht-textbox--html-input" type={type} id={id} name={name} value={value ?? ''} maxlength={100} autocomplete={autocomplete ?? 'off'} />
  </Field>
);

export const SubmitButton = ({ children }: { children: Child }) => (
  <button type="submit" class="utrecht-button utrecht-button--primary-action">{children}</button>
);
