import { DIRECTIONS, GOAL_LEVELS, REPORTING_INTERVALS } from '../../../modules/goals';
import { Alert, Heading, Paragraph, Table } from '../../views/components';
import type { Values } from '../forms';
import { DIRECTION_LABELS, GOAL_FIELD_LABELS, INTERVAL_LABELS, LEVEL_LABELS, optionsOf } from '../labels';
import { EditForm, Fieldset, Select, TextArea, TextInput } from './fields';
import type { FieldError } from './form';

/** Lower-case field names for messages ("Vul bij de eenheid …"). */
export const GOAL_LABELS: Record<string, string> = {
  statement: 'het doel',
  level: 'het niveau',
  indicator: 'de indicator',
  unit: 'de eenheid',
  baselineValue: 'de waarde van de nulmeting',
  baselineDate: 'de datum van de nulmeting',
  targetValue: 'de streefwaarde',
  targetDate: 'de streefdatum',
  direction: 'de richting',
  owner: 'de eigenaar',
  dataSource: 'de gegevensbron',
  reportingInterval: 'hoe vaak er gemeten wordt',
};

/** The adoption warning of issue 5, word for word. */
export const ADOPTION_WARNING = 'Dit doel is door de raad vastgesteld; na wijziging is het niet meer verankerd tot een nieuw besluit.';

export interface GoalFormProps {
  heading: string;
  action: string;
  cancelHref: string;
  csrf: string;
  values: Values;
  errors: FieldError[];
  isNew: boolean;
  /** The current version is anchored: measurable fields make a new, unanchored version. */
  anchored: boolean;
  /** The edit would make a new version of an anchored goal: ask first. */
  confirm?: { changed: string[] } | undefined;
  vague?: string[] | undefined;
}

export const GoalForm = (p: GoalFormProps) => (
  <>
    <Heading level={1}>{p.heading}</Heading>
    {p.confirm ? (
      <div class="helder-warning-box" role="alert">
        <Heading level={2}>Weet u het zeker?</Heading>
        <Paragraph><strong>{ADOPTION_WARNING}</strong></Paragraph>
        <Paragraph>U wijzigt: {p.confirm.changed.map((f) => GOAL_FIELD_LABELS[f] ?? f).join(', ')}. Er komt een nieuwe versie; de vastgestelde versie blijft leesbaar.</Paragraph>
      </div>
    ) : p.anchored ? (
      <Alert type="warning"><Paragraph>{ADOPTION_WARNING} Eigenaar, gegevensbron en meetfrequentie kunt u wel wijzigen zonder nieuwe versie.</Paragraph></Alert>
    ) : null}
    {p.vague && p.vague.length > 0 ? (
      <Alert type="warning"><Paragraph>Vage woorden zonder getal in het doel: {p.vague.join(', ')}. Zeg hoeveel, en wanneer.</Paragraph></Alert>
    ) : null}
    <EditForm action={p.action} csrf={p.csrf} errors={p.errors} submit={p.confirm ? 'Ja, maak een nieuwe versie' : p.isNew ? 'Doel toevoegen' : 'Opslaan'} cancelHref={p.cancelHref} revision={p.values.versie}>
      {p.confirm ? <input type="hidden" name="bevestigd" value="ja" /> : null}
      <TextArea name="statement" label="Doel" description="Wat moet de verandering bereiken? Noem een getal en een datum." value={p.values.statement} rows={2} maxlength={500} errors={p.errors} />
      <Select name="level" label="Niveau" value={p.values.level} options={optionsOf(GOAL_LEVELS, LEVEL_LABELS)} errors={p.errors} />
      <TextArea name="indicator" label="Indicator" description="Wat telt u, en hoe?" value={p.values.indicator} rows={2} maxlength={500} errors={p.errors} />
      <TextInput name="unit" label="Eenheid" description="Bijvoorbeeld procent, bezoekers of dagen" value={p.values.unit} maxlength={60} errors={p.errors} size="small" />
      <Select name="direction" label="Richting" value={p.values.direction} options={optionsOf(DIRECTIONS, DIRECTION_LABELS)} errors={p.errors} />
      <Fieldset legend="Nulmeting">
        <TextInput name="baselineValue" label="Waarde" inputmode="decimal" value={p.values.baselineValue} errors={p.errors} size="small" />
        <TextInput name="baselineDate" type="date" label="Datum" value={p.values.baselineDate} errors={p.errors} size="small" />
      </Fieldset>
      <Fieldset legend="Streefwaarde">
        <TextInput name="targetValue" label="Waarde" inputmode="decimal" value={p.values.targetValue} errors={p.errors} size="small" />
        <TextInput name="targetDate" type="date" label="Datum waarop het doel gehaald is" value={p.values.targetDate} errors={p.errors} size="small" />
      </Fieldset>
      <TextInput name="owner" label="Eigenaar (optioneel)" value={p.values.owner} maxlength={200} errors={p.errors} />
      <TextInput name="dataSource" label="Gegevensbron (optioneel)" value={p.values.dataSource} errors={p.errors} />
      <Select name="reportingInterval" label="Hoe vaak meten" value={p.values.reportingInterval} options={optionsOf(REPORTING_INTERVALS, INTERVAL_LABELS)} errors={p.errors} />
    </EditForm>
  </>
);

