import { z } from 'zod';
import { textSchema, urlSchema } from '../../core';
import { isoDateSchema } from '../changes';
import { DECISION_KINDS, DECISION_OUTCOMES, FOLLOW_UP_STATUSES } from './decision';

const count = z.number().int().min(0).max(100_000);
const voteCountsSchema = z.strictObject({ for: count, against: count, abstain: count.default(0) });

export const decisionSchema = z
  .strictObject({
    changeId: z.uuid().nullable().default(null),
    kind: z.enum(DECISION_KINDS),
    title: textSchema({ min: 3, max: 300 }),
    body: textSchema({ min: 2, max: 200 }),
    date: isoDateSchema,
    reference: textSchema({ max: 100 }).default(''),
    sourceUrl: urlSchema().nullable().default(null),
    outcome: z.enum(DECISION_OUTCOMES),
    votes: voteCountsSchema.nullable().default(null),
    partyVotes: z.array(voteCountsSchema.extend({ party: textSchema({ min: 1, max: 100 }) })).max(60).default([]),
    followUps: z
      .array(z.strictObject({ description: textSchema({ min: 3, max: 1000, multiline: true }), dueDate: isoDateSchema, status: z.enum(FOLLOW_UP_STATUSES).default('open') }))
      .max(50)
      .default([]),
    summary: textSchema({ max: 4000, multiline: true }).default(''),
    correctsId: z.uuid().nullable().default(null),
  })
  .superRefine((d, ctx) => {
    if (d.partyVotes.length > 0 && d.votes) {
      for (const option of ['for', 'against', 'abstain'] as const) {
        const sum = d.partyVotes.reduce((n, p) => n + p[option], 0);
        if (sum !== d.votes[option]) {
          ctx.addIssue({ code: 'custom', path: ['partyVotes'], message: `party votes ${option} add up to ${sum}, not ${d.votes[option]}` });
        }
      }
    }
    if (d.partyVotes.length > 0 && !d.votes) {
      ctx.addIssue({ code: 'custom', path: ['votes'], message: 'give the totals when giving votes per party' });
    }
  });
export type DecisionInput = z.input<typeof decisionSchema>;
