import { z } from 'zod';
import { FREQUENCIES } from './subscription';

/**
 * A subscribe request as the portal's forms send it: an address, what to follow and how often.
 * `change` may name the reader's group (`groupIds`, at most one); `group` names one or more
 * groups; `organization` follows everything. `area` is reserved until places exist.
 */
export const subscribeSchema = z
  .object({
    email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
    scope: z.enum(['change', 'group', 'organization']),
    changeId: z.uuid().optional(),
    groupIds: z.array(z.uuid()).max(50).default([]),
    frequency: z.enum(FREQUENCIES).default('immediate'),
  })
  .superRefine((v, ctx) => {
    if (v.scope === 'change' && !v.changeId) ctx.addIssue({ code: 'custom', path: ['changeId'], message: 'a change is required' });
    if (v.scope === 'change' && v.groupIds.length > 1) ctx.addIssue({ code: 'custom', path: ['groupIds'], message: 'at most one group for a change' });
    if (v.scope === 'group' && v.groupIds.length === 0) ctx.addIssue({ code: 'custom', path: ['groupIds'], message: 'choose at least one group' });
  });
export type SubscribeInput = z.input<typeof subscribeSchema>;

/** The editor's mail settings of an organization. */
export const settingsSchema = z.strictObject({
  senderAddress: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  digestDay: z.coerce.number().int().min(1).max(7),
});
export type SettingsInput = z.input<typeof settingsSchema>;
