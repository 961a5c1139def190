import { z } from 'zod';
import { CONTROL_CHARACTER_MESSAGE, isPlainText } from '../../core';
import { UNDERSTANDING_ANSWERS } from './poll';

// HTML forms send every value as a string and an unchosen radio group not at all; an empty
// string counts as "not answered".
const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
// Looked up or compared, never shown: still plain text, as NUL breaks a PostgreSQL query.
const plain = (max: number) => z.string().max(max).refine((s) => isPlainText(s), CONTROL_CHARACTER_MESSAGE);

const understanding = z.enum(UNDERSTANDING_ANSWERS, { message: 'kies ja, deels of nee' });
const scale = z.coerce.number({ message: 'kies een van de vijf antwoorden' }).int().min(1, 'kies een van de vijf antwoorden').max(5, 'kies een van de vijf antwoorden');

/**
 * One poll submission, from JSON or an HTML form. Q1–Q3 are required; whether Q4 is required or
 * refused depends on the change's status and whether Q5 names one of its groups: the service checks.
 * `website` is the honeypot: people never see it, so any value means a robot filled the form.
 */
export const pollSubmissionSchema = z.strictObject({
  token: z.preprocess(blankToUndefined, plain(300).optional()),
  q1: understanding,
  q2: understanding,
  q3: scale,
  q4: z.preprocess(blankToUndefined, scale.optional()),
  q5: z.preprocess(blankToUndefined, plain(64).optional()),
  website: z.preprocess(blankToUndefined, plain(2000).optional()),
});
export type PollSubmission = z.input<typeof pollSubmissionSchema>;
