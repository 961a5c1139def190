import type { Clock } from '../core';
import type { Db } from './database';

/** What every use case receives as its first argument: explicit, no global client. */
export interface Deps {
  db: Db;
  clock: Clock;
  /**
   * The server secret (HELDER_SECRET) when configured; without it, what needs a secret uses the
   * installation secret kept in the database (`installationSecret`).
   */
  secret?: string | undefined;
}
