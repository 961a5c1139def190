import type { Id } from '../../core';
import type { ChangeId } from '../changes';
import type { OrganizationId } from '../organizations';

export type GroupId = Id<'CitizenGroup'>;

export const EFFECTS = ['gains', 'loses', 'mixed', 'neutral'] as const;
export type Effect = (typeof EFFECTS)[number];

/** A group of citizens or organizations with shared interests (doelgroep). */
export interface CitizenGroup {
  id: GroupId;
  organizationId: OrganizationId;
  name: string;
  description: string;
  estimatedSize: number | null;
  createdAt: string;
}

/** What one change means for one group (gevolg). */
export interface Impact {
  id: string;
  changeId: ChangeId;
  groupId: GroupId;
  effect: Effect;
  /** "Wat betekent dit voor u" in plain language. */
  meaning: string;
  /** "Wat kunt u verwachten, en wanneer". */
  expectation: string;
  createdAt: string;
  /** Optimistic concurrency (core/revision.ts). */
  revision: number;
}

/** Groups whose effects oppose (one gains, another loses) need a recorded weighing (rule 10). */
export const opposingPairs = (impacts: readonly Impact[]): [Impact, Impact][] => {
  const pairs: [Impact, Impact][] = [];
  for (const gain of impacts.filter((i) => i.effect === 'gains')) {
    for (const loss of impacts.filter((i) => i.effect === 'loses')) pairs.push([gain, loss]);
  }
  return pairs;
};
