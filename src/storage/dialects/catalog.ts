import { sql, SqliteAdapter, type Kysely } from 'kysely';

/**
 * The column lists of a table's unique indexes (unique constraints included), read from the
 * database's own catalog: migrations that repair a schema ask it what is already there. PostgreSQL
 * resolves the table through the search path, as every other query does.
 */
export const uniqueColumnSets = async (db: Kysely<unknown>, table: string): Promise<string[][]> => {
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    const indexes = await sql<{ name: string }>`select name from pragma_index_list(${table}) where "unique" = 1`.execute(db);
    const sets: string[][] = [];
    for (const index of indexes.rows) {
      const columns = await sql<{ name: string }>`select name from pragma_index_info(${index.name}) order by seqno`.execute(db);
      sets.push(columns.rows.map((c) => c.name));
    }
    return sets;
  }
  const indexes = await sql<{ columns: string[] }>`
    select array(select a.attname from unnest(i.indkey) with ordinality as k(attnum, n)
                 join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum order by k.n)::text[] as columns
    from pg_index i where i.indrelid = to_regclass(${table}) and i.indisunique`.execute(db);
  return indexes.rows.map((r) => r.columns);
};
