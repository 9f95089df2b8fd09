/**
 * The SQLite schema as an ordered list of migrations. `PRAGMA user_version` records how many have
 * run, so a file created by an older release is brought up to date when it is opened, and a file
 * from a newer release is refused instead of being misread.
 */
import type { Database } from './sqlite-driver.js';
import { SchemaTooNewError } from './sqlite-errors.js';
import { ProactiveEventsError } from '../errors.js';

/** One schema step; `version` is the user_version after it ran (1, 2, 3… without gaps). */
export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly up: (db: Database) => void;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'users and their subscriptions',
    up: (db) => {
      // WITHOUT ROWID: the primary keys are the lookup paths, so the rows live in those b-trees and
      // the extra rowid index would be pure overhead.
      //  - users: the per-user compare-and-set reads one row by user_id.
      //  - subscriptions (event_name, user_id): subscribersOf pages with
      //    `WHERE event_name = ? AND user_id > ? ORDER BY user_id LIMIT ?`, a range scan of the key.
      //  - subscriptions_by_user: a user's own events, needed to compute the diff of each change.
      // A user with no subscriptions keeps its users row: it remembers the newest request seen.
      db.exec(`
        CREATE TABLE users (
          user_id         TEXT    NOT NULL PRIMARY KEY,
          application_id  TEXT    NOT NULL,
          last_time       INTEGER NOT NULL,
          last_request_id TEXT    NOT NULL,
          updated_at      INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE subscriptions (
          event_name TEXT NOT NULL,
          user_id    TEXT NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
          PRIMARY KEY (event_name, user_id)
        ) WITHOUT ROWID;
        CREATE INDEX subscriptions_by_user ON subscriptions (user_id, event_name);
      `);
    },
  },
];

function userVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Runs the pending migrations, each in its own `BEGIN IMMEDIATE` transaction that re-reads
 * user_version first: two processes opening a fresh file at once then run each step exactly once.
 * Returns the resulting version.
 */
export function migrate(db: Database, list: readonly Migration[] = migrations): number {
  const latest = list.length === 0 ? 0 : (list[list.length - 1] as Migration).version;
  const found = userVersion(db);
  if (found > latest) throw new SchemaTooNewError(found, latest);
  for (const migration of list) {
    db.transaction(() => {
      const current = userVersion(db);
      if (current >= migration.version) return;
      if (current !== migration.version - 1) {
        throw new ProactiveEventsError(
          `migration ${migration.version} expects schema ${migration.version - 1}, found ${current}`,
        );
      }
      migration.up(db);
      // PRAGMA does not take bound parameters; the version is an integer from our own list.
      db.pragma(`user_version = ${Math.trunc(migration.version)}`);
    }).immediate();
  }
  return userVersion(db);
}
