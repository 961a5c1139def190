import { z } from 'zod';
import { CONTROL_CHARACTER_MESSAGE, isPlainText, textSchema } from '../../core';
import { TOKEN_SCOPES } from './token';
import { PASSWORD_MAX_LENGTH, ROLES, normalizeEmail, passwordProblem } from './user';

/** Messages are Dutch: they reach the editor's forms and the CLI user as they are. */
export const emailSchema = z
  .string()
  .trim()
  .max(254, 'een e-mailadres heeft hoogstens 254 tekens')
  .refine((s) => isPlainText(s), CONTROL_CHARACTER_MESSAGE)
  .pipe(z.email('vul een geldig e-mailadres in'))
  .transform(normalizeEmail);

// An id or slug that is looked up, never stored as typed: still plain text (NUL breaks PostgreSQL).
const reference = (message?: string) => z.string().min(1, message).max(100).refine((s) => isPlainText(s), CONTROL_CHARACTER_MESSAGE);

export const membershipSchema = z.strictObject({
  organizationId: reference(),
  role: z.enum(ROLES, 'kies een rol: admin, editor, communicator, moderator of auditor'),
});

export const createUserSchema = z
  .strictObject({
    email: emailSchema,
    name: textSchema({ min: 2, tooShort: 'vul een naam in', max: 120 }),
    password: z.string(),
    memberships: z.array(membershipSchema).min(1, 'geef minstens één rol in een organisatie').max(50),
  })
  .superRefine((u, ctx) => {
    const problem = passwordProblem(u.password, u.email);
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
  });
export type CreateUserInput = z.input<typeof createUserSchema>;

export const loginSchema = z.object({
  email: z.string().trim().min(1, 'vul uw e-mailadres in').max(254, 'een e-mailadres heeft hoogstens 254 tekens').refine((s) => isPlainText(s), CONTROL_CHARACTER_MESSAGE),
  password: z.string().min(1, 'vul uw wachtwoord in').max(PASSWORD_MAX_LENGTH, `een wachtwoord heeft hoogstens ${PASSWORD_MAX_LENGTH} tekens`),
});
export type LoginInput = z.input<typeof loginSchema>;

export const totpCodeSchema = z.object({
  code: z
    .string()
    .transform((s) => s.replace(/\s/g, ''))
    .pipe(z.string().regex(/^\d{6}$/, 'vul de zes cijfers uit uw app in')),
});

export const createTokenSchema = z.strictObject({
  name: textSchema({ min: 1, tooShort: 'geef de sleutel een naam', max: 80 }),
  organizationId: reference('kies een organisatie'),
  scopes: z.array(z.enum(TOKEN_SCOPES)).min(1, 'kies minstens één recht').max(TOKEN_SCOPES.length),
  expiresInDays: z.coerce.number().int().min(1).max(365).default(90),
});
export type CreateTokenInput = z.input<typeof createTokenSchema>;
