import { SPEAKER_KINDS } from '../../../modules/expectations';
import { Heading } from '../../views/components';
import type { Values } from '../forms';
import { optionsOf } from '../labels';
import { EditForm, Select, TextArea, TextInput } from './fields';
import type { FieldError } from './form';

/** Lower-case field names for messages ("Vul … in"), by the schema's field names. */
export const STATEMENT_LABELS: Record<string, string> = {
  speaker: 'wie het zei',
  speakerKind: 'wat voor spreker het is',
  role: 'de rol',
  medium: 'waar het gezegd of geschreven is',
  date: 'de datum',
  quote: 'de uitspraak',
  url: 'de link',
};

export const SPEAKER_KIND_LABELS: Record<string, string> = {
  politician: 'Politicus',
  alderman: 'Wethouder of andere bestuurder',
  journalist: 'Journalist',
  organization: 'Organisatie',
  other: 'Anders',
};

/**
 * A statement (uitspraak) that raises expectations: who said it, in which role, where, when, the
 * quote and a link. Public figures and organizations only — the register is public.
 */
export const StatementForm = (p: { heading: string; action: string; cancelHref: string; csrf: string; values: Values; errors: FieldError[]; isNew: boolean }) => (
  <>
    <Heading level={1}>{p.heading}</Heading>
    <EditForm action={p.action} csrf={p.csrf} errors={p.errors} submit={p.isNew ? 'Uitspraak vastleggen' : 'Opslaan'} cancelHref={p.cancelHref} revision={p.values.versie}>
      <TextInput name="speaker" label="Wie zei of schreef het?" description="Een publiek persoon of een organisatie, met naam. Nooit een inwoner: het register is openbaar." value={p.values.speaker} maxlength={200} errors={p.errors} />
      <Select name="speakerKind" label="Wat voor spreker?" value={p.values.speakerKind} options={optionsOf(SPEAKER_KINDS, SPEAKER_KIND_LABELS)} errors={p.errors} />
      <TextInput name="role" label="In welke rol? (optioneel)" description="Bijvoorbeeld: wethouder Verkeer, fractievoorzitter, verslaggever" value={p.values.role} maxlength={200} errors={p.errors} />
      <TextInput name="medium" label="Waar?" description="Bijvoorbeeld: raadsvergadering, Stadskrant, radio, sociale media" value={p.values.medium} maxlength={200} errors={p.errors} />
      <TextInput name="date" type="date" label="Datum" value={p.values.date} errors={p.errors} size="small" />
      <TextArea name="quote" label="De uitspraak" description="Letterlijk, of zo dicht mogelijk bij wat er gezegd is." value={p.values.quote} rows={4} maxlength={5000} errors={p.errors} />
      <TextInput name="url" type="url" label="Link naar de bron (optioneel)" value={p.values.url} maxlength={2000} errors={p.errors} />
    </EditForm>
  </>
);
