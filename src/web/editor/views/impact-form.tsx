import type { LanguageReport } from '../../../language';
import { EFFECTS } from '../../../modules/groups';
import { Alert, Heading, Paragraph } from '../../views/components';
import type { Values } from '../forms';
import { EFFECT_LABELS, optionsOf } from '../labels';
import { EditForm, Fieldset, Select, TextArea, TextInput, type Option } from './fields';
import type { FieldError } from './form';

export const IMPACT_LABELS: Record<string, string> = {
  groupId: 'de doelgroep',
  newGroup: 'de naam van de nieuwe doelgroep',
  estimatedSize: 'de geschatte omvang',
  effect: 'het effect',
  meaning: 'wat dit betekent',
  expectation: 'wat mensen kunnen verwachten',
  name: 'de naam van de nieuwe doelgroep',
};

/** What a change means for one group: effect (chain) and the two citizen texts, each with the plain-language check. */
export const ImpactForm = (p: { heading: string; action: string; cancelHref: string; csrf: string; values: Values; errors: FieldError[]; groups: Option[] | undefined; canEditChain: boolean; feedback: Partial<Record<'meaning' | 'expectation', LanguageReport>>; notice?: string | undefined; isNew: boolean }) => (
  <>
    <Heading level={1}>{p.heading}</Heading>
    {p.notice ? <Alert type="info"><Paragraph>{p.notice}</Paragraph></Alert> : null}
    <EditForm action={p.action} csrf={p.csrf} errors={p.errors} submit={p.isNew ? 'Doelgroep toevoegen' : 'Opslaan'} cancelHref={p.cancelHref} preview revision={p.values.versie}>
      {p.groups ? (
        <Fieldset legend="Doelgroep">
          <Select name="groupId" label="Bestaande doelgroep" value={p.values.groupId} options={[{ value: '', label: 'Kies een doelgroep, of maak hieronder een nieuwe' }, ...p.groups]} errors={p.errors} />
          <TextInput name="newGroup" label="Of: naam van een nieuwe doelgroep" value={p.values.newGroup} maxlength={120} errors={p.errors} />
          <TextInput name="estimatedSize" label="Geschatte omvang van de nieuwe doelgroep (optioneel)" inputmode="numeric" value={p.values.estimatedSize} errors={p.errors} size="small" />
        </Fieldset>
      ) : null}
      <Select name="effect" label="Wat doet de verandering voor deze groep?" value={p.values.effect} options={optionsOf(EFFECTS, EFFECT_LABELS)} errors={p.errors} readOnly={!p.canEditChain} />
      <TextArea name="meaning" label="Wat betekent dit voor u?" description="Schrijf voor de mensen in deze groep, in eenvoudige taal (B1)." value={p.values.meaning} rows={4} maxlength={3000} errors={p.errors} feedback={p.feedback.meaning} />
      <TextArea name="expectation" label="Wat kunt u verwachten, en wanneer?" value={p.values.expectation} rows={4} maxlength={3000} errors={p.errors} feedback={p.feedback.expectation} />
    </EditForm>
  </>
);
