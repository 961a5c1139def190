import type { Id } from '../../core';
import type { ChangeId } from '../changes';
import type { DecisionId } from '../decisions';
import type { GoalId } from '../goals';
import type { GroupId } from '../groups';

export type StatementId = Id<'Statement'>;
export type ExpectationId = Id<'Expectation'>;
export type ConflictId = Id<'Conflict'>;

/** Who made a statement (issue 4: "politician, alderman, journalist, organization"). */
export const SPEAKER_KINDS = ['politician', 'alderman', 'journalist', 'organization', 'other'] as const;
export type SpeakerKind = (typeof SPEAKER_KINDS)[number];

/** Predictive: what will happen. Normative: what should happen (DOMAIN.md "Expectation"). */
export const EXPECTATION_KINDS = ['predictive', 'normative'] as const;
export type ExpectationKind = (typeof EXPECTATION_KINDS)[number];

/** Where an expectation was heard (DOMAIN.md). */
export const EXPECTATION_SOURCES = ['poll', 'reaction', 'consultation', 'political_statement', 'media'] as const;
export type ExpectationSource = (typeof EXPECTATION_SOURCES)[number];

/**
 * How the register judges an expectation: `supported` (a goal or decision backs it), `partly`,
 * `unfounded` (nothing decided backs it), `contradicted` (a goal says otherwise).
 */
export const EXPECTATION_STATUSES = ['supported', 'partly', 'unfounded', 'contradicted'] as const;
export type ExpectationStatus = (typeof EXPECTATION_STATUSES)[number];

/** Uitspraak: a promise or claim that raises expectations. Feeds the expectation register. */
export interface Statement {
  id: StatementId;
  changeId: ChangeId;
  /** Who said or wrote it: a public figure or an organization, by name. */
  speaker: string;
  speakerKind: SpeakerKind;
  /** Their role when they said it: "wethouder Verkeer", "fractievoorzitter", "verslaggever". */
  role: string;
  /** Where: council meeting, newspaper, radio, social media account. */
  medium: string;
  date: string;
  quote: string;
  url: string | null;
  createdAt: string;
  updatedAt: string;
  /** Optimistic concurrency (core/revision.ts). */
  revision: number;
}

/** What we communicate about an expectation we cannot meet: the text, where and when. */
export interface ExpectationResponse {
  text: string;
  /** Where it is (or will be) communicated: the change page, a letter, the council, a newspaper. */
  channel: string;
  /** When it is (or will be) communicated. */
  date: string;
}

/** Verwachting: what a group, or the public (`groupId` null), expects from a change. */
export interface Expectation {
  id: ExpectationId;
  changeId: ChangeId;
  groupId: GroupId | null;
  /** The statement that raised it, when it came from a politician or the media. */
  statementId: StatementId | null;
  text: string;
  kind: ExpectationKind;
  source: ExpectationSource;
  /** Who voiced it: a public figure, a group or "deelnemers peiling" — never a private citizen's name. */
  raisedBy: string;
  raisedWhere: string;
  raisedOn: string | null;
  sourceUrl: string | null;
  status: ExpectationStatus;
  /** Goals that back it (supported, partly) or say otherwise (contradicted), in the order given. */
  goalIds: GoalId[];
  /** Decisions that back it (supported, partly) or say otherwise (contradicted). */
  decisionIds: DecisionId[];
  response: ExpectationResponse | null;
  createdAt: string;
  updatedAt: string;
  /** Optimistic concurrency (core/revision.ts). */
  revision: number;
}

/** Belangenconflict: two groups with opposing interests in one change, and how it was weighed. */
export interface Conflict {
  id: ConflictId;
  changeId: ChangeId;
  groupAId: GroupId;
  groupBId: GroupId;
  /** What each group wants, in a few sentences. */
  description: string;
  /** The afweging: how it was decided and why. Empty while the conflict is still open. */
  weighing: string;
  /** The decision that settled it. */
  decisionId: DecisionId | null;
  createdAt: string;
  updatedAt: string;
  /** Optimistic concurrency (core/revision.ts). */
  revision: number;
}

/** Unfounded and contradicted expectations need a public answer (legitimacy rule 11). */
export const needsResponse = (e: Pick<Expectation, 'status'>): boolean => e.status === 'unfounded' || e.status === 'contradicted';

/** A need for a response that is not met: the expectation rule 11 fails on. */
export const lacksResponse = (e: Pick<Expectation, 'status' | 'response'>): boolean => needsResponse(e) && !e.response?.text.trim();

/** Whether a conflict's weighing is recorded (legitimacy rule 10). */
export const isWeighed = (c: Pick<Conflict, 'weighing'>): boolean => c.weighing.trim().length > 0;

/** Whether a conflict is between these two groups, in either order. */
export const isBetween = (c: Pick<Conflict, 'groupAId' | 'groupBId'>, a: string, b: string): boolean =>
  (c.groupAId === a && c.groupBId === b) || (c.groupAId === b && c.groupBId === a);

/**
 * Which links a status requires, as issues on the input (empty when it holds). A supported or
 * partly supported expectation names what backs it; a contradicted one names the goal that says
 * otherwise (DOMAIN.md); an unfounded one has, by definition, nothing behind it.
 */
export const linkIssues = (status: ExpectationStatus, goalIds: readonly string[], decisionIds: readonly string[]): { path: string; message: string }[] => {
  const links = goalIds.length + decisionIds.length;
  if ((status === 'supported' || status === 'partly') && links === 0) {
    return [{ path: 'goalIds', message: 'name the goal or decision that backs this expectation' }];
  }
  if (status === 'contradicted' && goalIds.length === 0) return [{ path: 'goalIds', message: 'name the goal that says otherwise' }];
  if (status === 'unfounded' && links > 0) return [{ path: goalIds.length > 0 ? 'goalIds' : 'decisionIds', message: 'an unfounded expectation has no goal or decision behind it: choose supported or partly' }];
  return [];
};
