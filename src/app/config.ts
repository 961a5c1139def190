import { z } from 'zod';

/**
 * Configuration comes from the environment, parsed once at start (twelve-factor). A bad value
 * stops the start with a message that names the variable, instead of failing later.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65_535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().trim().optional().transform((v) => v || undefined),
  PUBLIC_URL: z.url().optional(),
  HELDER_DEMO: z.enum(['on', 'off']).default('on'),
  HELDER_HSTS: z.enum(['on', 'off']).default('off'),
  HELDER_TRUST_PROXY: z.string().trim().optional(),
  HELDER_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  HELDER_SECURITY_CONTACT: z.string().regex(/^(mailto:|https:\/\/)/, 'must start with mailto: or https://').optional(),
  HELDER_THEME_CSS: z.string().min(1).optional(),
  HELDER_THEME_CLASS: z.string().regex(/^[a-z][a-z0-9-]*$/, 'a CSS class name').optional(),
  HELDER_SMTP_URL: z.string().trim().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional().or(z.literal('').transform(() => undefined)),
  HELDER_MAIL_DIR: z.string().trim().min(1).default('./data/mail'),
  HELDER_DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(1_000),
  HELDER_DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(1_000),
  HELDER_DB_START_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  HELDER_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(8_000),
  HELDER_MAIL_LEASE_SECONDS: z.coerce.number().int().min(1).max(3_600).default(120),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  baseUrl: string;
  seedDemo: boolean;
  hsts: boolean;
  logLevel: string;
  /** Proxies whose X-Forwarded-For is believed: `true` for any, or a list of addresses/CIDRs. */
  trustProxy: boolean | string;
  /** Signs form tokens and keys address hashes; unset: generated once and kept in the database. */
  secret: string | undefined;
  /** Outgoing mail (docs/notifications.md): an SMTP URL, or without one the folder mails are written to. */
  mail: { smtpUrl: string | undefined; dir: string; leaseMs: number };
  /**
   * How long the server waits for the database (docs/operations.md). PostgreSQL only for the two
   * timeouts; 0 turns one off. `startTimeoutMs`: how long `serve` keeps trying to reach the
   * database at start before it exits.
   */
  database: { connectTimeoutMs: number; statementTimeoutMs: number; startTimeoutMs: number };
  /** After SIGTERM/SIGINT: how long requests in flight may take before their connections are cut. */
  shutdownTimeoutMs: number;
  /** Portal theming and contacts (docs/portal.md). */
  portal: { securityContact?: string; themeCss?: string; themeClass?: string };
}

export class ConfigError extends Error {}

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = result.data;
  // Loopback and wildcard addresses are shown as localhost, the name people type.
  const shownHost = ['0.0.0.0', '::', '127.0.0.1', '::1'].includes(e.HOST) ? 'localhost' : e.HOST;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    baseUrl: (e.PUBLIC_URL ?? `http://${shownHost}:${e.PORT}`).replace(/\/+$/, ''),
    seedDemo: e.HELDER_DEMO === 'on',
    hsts: e.HELDER_HSTS === 'on',
    logLevel: e.LOG_LEVEL,
    secret: e.HELDER_SECRET,
    database: { connectTimeoutMs: e.HELDER_DB_CONNECT_TIMEOUT_MS, statementTimeoutMs: e.HELDER_DB_STATEMENT_TIMEOUT_MS, startTimeoutMs: e.HELDER_DB_START_TIMEOUT_MS },
    shutdownTimeoutMs: e.HELDER_SHUTDOWN_TIMEOUT_MS,
    trustProxy: !e.HELDER_TRUST_PROXY || e.HELDER_TRUST_PROXY === 'off' ? false : e.HELDER_TRUST_PROXY === 'on' ? true : e.HELDER_TRUST_PROXY,
    mail: { smtpUrl: e.HELDER_SMTP_URL, dir: e.HELDER_MAIL_DIR, leaseMs: e.HELDER_MAIL_LEASE_SECONDS * 1_000 },
    portal: {
      ...(e.HELDER_SECURITY_CONTACT ? { securityContact: e.HELDER_SECURITY_CONTACT } : {}),
      ...(e.HELDER_THEME_CSS ? { themeCss: e.HELDER_THEME_CSS } : {}),
      ...(e.HELDER_THEME_CLASS ? { themeClass: e.HELDER_THEME_CLASS } : {}),
    },
  };
};
