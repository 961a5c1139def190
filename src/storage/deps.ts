import type { Clock } from '../core';
import type { Db } from './database';

/** What every use case receives as its first argument: explicit, no global client. */
export interface Deps {
  db: Db;
  clock: Clock;
}
