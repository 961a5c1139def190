import type { SessionSettings } from '../modules/users';
import type { Deps } from '../storage';

/** Settings of the public portal; every field has a default (docs/portal.md). */
export interface PortalSettings {
  /**
   * Path of a CSS file with the organization's own NL Design System tokens; replaces the open
   * Voorbeeld theme. Its custom properties must be scoped to `themeClass`.
   */
  themeCss?: string;
  /** The class on <body> that scopes the theme tokens (default `voorbeeld-theme`). */
  themeClass?: string;
  /** Rendered pages kept in memory (default 1000 pages, at most 64 MiB). 0 turns the cache off. */
  cacheEntries?: number;
  cacheBytes?: number;
  /** Per-client limit on portal pages (default 600 a minute per IP); `false` turns it off. */
  rateLimit?: { max: number; timeWindowMs: number; allowList?: string[] } | false;
  /** Shed load with 503 + Retry-After when the event loop lags (default: mean delay over 50 ms); `false` turns it off. */
  loadShedding?: { maxEventLoopDelayMs: number; retryAfterSeconds: number } | false;
  /** `Contact:` of /.well-known/security.txt (RFC 9116), a mailto: or https: URI. */
  securityContact?: string;
  /** Where citizens report an accessibility problem (shown on the accessibility statement). */
  accessibilityContact?: string;
}

/** What the web layer is given by the composition root (app/). */
export interface WebContext {
  deps: Deps;
  /** Absolute base URL of the public site, without trailing slash (for portalUrl, feeds, sitemaps). */
  baseUrl: string;
  /** Whether to send HSTS: only when served over TLS. */
  hsts: boolean;
  /**
   * Checks the database within a second; `ok: false` makes /healthz answer 503. `status`
   * `degraded`: it answers but writes fail (disk full, read-only); `fault` names the kind.
   */
  health(): Promise<{ ok: boolean; database: string; status?: 'ok' | 'degraded' | 'unavailable'; fault?: string }>;
  /**
   * The register's version: for one organization its audit head sequence number (0 before its
   * first write), without an id a number that grows on any write to any organization (the sum of
   * all heads). Every write goes through a service that appends to the audit chain in the same
   * transaction, so an unchanged version means unchanged data — the portal's page cache relies on
   * it, whichever process wrote. One indexed query. Without it the portal renders every request.
   */
  registerVersion?(organizationId?: string): Promise<number>;
  portal?: PortalSettings;
  /**
   * The server secret (HELDER_SECRET, at least 32 characters) that signs poll and reaction form
   * tokens and keys the daily salted hashes of client addresses (docs/citizen-voice.md). Every app
   * server behind one database needs the same value. Without it each process makes a random one:
   * forms then fail after a restart or on another server.
   */
  secret?: string;
  /** Outgoing mail: whether an SMTP server is configured (without one, mails are written to files). */
  mail?: { smtp: boolean };
  /** Settings of the editor; sessions default to 30 minutes idle, 12 hours absolute (docs/editor.md). */
  editor?: { session?: Partial<SessionSettings> };
}
