import type { Deps } from '../storage';

/** What the web layer is given by the composition root (app/). */
export interface WebContext {
  deps: Deps;
  /** Absolute base URL of the public site, without trailing slash (for portalUrl, feeds, sitemaps). */
  baseUrl: string;
  /** Whether to send HSTS: only when served over TLS. */
  hsts: boolean;
  /** Checks the database; `ok: false` makes /healthz answer 503. */
  health(): Promise<{ ok: boolean; database: string }>;
}
