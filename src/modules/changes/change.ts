import { AppError, type Id } from '../../core';
import type { OrganizationId } from '../organizations';

export type ChangeId = Id<'Change'>;
export type MilestoneId = Id<'Milestone'>;

/** Kinds of change (DOMAIN.md). */
export const CHANGE_KINDS = ['regulation', 'budget_cut', 'service_change', 'reorganization', 'policy', 'infrastructure'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const CHANGE_STATUSES = ['draft', 'proposed', 'decided', 'in_progress', 'completed', 'stopped'] as const;
export type ChangeStatus = (typeof CHANGE_STATUSES)[number];

export interface Change {
  id: ChangeId;
  organizationId: OrganizationId;
  slug: string;
  title: string;
  kind: ChangeKind;
  status: ChangeStatus;
  /** The citizen summary: one or two sentences in plain language. */
  summary: string;
  why: string;
  what: string;
  themes: string[];
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Optimistic concurrency (core/revision.ts). */
  revision: number;
}

export interface Milestone {
  id: MilestoneId;
  changeId: ChangeId;
  title: string;
  description: string;
  date: string;
  done: boolean;
  position: number;
  /** Optimistic concurrency (core/revision.ts). */
  revision: number;
}

/**
 * The lifecycle draft → proposed → decided → in_progress → completed, and `stopped` from any
 * unfinished state. A proposal may go back to draft (the council sends it back); nothing leaves
 * completed or stopped, because citizens were told it ended.
 */
const TRANSITIONS: Record<ChangeStatus, ChangeStatus[]> = {
  draft: ['proposed', 'stopped'],
  proposed: ['draft', 'decided', 'stopped'],
  decided: ['in_progress', 'stopped'],
  in_progress: ['completed', 'stopped'],
  completed: [],
  stopped: [],
};

export const canMoveTo = (from: ChangeStatus, to: ChangeStatus): boolean => TRANSITIONS[from].includes(to);

export const assertTransition = (from: ChangeStatus, to: ChangeStatus): void => {
  if (from !== to && !canMoveTo(from, to)) {
    throw new AppError('invalid_state', `a change cannot go from ${from} to ${to}`, {
      details: { from, to, allowed: TRANSITIONS[from] },
    });
  }
};

/** Statuses at or after the political decision: rules 8 and 12 of the legitimacy check start here. */
export const isDecided = (status: ChangeStatus): boolean => ['decided', 'in_progress', 'completed'].includes(status);
