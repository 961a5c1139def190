import { Alert, Paragraph } from '../../views/components';
import type { EditConflict } from '../revision';

const capitalize = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** The Dutch message of every edit form, whatever the record. */
export const CONFLICT_MESSAGE =
  'Iemand anders heeft dit opgeslagen nadat u het formulier opende. Uw tekst staat nog in het formulier; vergelijk hem met wat nu is opgeslagen en sla opnieuw op.';

/**
 * Above an edit form whose save was refused (editor/revision.ts): the message, and what is stored
 * now for every field the form labels, so the person can compare before saving again.
 */
export const ConflictNotice = ({ stored, labels }: EditConflict) => {
  const fields = Object.entries(labels).filter(([name]) => name in stored);
  return (
    <>
      <Alert type="warning" heading="Intussen gewijzigd">
        <Paragraph>{CONFLICT_MESSAGE}</Paragraph>
      </Alert>
      <details class="helder-stored" open>
        <summary>Wat nu is opgeslagen (door iemand anders)</summary>
        <dl>
          {fields.map(([name, label]) => (
            <div>
              <dt><strong>{capitalize(label)}</strong></dt>
              <dd>{stored[name] === '' ? '—' : stored[name]}</dd>
            </div>
          ))}
        </dl>
      </details>
    </>
  );
};
