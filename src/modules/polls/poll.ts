import type { ChangeId, ChangeStatus } from '../changes';

/** Q1 and Q2: "ja / deels / nee" (DOMAIN.md "Polls and perceived success"). */
export const UNDERSTANDING_ANSWERS = ['ja', 'deels', 'nee'] as const;
export type UnderstandingAnswer = (typeof UNDERSTANDING_ANSWERS)[number];

/** Q3 and Q4: five points, 1 = much worse … 5 = much better. */
export const SCALE = [1, 2, 3, 4, 5] as const;
export type ScaleAnswer = (typeof SCALE)[number];

export const QUESTION_IDS = ['q1', 'q2', 'q3', 'q4', 'q5'] as const;
export type QuestionId = (typeof QUESTION_IDS)[number];

/** Q5 "geen van deze": the respondent fits none of the change's groups. */
export const NO_GROUP = 'none';
/** Q5 left unanswered (it is optional). */
export const UNKNOWN_GROUP = 'unknown';

/** A group id of the change, `none` or `unknown`: the key aggregates are kept under. */
export type GroupKey = string;

/** One respondent's answers, as stored (one row per submission, for auditability). */
export interface PollResponse {
  id: string;
  changeId: ChangeId;
  groupKey: GroupKey;
  q1: UnderstandingAnswer;
  q2: UnderstandingAnswer;
  q3: ScaleAnswer;
  q4: ScaleAnswer | null;
  /** The day only, never the time. */
  submittedOn: string;
}

/** One choice of a question: the value to send and its Dutch (and English) label. */
export interface PollOption {
  value: string;
  label: string;
  labelEn: string;
}

export interface PollQuestion {
  id: QuestionId;
  text: string;
  textEn: string;
  required: boolean;
  options: PollOption[];
}

/** The poll of one change as a form shows it, with a fresh one-time token. */
export interface Poll {
  changeId: ChangeId;
  questions: PollQuestion[];
  token: string;
  issuedAt: string;
  expiresAt: string;
  /** The form may be sent this many seconds after `issuedAt` at the earliest. */
  minFillSeconds: number;
}

const UNDERSTANDING_OPTIONS: PollOption[] = [
  { value: 'ja', label: 'Ja', labelEn: 'Yes' },
  { value: 'deels', label: 'Deels', labelEn: 'Partly' },
  { value: 'nee', label: 'Nee', labelEn: 'No' },
];

const SCALE_OPTIONS: PollOption[] = [
  { value: '1', label: 'Veel slechter', labelEn: 'Much worse' },
  { value: '2', label: 'Slechter', labelEn: 'Worse' },
  { value: '3', label: 'Niet beter, niet slechter', labelEn: 'Neither better nor worse' },
  { value: '4', label: 'Beter', labelEn: 'Better' },
  { value: '5', label: 'Veel beter', labelEn: 'Much better' },
];

/** Q4 asks about experience, which exists once the change is under way (DOMAIN.md). */
export const asksExperience = (status: ChangeStatus): boolean => status === 'in_progress' || status === 'completed';

/**
 * The fixed poll of DOMAIN.md for a change in this status with these groups (its impacts): Q1–Q3
 * always, Q4 once the change is in progress or completed, Q5 (optional) the groups or "geen van deze".
 */
export const questionsFor = (status: ChangeStatus, groups: readonly { id: string; name: string }[]): PollQuestion[] => {
  const questions: PollQuestion[] = [
    { id: 'q1', text: 'Begrijpt u waarom deze verandering nodig is?', textEn: 'Do you understand why this change is needed?', required: true, options: UNDERSTANDING_OPTIONS },
    { id: 'q2', text: 'Weet u wat er gaat veranderen?', textEn: 'Do you know what is going to change?', required: true, options: UNDERSTANDING_OPTIONS },
    { id: 'q3', text: 'Wat verwacht u van deze verandering voor uzelf?', textEn: 'What do you expect this change to mean for you?', required: true, options: SCALE_OPTIONS },
  ];
  if (asksExperience(status)) {
    questions.push({ id: 'q4', text: 'Hoe ervaart u de verandering tot nu toe?', textEn: 'How do you experience the change so far?', required: true, options: SCALE_OPTIONS });
  }
  questions.push({
    id: 'q5',
    text: 'Welke groep past het best bij u?',
    textEn: 'Which group fits you best?',
    required: false,
    options: [...groups.map((g) => ({ value: g.id, label: g.name, labelEn: g.name })), { value: NO_GROUP, label: 'Geen van deze', labelEn: 'None of these' }],
  });
  return questions;
};

/** The aggregate rows one response adds: one count per answered question, and the totals. */
export const aggregatesOf = (r: Pick<PollResponse, 'q1' | 'q2' | 'q3' | 'q4'>) => {
  const counts: { question: string; answer: string }[] = [
    { question: 'q1', answer: r.q1 },
    { question: 'q2', answer: r.q2 },
    { question: 'q3', answer: String(r.q3) },
  ];
  if (r.q4 !== null) counts.push({ question: 'q4', answer: String(r.q4) });
  const both = r.q4 !== null;
  return {
    counts,
    totals: { respondents: 1, withBoth: both ? 1 : 0, met: both && r.q4! >= r.q3 ? 1 : 0, gapSum: both ? r.q4! - r.q3 : 0 },
  };
};
