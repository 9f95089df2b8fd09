/**
 * The PostgreSQL schema as an ordered list of migrations, run by the store when it opens. The
 * version lives in a one-row table; every run holds a transaction-scoped advisory lock, so many
 * instances starting at once against a fresh database run each step exactly once.
 */
import { SchemaTooNewError } from './sqlite-errors.js';
import type { PostgresQueryable } from './postgres-driver.js';

export interface PostgresMigration {
  readonly version: number;
  readonly description: string;
  /** SQL run in the migration's transaction; `{s}` stands for the quoted schema name. */
  readonly sql: string;
}

export const postgresMigrations: readonly PostgresMigration[] = [
  {
    version: 1,
    description: 'users and their subscriptions',
    // COLLATE "C" makes every comparison and ORDER BY byte-wise, which for UTF-8 is code point
    // order: the order every store pages in (see order.ts). The database default collation
    // (often en_US) would sort "a" before "Z".
    //  - subscription_users: one row per user, read and compare-and-set by user_id; event_names
    //    (sorted) is the user's state, so the compare and the diff need that single row.
    //  - subscription_events (event_name, user_id): subscribersPage is a range scan of this key.
    sql: `
      CREATE TABLE {s}.subscription_users (
        user_id         text COLLATE "C" NOT NULL PRIMARY KEY,
        application_id  text NOT NULL,
        last_time       bigint NOT NULL,
        last_request_id text COLLATE "C" NOT NULL,
        event_names     text[] NOT NULL,
        updated_at      timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE {s}.subscription_events (
        event_name text COLLATE "C" NOT NULL,
        user_id    text COLLATE "C" NOT NULL
                   REFERENCES {s}.subscription_users (user_id) ON DELETE CASCADE,
        PRIMARY KEY (event_name, user_id)
      );
      CREATE INDEX subscription_events_by_user ON {s}.subscription_events (user_id);
    `,
  },
];

/** `"name"` with inner quotes doubled: a schema name as an SQL identifier. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Brings `schema` up to the newest version and returns it; throws SchemaTooNewError for a
 * database written by a newer release (and changes nothing).
 */
export async function migratePostgres(
  client: PostgresQueryable,
  schema: string,
  list: readonly PostgresMigration[] = postgresMigrations,
): Promise<number> {
  const s = quoteIdentifier(schema);
  const latest = list.at(-1)?.version ?? 0;
  await client.query('BEGIN');
  try {
    // One lock per schema: concurrent openers queue here, then find the work done.
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `alexa-proactive-events:subscriptions:${schema}`,
    ]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${s}.subscription_schema (
         only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
         version  integer NOT NULL
       )`,
    );
    const found = await client.query<{ version: number }>(
      `SELECT version FROM ${s}.subscription_schema`,
    );
    let version = found.rows[0]?.version ?? 0;
    if (version > latest) throw new SchemaTooNewError(version, latest);
    for (const migration of list) {
      if (migration.version <= version) continue;
      await client.query(migration.sql.replaceAll('{s}', s));
      version = migration.version;
    }
    await client.query(
      `INSERT INTO ${s}.subscription_schema (version) VALUES ($1)
       ON CONFLICT (only_row) DO UPDATE SET version = excluded.version`,
      [version],
    );
    await client.query('COMMIT');
    return version;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
