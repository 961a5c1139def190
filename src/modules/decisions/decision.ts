import type { Id } from '../../core';
import type { ChangeId } from '../changes';
import type { OrganizationId } from '../organizations';

export type DecisionId = Id<'Decision'>;

/** Kinds of political decision, from municipal to national (DOMAIN.md). */
export const DECISION_KINDS = [
  'raadsbesluit',
  'motie',
  'amendement',
  'collegebesluit',
  'coalitieakkoord',
  'statenbesluit',
  'toezegging',
  'kamerbrief',
  'wet',
  'amvb',
] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const DECISION_OUTCOMES = ['adopted', 'rejected', 'withdrawn', 'pending'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export const FOLLOW_UP_STATUSES = ['open', 'fulfilled', 'overdue', 'cancelled'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** Popolo `count`: votes per option. */
export interface VoteCounts {
  for: number;
  against: number;
  abstain: number;
}

export interface PartyVote extends VoteCounts {
  party: string;
}

export interface FollowUp {
  id: string;
  description: string;
  dueDate: string;
  status: FollowUpStatus;
}

export interface Decision {
  id: DecisionId;
  organizationId: OrganizationId;
  changeId: ChangeId | null;
  kind: DecisionKind;
  title: string;
  /** The body that decided: gemeenteraad, college van B&W, Provinciale Staten, Tweede Kamer… */
  body: string;
  date: string;
  reference: string;
  sourceUrl: string | null;
  outcome: DecisionOutcome;
  votes: VoteCounts | null;
  partyVotes: PartyVote[];
  followUps: FollowUp[];
  summary: string;
  /** The decision this record corrects; the corrected record itself is never edited. */
  correctsId: DecisionId | null;
  createdAt: string;
  /** Optimistic concurrency (core/revision.ts). */
  revision: number;
}

/** A decision is final once its outcome is set: then it is corrected by a new record, never edited. */
export const isFinal = (d: Pick<Decision, 'outcome'>): boolean => d.outcome !== 'pending';

/** Kinds that create a follow-up obligation (a motie asks something of the executive; a toezegging promises it). */
export const createsObligation = (kind: DecisionKind): boolean => kind === 'motie' || kind === 'toezegging';
