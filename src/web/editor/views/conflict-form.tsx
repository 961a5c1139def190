import type { LanguageReport } from '../../../language';
import { Alert, DataList, Heading, Link, Paragraph } from '../../views/components';
import type { Values } from '../forms';
import { EditForm, Select, TextArea, type Option } from './fields';
import type { FieldError } from './form';

export const CONFLICT_LABELS: Record<string, string> = {
  groupAId: 'de eerste doelgroep',
  groupBId: 'de tweede doelgroep',
  description: 'wat elke groep wil',
  weighing: 'de afweging',
  decisionId: 'het besluit',
};

type Notice = { type: 'ok' | 'info' | 'warning'; text: string } | undefined;

const NoticeOf = ({ notice }: { notice: Notice }) => (notice ? <Alert type={notice.type}><Paragraph>{notice.text}</Paragraph></Alert> : null);

/** A conflict between two groups of the change (legitimacy rule 10): who, and what each wants. */
export const NewConflictForm = (p: { heading: string; action: string; cancelHref: string; addGroupHref: string; csrf: string; values: Values; errors: FieldError[]; groups: Option[] }) => (
  <>
    <Heading level={1}>{p.heading}</Heading>
    <Paragraph>
      Gaat de ene doelgroep erop vooruit en de andere erop achteruit? Leg dan vast wat elke groep wil. Daarna schrijft u de afweging: hoe er is besloten, en waarom.
    </Paragraph>
    {p.groups.length < 2 ? (
      <Alert type="info"><Paragraph>Deze verandering heeft nog geen twee doelgroepen. <Link href={p.addGroupHref}>Voeg eerst een doelgroep toe</Link>.</Paragraph></Alert>
    ) : null}
    <EditForm action={p.action} csrf={p.csrf} errors={p.errors} submit="Belangenconflict vastleggen" cancelHref={p.cancelHref}>
      <Select name="groupAId" label="Eerste doelgroep" value={p.values.groupAId} options={[{ value: '', label: 'Kies een doelgroep' }, ...p.groups]} errors={p.errors} />
      <Select name="groupBId" label="Tweede doelgroep" value={p.values.groupBId} options={[{ value: '', label: 'Kies een doelgroep' }, ...p.groups]} errors={p.errors} />
      <TextArea name="description" label="Wat wil elke groep? (optioneel)" description="In een paar zinnen, bijvoorbeeld: winkeliers willen fietsen voor de deur; bewoners willen een vrije stoep." value={p.values.description} rows={3} maxlength={3000} errors={p.errors} />
    </EditForm>
  </>
);

/** The weighing (afweging) of a conflict and the decision that settled it, with the plain-language check. */
export const WeighConflictForm = (p: { heading: string; action: string; cancelHref: string; csrf: string; values: Values; errors: FieldError[]; groups: string; description: string; decisions: Option[]; feedback: LanguageReport | undefined; notice: Notice }) => (
  <>
    <Heading level={1}>{p.heading}</Heading>
    <NoticeOf notice={p.notice} />
    <DataList rows={[['Doelgroepen', p.groups], ['Wat elke groep wil', p.description || 'Niet beschreven']]} />
    <EditForm action={p.action} csrf={p.csrf} errors={p.errors} submit="Afweging opslaan" cancelHref={p.cancelHref} preview revision={p.values.versie}>
      <TextArea name="weighing" label="De afweging: hoe is er besloten, en waarom?" description="Dit staat op de website. Schrijf in eenvoudige taal (B1)." value={p.values.weighing} rows={6} maxlength={10_000} errors={p.errors} feedback={p.feedback} />
      <Select
        name="decisionId"
        label="Besluit dat de afweging maakte"
        description="Voor het besluit is de afweging genoeg; daarna vraagt de legitimiteitscheck om het besluit."
        value={p.values.decisionId}
        options={[{ value: '', label: 'Nog geen besluit' }, ...p.decisions]}
        errors={p.errors}
      />
    </EditForm>
  </>
);