export interface VersionView {
  version: number;
  createdAt: string;
  createdBy: string;
  anchoredBy: string[];
  fields: Values;
}

/**
 * The version history of a goal, and two versions side by side with the changed rows marked
 * (in words too, not only by colour: WCAG 1.4.1).
 */
export const GoalVersionsPage = ({ heading, versions, left, right, formAction }: { heading: string; versions: VersionView[]; left: VersionView; right: VersionView; formAction: string }) => (
  <>
    <Heading level={1}>{heading}</Heading>
    <Table
      caption="Alle versies, oudste eerst"
      head={['Versie', 'Gemaakt', 'Door', 'Vastgesteld door']}
      numeric={[0]}
      rows={versions.map((v) => [String(v.version), v.createdAt.slice(0, 10), v.createdBy, v.anchoredBy.length > 0 ? v.anchoredBy.join('; ') : 'Niet vastgesteld'])}
    />
    <Heading level={2} id="vergelijken">Versies vergelijken</Heading>
    <form class="helder-form" method="get" action={formAction}>
      <Select name="van" label="Links" value={String(left.version)} options={versions.map((v) => ({ value: String(v.version), label: `Versie ${v.version}` }))} errors={[]} />
      <Select name="naar" label="Rechts" value={String(right.version)} options={versions.map((v) => ({ value: String(v.version), label: `Versie ${v.version}` }))} errors={[]} />
      <div class="helder-form-actions"><button type="submit" class="utrecht-button utrecht-button--secondary-action">Vergelijken</button></div>
    </form>
    <div class="helder-diff">
      <Table
        caption={`Versie ${left.version} naast versie ${right.version}`}
        head={['Veld', `Versie ${left.version}`, `Versie ${right.version}`, 'Gewijzigd']}
        rows={Object.keys(GOAL_FIELD_LABELS).map((f) => {
          const changed = (left.fields[f] ?? '') !== (right.fields[f] ?? '');
          const cell = (text: string | undefined) => (changed ? <span class="helder-diff__changed">{text || '—'}</span> : text || '—');
          return [GOAL_FIELD_LABELS[f]!, cell(left.fields[f]), cell(right.fields[f]), changed ? 'Ja' : 'Nee'];
        })}
      />
    </div>
  </>
);

export const MEASUREMENT_LABELS: Record<string, string> = { date: 'de datum', value: 'de waarde', source: 'de bron', note: 'de toelichting' };

export const MeasurementForm = (p: { heading: string; action: string; cancelHref: string; csrf: string; values: Values; errors: FieldError[]; unit: string; offerReplace: boolean; history: [string, string][] }) => (
  <>
    <Heading level={1}>{p.heading}</Heading>
    <EditForm action={p.action} csrf={p.csrf} errors={p.errors} submit="Meting opslaan" cancelHref={p.cancelHref}>
      <TextInput name="date" type="date" label="Datum van de meting" value={p.values.date} errors={p.errors} size="small" />
      <TextInput name="value" label={`Waarde (${p.unit})`} inputmode="decimal" value={p.values.value} errors={p.errors} size="small" />
      <TextInput name="source" label="Bron (optioneel)" value={p.values.source} errors={p.errors} />
      <TextArea name="note" label="Toelichting (optioneel)" value={p.values.note} rows={2} maxlength={2000} errors={p.errors} />
      {p.offerReplace ? (
        <div class="utrecht-form-field utrecht-form-field--checkbox">
          <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id="veld-replace" name="vervangen" value="ja" />
          <label class="utrecht-form-label utrecht-form-label--checkbox" for="veld-replace">Vervang de meting die al op deze datum staat</label>
        </div>
      ) : null}
    </EditForm>
    {p.history.length > 0 ? <Table caption="Eerdere metingen" head={['Datum', 'Waarde']} numeric={[1]} rows={p.history} /> : null}
  </>
);

export const AnchorForm = (p: { heading: string; action: string; cancelHref: string; csrf: string; errors: FieldError[]; value: string | undefined; version: number; decisions: { value: string; label: string }[]; newDecisionHref: string }) => (
  <>
    <Heading level={1}>{p.heading}</Heading>
    <Paragraph>Kies het besluit dat versie {p.version} van dit doel heeft vastgesteld. Alleen aangenomen besluiten kunnen een doel verankeren.</Paragraph>
    {p.decisions.length === 0 ? (
      <Alert type="info"><Paragraph>Er is nog geen aangenomen besluit. <a class="utrecht-link" href={p.newDecisionHref}>Leg eerst het besluit vast</a>.</Paragraph></Alert>
    ) : (
      <EditForm action={p.action} csrf={p.csrf} errors={p.errors} submit="Verankeren" cancelHref={p.cancelHref}>
        <Select name="decisionId" label="Besluit" value={p.value} options={[{ value: '', label: 'Kies een besluit' }, ...p.decisions]} errors={p.errors} />
      </EditForm>
    )}
    {p.decisions.length > 0 ? <Paragraph>Staat het besluit er niet bij? <a class="utrecht-link" href={p.newDecisionHref}>Leg een besluit vast</a>.</Paragraph> : null}
  </>
);
