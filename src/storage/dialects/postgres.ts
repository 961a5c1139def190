import pg from 'pg';
import { PostgresDialect, type Dialect } from 'kysely';

/**
 * Opens a PostgreSQL pool. `synchronous_commit=on` is requested per connection so an acknowledged
 * write is on disk even if the server's default was relaxed. `searchPath` isolates test schemas.
 */
export const openPostgres = (
  url: string,
  options: { searchPath?: string; max?: number } = {},
): { dialect: Dialect; pool: pg.Pool } => {
  const settings = ['-c synchronous_commit=on'];
  if (options.searchPath) settings.push(`-c search_path=${options.searchPath}`);
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, options: settings.join(' ') });
  return { dialect: new PostgresDialect({ pool }), pool };
};
