import type { Effect } from '../groups';

/** The kinds of event a resident hears about (the editor's audit events are the source). */
export const NOTICE_KINDS = ['status', 'decision', 'milestone_reached', 'milestone_moved', 'goal_track', 'goal_version', 'expectation_answered', 'official_answer'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** What a group was told the change means for it (the change's impact). */
export interface GroupMeaning {
  name: string;
  effect: Effect;
  meaning: string;
}

/**
 * What one event says, fixed once when the worker fans the event out: the same for every reader
 * but for the part about the reader's group (`meanings`, by group id). Plain data, stored as JSON
 * on the outbox row, so a resend after a crash says exactly the same.
 */
export interface Notice {
  kind: NoticeKind;
  organization: { id: string; name: string; slug: string };
  change: { id: string; title: string; slug: string };
  /** The section of the change page to link to (its id). */
  section: string;
  /** One sentence: what happened. */
  headline: string;
  /** A few more sentences, each short. */
  details: string[];
  /** What this kind of step means for any group that the change touches, one sentence. */
  forGroup: string;
  meanings: Record<string, GroupMeaning>;
  at: string;
}

/** Status labels as residents read them (the portal's wording). */
export const STATUS_TEXT: Record<string, string> = {
  draft: 'in voorbereiding',
  proposed: 'een voorstel',
  decided: 'besloten',
  in_progress: 'bezig: de gemeente voert het uit',
  completed: 'klaar',
  stopped: 'gestopt',
};

/** What a track status means, in one short sentence. */
export const TRACK_TEXT: Record<string, string> = {
  on_track: 'ligt op schema',
  behind: 'loopt achter op schema',
  achieved: 'is gehaald',
};

/** What a step of each kind means for a group the change touches: said in every mail that names a group. */
export const FOR_GROUP: Record<NoticeKind | 'goal_behind' | 'goal_achieved' | 'goal_on_track', string> = {
  status: 'De stap kan ook voor u iets veranderen. Lees hieronder wat de gemeente daarover zegt.',
  decision: 'Dit besluit bepaalt wat er voor u verandert.',
  milestone_reached: 'Deze stap is nu klaar. Wat erna komt, leest u op de pagina.',
  milestone_moved: 'Let op: deze stap komt op een andere datum. Wat u merkt, kan dus later of eerder komen.',
  goal_track: 'Het doel gaat ook over u.',
  goal_behind: 'Het kan dus langer duren voordat u merkt wat de gemeente heeft beloofd.',
  goal_achieved: 'U zou nu moeten merken wat de gemeente heeft beloofd.',
  goal_on_track: 'Als het zo doorgaat, merkt u op tijd wat de gemeente heeft beloofd.',
  goal_version: 'Wat de gemeente belooft, is veranderd. Kijk of dit voor u iets anders betekent.',
  expectation_answered: 'Misschien had u dezelfde vraag. Lees het antwoord op de pagina.',
  official_answer: 'Misschien had u dezelfde vraag. Lees het antwoord op de pagina.',
};
