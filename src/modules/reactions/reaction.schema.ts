import { z } from 'zod';
import { isPlainText } from '../../core';
import { MAX_NAME_LENGTH, MAX_REACTION_LENGTH, MODERATION_MODES, REACTION_ROLES, REPORT_REASONS } from './reaction';

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

// Control characters (NUL breaks PostgreSQL text; others hide content) are refused by core's one
// text rule; tabs and line ends are text. Nothing else is filtered: markup is stored as given and
// escaped on output.
const plain = (max: number) => z.string().max(max).refine((s) => isPlainText(s), 'gebruik gewone tekst');

/** Line ends normalized and the ends trimmed: the text as the citizen meant it. */
const plainText = (max: number, min: number, tooShort: string) =>
  z
    .string({ message: 'vul dit in' })
    .transform((s) => s.replace(/\r\n?/g, '\n').trim())
    .pipe(
      z
        .string()
        .min(min, tooShort)
        .max(max, `gebruik hoogstens ${max} tekens`)
        .refine((s) => isPlainText(s, true), 'gebruik gewone tekst'),
    );

const displayName = z
  .string({ message: 'vul een naam in' })
  .transform((s) => s.replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(1, 'vul een naam in').max(MAX_NAME_LENGTH, `gebruik hoogstens ${MAX_NAME_LENGTH} tekens`).refine((s) => isPlainText(s), 'gebruik gewone tekst'));

/**
 * A citizen's reaction or reply, from JSON or an HTML form. `token` is the signed form token
 * (fill time); `website` is the honeypot. `updateId` is reserved for updates and not accepted yet.
 */
export const reactionSchema = z.strictObject({
  token: z.preprocess(blankToUndefined, plain(300).optional()),
  website: z.preprocess(blankToUndefined, plain(2000).optional()),
  displayName,
  role: z.enum(REACTION_ROLES, { message: 'kies wie u bent' }),
  text: plainText(MAX_REACTION_LENGTH, 2, 'schrijf uw reactie'),
  parentId: z.preprocess(blankToUndefined, z.uuid({ message: 'onbekende reactie' }).optional()),
});
export type ReactionInput = z.input<typeof reactionSchema>;

/** An answer of the organization, by a signed-in member. The display name defaults to the member's name. */
export const officialAnswerSchema = z.strictObject({
  text: plainText(MAX_REACTION_LENGTH, 2, 'schrijf het antwoord'),
  displayName: z.preprocess(blankToUndefined, displayName.optional()),
  parentId: z.preprocess(blankToUndefined, z.uuid({ message: 'onbekende reactie' }).optional()),
});
export type OfficialAnswerInput = z.input<typeof officialAnswerSchema>;

export const reportSchema = z.strictObject({
  reason: z.enum(REPORT_REASONS, { message: 'kies een reden' }),
});
export type ReportInput = z.input<typeof reportSchema>;

/** A moderator's decision; a rejection says why (shown to moderators and in the audit log). */
export const moderationSchema = z
  .strictObject({
    decision: z.enum(['publish', 'reject']),
    reason: z.preprocess(blankToUndefined, z.string().trim().max(500).refine((s) => isPlainText(s), 'gebruik gewone tekst').optional()),
  })
  .refine((d) => d.decision === 'publish' || (d.reason?.length ?? 0) >= 3, { path: ['reason'], message: 'geef een reden voor de afwijzing' });
export type ModerationInput = z.input<typeof moderationSchema>;

export const voiceSettingsSchema = z.strictObject({
  moderation: z.enum(MODERATION_MODES),
  reportThreshold: z.coerce.number().int().min(1).max(100),
});
export type VoiceSettingsInput = z.input<typeof voiceSettingsSchema>;
