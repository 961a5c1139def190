import { z } from 'zod';
import { TOKEN_SCOPES } from './token';
import { PASSWORD_MAX_LENGTH, ROLES, normalizeEmail, passwordProblem } from './user';

/** Messages are Dutch: they reach the editor's forms and the CLI user as they are. */
export const emailSchema = z
  .string()
  .trim()
  .max(254, 'een e-mailadres heeft hoogstens 254 tekens')
  .pipe(z.email('vul een geldig e-mailadres in'))
  .transform(normalizeEmail);

export const membershipSchema = z.object({
  organizationId: z.string().min(1),
  role: z.enum(ROLES, 'kies een rol: admin, editor, communicator, moderator of auditor'),
});

export const createUserSchema = z
  .object({
    email: emailSchema,
    name: z.string().trim().min(2, 'vul een naam in').max(120),
    password: z.string(),
    memberships: z.array(membershipSchema).min(1, 'geef minstens één rol in een organisatie').max(50),
  })
  .superRefine((u, ctx) => {
    const problem = passwordProblem(u.password, u.email);
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
  });
export type CreateUserInput = z.input<typeof createUserSchema>;

export const loginSchema = z.object({
  email: z.string().trim().min(1, 'vul uw e-mailadres in').max(254, 'een e-mailadres heeft hoogstens 254 tekens'),
  password: z.string().min(1, 'vul uw wachtwoord in').max(PASSWORD_MAX_LENGTH, `een wachtwoord heeft hoogstens ${PASSWORD_MAX_LENGTH} tekens`),
});
export type LoginInput = z.input<typeof loginSchema>;

export const totpCodeSchema = z.object({
  code: z
    .string()
    .transform((s) => s.replace(/\s/g, ''))
    .pipe(z.string().regex(/^\d{6}$/, 'vul de zes cijfers uit uw app in')),
});

export const createTokenSchema = z.object({
  name: z.string().trim().min(1, 'geef de sleutel een naam').max(80),
  organizationId: z.string().min(1, 'kies een organisatie'),
  scopes: z.array(z.enum(TOKEN_SCOPES)).min(1, 'kies minstens één recht').max(TOKEN_SCOPES.length),
  expiresInDays: z.coerce.number().int().min(1).max(365).default(90),
});
export type CreateTokenInput = z.input<typeof createTokenSchema>;
