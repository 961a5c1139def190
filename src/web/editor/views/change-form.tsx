import type { LanguageReport } from '../../../language';
import { CHANGE_KINDS } from '../../../modules/changes';
import { Alert, Heading, Paragraph } from '../../views/components';
import { KIND_LABELS, optionsOf, STATUS_LABELS } from '../labels';
import type { Values } from '../forms';
import { Checkbox, EditForm, Select, TextArea, TextInput } from './fields';
import { CsrfField, SubmitButton, type FieldError } from './form';

export interface ChangeFormProps {
  heading: string;
  action: string;
  cancelHref: string;
  csrf: string;
  values: Values;
  errors: FieldError[];
  /** Title, kind and themes: editors and admins; communicators edit the citizen texts only. */
  canEditChain: boolean;
  feedback: Partial<Record<'summary' | 'why' | 'what', LanguageReport>>;
  notice?: { type: 'ok' | 'info' | 'warning'; text: string } | undefined;
  isNew?: boolean;
}

/** Labels of the change fields, lower case, for error messages ("Vul bij … in"). */
export const CHANGE_LABELS: Record<string, string> = { title: 'de titel', kind: 'het soort verandering', summary: 'de samenvatting', why: 'waarom', what: 'wat er verandert', themes: "de thema's" };

export const ChangeForm = (p: ChangeFormProps) => (
  <>
    <Heading level={1}>{p.heading}</Heading>
    {p.notice ? <Alert type={p.notice.type}><Paragraph>{p.notice.text}</Paragraph></Alert> : null}
    <EditForm action={p.action} csrf={p.csrf} errors={p.errors} submit={p.isNew ? 'Verandering aanmaken' : 'Opslaan'} cancelHref={p.cancelHref} preview revision={p.values.versie}>
      <TextInput name="title" label="Titel" value={p.values.title} errors={p.errors} readOnly={!p.canEditChain} maxlength={200} />
      <Select name="kind" label="Soort verandering" value={p.values.kind} options={optionsOf(CHANGE_KINDS, KIND_LABELS)} errors={p.errors} readOnly={!p.canEditChain} />
      <TextArea name="summary" label="Samenvatting voor inwoners" description="Eén of twee zinnen in eenvoudige taal (B1). Dit staat bovenaan de pagina op de website." value={p.values.summary} rows={3} maxlength={600} errors={p.errors} feedback={p.feedback.summary} />
      <TextArea name="why" label="Waarom verandert dit?" description="Leg uit waarom deze verandering nodig is, in eenvoudige taal. Een witregel begint een nieuwe alinea." value={p.values.why} rows={7} errors={p.errors} feedback={p.feedback.why} />
      <TextArea name="what" label="Wat verandert er?" description="Wat merken inwoners ervan, en wat gaat de organisatie doen?" value={p.values.what} rows={7} errors={p.errors} feedback={p.feedback.what} />
      <TextInput name="themes" label="Thema's" description="Gescheiden door komma's, bijvoorbeeld: verkeer, parkeren" value={p.values.themes} errors={p.errors} readOnly={!p.canEditChain} />
    </EditForm>
  </>
);

/** Moves a change along its lifecycle: only the statuses that may follow the current one. */
export const StatusForm = ({ action, csrf, status, next }: { action: string; csrf: string; status: string; next: string[] }) =>
  next.length === 0 ? (
    <Paragraph>Status: {STATUS_LABELS[status] ?? status}. Deze verandering is afgesloten.</Paragraph>
  ) : (
    <form class="helder-form" method="post" action={action}>
      <CsrfField token={csrf} />
      <Select name="status" label={`Status (nu: ${STATUS_LABELS[status] ?? status})`} value={next[0]} options={optionsOf(next, STATUS_LABELS)} errors={[]} />
      <div class="helder-form-actions"><SubmitButton secondary>Status wijzigen</SubmitButton></div>
    </form>
  );

export const MILESTONE_LABELS: Record<string, string> = { title: 'de titel', description: 'de toelichting', date: 'de datum', done: 'gereed' };

export const MilestoneForm = (p: { heading: string; action: string; cancelHref: string; csrf: string; values: Values; errors: FieldError[]; isNew: boolean }) => (
  <>
    <Heading level={1}>{p.heading}</Heading>
    <EditForm action={p.action} csrf={p.csrf} errors={p.errors} submit={p.isNew ? 'Mijlpaal toevoegen' : 'Opslaan'} cancelHref={p.cancelHref} revision={p.values.versie}>
      <TextInput name="title" label="Titel" value={p.values.title} errors={p.errors} maxlength={200} />
      <TextInput name="date" type="date" label="Datum" description="Bijvoorbeeld 01-06-2026" value={p.values.date} errors={p.errors} />
      <TextArea name="description" label="Toelichting (optioneel)" value={p.values.description} rows={3} maxlength={2000} errors={p.errors} />
      <Checkbox name="done" label="Deze mijlpaal is bereikt" checked={p.values.done === 'ja'} />
    </EditForm>
  </>
);
