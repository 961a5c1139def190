import { DECISION_KINDS, DECISION_OUTCOMES, FOLLOW_UP_STATUSES } from '../../../modules/decisions';
import { Alert, Heading, Paragraph } from '../../views/components';
import type { Values } from '../forms';
import { DECISION_KIND_LABELS, OUTCOME_LABELS, optionsOf } from '../labels';
import { EditForm, Fieldset, Select, TextArea, TextInput } from './fields';
import type { FieldError } from './form';

export const DECISION_LABELS: Record<string, string> = {
  kind: 'de soort',
  title: 'de titel',
  body: 'wie besloot',
  date: 'de datum',
  reference: 'het kenmerk',
  sourceUrl: 'de link naar het besluit',
  outcome: 'de uitkomst',
  votes: 'de stemmen',
  partyVotes: 'de stemmen per partij',
  followUps: 'de vervolgafspraken',
  summary: 'de samenvatting',
};

const FOLLOW_UP_LABELS: Record<string, string> = { open: 'Open', fulfilled: 'Nagekomen', overdue: 'Te laat', cancelled: 'Vervallen' };

export interface DecisionFormProps {
  heading: string;
  action: string;
  cancelHref: string;
  csrf: string;
  values: Values;
  errors: FieldError[];
  partyRows: number;
  followUpRows: number;
  /** A final decision is never edited: this form records a correction of it. */
  correcting: boolean;
  isNew: boolean;
}

/** A decision with its votes (Popolo vote_event/count): totals and, optionally, per party. */
export const DecisionForm = (p: DecisionFormProps) => (
  <>
    <Heading level={1}>{p.heading}</Heading>
    {p.correcting ? (
      <Alert type="info"><Paragraph>De uitkomst van dit besluit staat vast. Een besluit wordt daarna nooit meer gewijzigd: u legt een correctie vast, die zegt wat ze corrigeert. Het oude besluit blijft leesbaar.</Paragraph></Alert>
    ) : null}
    <EditForm action={p.action} csrf={p.csrf} errors={p.errors} submit={p.correcting ? 'Correctie vastleggen' : p.isNew ? 'Besluit vastleggen' : 'Opslaan'} cancelHref={p.cancelHref} revision={p.values.versie}>
      <Select name="kind" label="Soort besluit" value={p.values.kind} options={optionsOf(DECISION_KINDS, DECISION_KIND_LABELS)} errors={p.errors} />
      <TextInput name="title" label="Titel" value={p.values.title} maxlength={300} errors={p.errors} />
      <TextInput name="body" label="Wie besloot" description="Bijvoorbeeld gemeenteraad of college van B&W" value={p.values.body} maxlength={200} errors={p.errors} />
      <TextInput name="date" type="date" label="Datum" value={p.values.date} errors={p.errors} size="small" />
      <TextInput name="reference" label="Kenmerk (optioneel)" value={p.values.reference} maxlength={100} errors={p.errors} size="small" />
      <TextInput name="sourceUrl" type="url" label="Link naar het besluit (optioneel)" value={p.values.sourceUrl} maxlength={2000} errors={p.errors} />
      <Select name="outcome" label="Uitkomst" value={p.values.outcome} options={optionsOf(DECISION_OUTCOMES, OUTCOME_LABELS)} errors={p.errors} />
      <TextArea name="summary" label="Samenvatting (optioneel)" value={p.values.summary} rows={3} maxlength={4000} errors={p.errors} />
      <Fieldset legend="Stemmen (optioneel)" id="veld-votes">
        <div class="helder-votes">
          <TextInput name="votesFor" label="Voor" inputmode="numeric" value={p.values.votesFor} errors={p.errors} size="small" />
          <TextInput name="votesAgainst" label="Tegen" inputmode="numeric" value={p.values.votesAgainst} errors={p.errors} size="small" />
          <TextInput name="votesAbstain" label="Onthouden" inputmode="numeric" value={p.values.votesAbstain} errors={p.errors} size="small" />
        </div>
      </Fieldset>
      <Fieldset legend="Stemmen per partij (optioneel; ze moeten optellen tot de totalen)" id="veld-partyVotes">
        {Array.from({ length: p.partyRows }, (_, i) => (
          <div class="helder-votes">
            <TextInput name={`party_${i}`} label={`Partij ${i + 1}`} value={p.values[`party_${i}`]} maxlength={100} errors={p.errors} />
            <TextInput name={`for_${i}`} label={`Voor (partij ${i + 1})`} inputmode="numeric" value={p.values[`for_${i}`]} errors={p.errors} size="small" />
            <TextInput name={`against_${i}`} label={`Tegen (partij ${i + 1})`} inputmode="numeric" value={p.values[`against_${i}`]} errors={p.errors} size="small" />
            <TextInput name={`abstain_${i}`} label={`Onthouden (partij ${i + 1})`} inputmode="numeric" value={p.values[`abstain_${i}`]} errors={p.errors} size="small" />
          </div>
        ))}
      </Fieldset>
      <Fieldset legend="Vervolgafspraken (alleen bij een motie of toezegging)" id="veld-followUps">
        {Array.from({ length: p.followUpRows }, (_, i) => (
          <div>
            <TextInput name={`followUp_${i}`} label={`Afspraak ${i + 1}`} value={p.values[`followUp_${i}`]} maxlength={1000} errors={p.errors} />
            <TextInput name={`due_${i}`} type="date" label={`Uiterlijk (afspraak ${i + 1})`} value={p.values[`due_${i}`]} errors={p.errors} size="small" />
            <Select name={`followUpStatus_${i}`} label={`Stand (afspraak ${i + 1})`} value={p.values[`followUpStatus_${i}`] || 'open'} options={optionsOf(FOLLOW_UP_STATUSES, FOLLOW_UP_LABELS)} errors={p.errors} />
          </div>
        ))}
      </Fieldset>
    </EditForm>
  </>
);
