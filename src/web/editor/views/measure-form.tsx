import { EVIDENCE_STRENGTHS, MEASURE_STATUSES } from '../../../modules/measures';
import { Heading, Paragraph, Table } from '../../views/components';
import type { Values } from '../forms';
import { EVIDENCE_LABELS, MEASURE_STATUS_LABELS, optionsOf } from '../labels';
import { Fieldset, Select, TextArea, TextInput, type Option } from './fields';
import { CsrfField, ErrorSummary, RevisionField, SubmitButton, type FieldError } from './form';

export const MEASURE_LABELS: Record<string, string> = {
  title: 'de titel',
  description: 'de beschrijving',
  status: 'de status',
  cost: 'de kosten',
  startDate: 'de startdatum',
  endDate: 'de einddatum',
  goalId: 'het doel',
  mechanism: 'hoe de maatregel bijdraagt',
  assumptions: 'de aannames',
  expectedEffect: 'het verwachte effect',
  evidenceStrength: 'de sterkte van het bewijs',
  evidenceLinks: 'de links naar bewijs',
};

export const MeasureFields = ({ values, errors }: { values: Values; errors: FieldError[] }) => (
  <>
    <TextInput name="title" label="Titel" value={values.title} errors={errors} maxlength={200} />
    <TextArea name="description" label="Beschrijving (optioneel)" value={values.description} rows={4} maxlength={5000} errors={errors} />
    <Select name="status" label="Status" value={values.status} options={optionsOf(MEASURE_STATUSES, MEASURE_STATUS_LABELS)} errors={errors} />
    <TextInput name="cost" label="Kosten in euro (optioneel)" inputmode="decimal" value={values.cost} errors={errors} size="small" />
    <TextInput name="startDate" type="date" label="Startdatum (optioneel)" value={values.startDate} errors={errors} size="small" />
    <TextInput name="endDate" type="date" label="Einddatum (optioneel)" value={values.endDate} errors={errors} size="small" />
  </>
);

/** "Measure M contributes to goal G": the goal, the mechanism in words, and the evidence. */
export const ContributionFields = ({ values, errors, goals, optional }: { values: Values; errors: FieldError[]; goals: Option[]; optional: boolean }) => (
  <Fieldset legend={optional ? 'Bijdrage aan een doel' : 'Bijdrage aan een doel toevoegen'} id="veld-contributions">
    <Paragraph>Aan welk doel draagt deze maatregel bij, en hoe? Dat maakt aantoonbaar dat de maatregel helpt.</Paragraph>
    <Select name="goalId" label="Doel" value={values.goalId} options={[{ value: '', label: optional ? 'Nog geen doel kiezen' : 'Kies een doel' }, ...goals]} errors={errors} />
    <TextArea name="mechanism" label="Hoe draagt de maatregel bij?" description="Beschrijf in een paar zinnen hoe de maatregel het doel dichterbij brengt." value={values.mechanism} rows={3} maxlength={2000} errors={errors} />
    <TextArea name="assumptions" label="Aannames (optioneel)" value={values.assumptions} rows={2} maxlength={2000} errors={errors} />
    <TextInput name="expectedEffect" label="Verwacht effect, in de eenheid van het doel (optioneel)" inputmode="decimal" value={values.expectedEffect} errors={errors} size="small" />
    <Select name="evidenceStrength" label="Hoe sterk is het bewijs?" value={values.evidenceStrength} options={optionsOf(EVIDENCE_STRENGTHS, EVIDENCE_LABELS)} errors={errors} />
    <TextArea name="evidenceLinks" label="Links naar bewijs (optioneel)" description="Eén webadres per regel, beginnend met https://" value={values.evidenceLinks} rows={2} maxlength={4000} errors={errors} />
  </Fieldset>
);

export const NewMeasurePage = (p: { heading: string; action: string; cancelHref: string; csrf: string; values: Values; errors: FieldError[]; goals: Option[] }) => (
  <>
    <Heading level={1}>{p.heading}</Heading>
    <ErrorSummary errors={p.errors} />
    <form class="helder-form helder-form--wide" method="post" action={p.action} novalidate>
      <CsrfField token={p.csrf} />
      <MeasureFields values={p.values} errors={p.errors} />
      <ContributionFields values={p.values} errors={p.errors} goals={p.goals} optional />
      <div class="helder-form-actions">
        <SubmitButton>Maatregel toevoegen</SubmitButton>
        <a class="utrecht-link" href={p.cancelHref}>Annuleren</a>
      </div>
    </form>
  </>
);

/** The measure's own form, its contributions, and a form that adds one; one error summary for both. */
export const EditMeasurePage = (p: { heading: string; action: string; contributionAction: string; cancelHref: string; csrf: string; values: Values; contribution: Values; errors: FieldError[]; goals: Option[]; contributions: [string, string, string][] }) => (
  <>
    <Heading level={1}>{p.heading}</Heading>
    <ErrorSummary errors={p.errors} />
    <form class="helder-form helder-form--wide" method="post" action={p.action} novalidate>
      <CsrfField token={p.csrf} />
      <RevisionField value={p.values.versie} />
      <MeasureFields values={p.values} errors={p.errors} />
      <div class="helder-form-actions">
        <SubmitButton>Opslaan</SubmitButton>
        <a class="utrecht-link" href={p.cancelHref}>Terug naar de verandering</a>
      </div>
    </form>
    <Heading level={2} id="bijdragen">Bijdragen aan doelen</Heading>
    {p.contributions.length === 0 ? <Paragraph>Deze maatregel draagt nog aan geen enkel doel bij.</Paragraph> : <Table caption="Bijdragen" head={['Doel', 'Hoe', 'Bewijs']} rows={p.contributions} />}
    <form class="helder-form helder-form--wide" method="post" action={p.contributionAction} novalidate>
      <CsrfField token={p.csrf} />
      <ContributionFields values={p.contribution} errors={p.errors} goals={p.goals} optional={false} />
      <div class="helder-form-actions"><SubmitButton secondary>Bijdrage toevoegen</SubmitButton></div>
    </form>
  </>
);
