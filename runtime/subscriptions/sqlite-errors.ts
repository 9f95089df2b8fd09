/**
 * Errors of the SQLite store, in a module of their own: it must not mention better-sqlite3's
 * types, so that the package's public declarations load without @types/better-sqlite3.
 */
import { ProactiveEventsError } from '../errors.js';

/** Thrown when better-sqlite3 is not installed (or failed to load its native part). */
export class MissingSqliteDriverError extends ProactiveEventsError {
  constructor(readonly reason: unknown) {
    const detail = reason instanceof Error ? reason.message : String(reason);
    super(
      `SqliteSubscriptionStore needs the optional package "better-sqlite3" (>= 11): install it with ` +
        `"npm install better-sqlite3", or use another SubscriptionStore. (${detail})`,
    );
    this.name = 'MissingSqliteDriverError';
  }
}

/** Thrown when a database file was written by a newer release of this package. */
export class SchemaTooNewError extends ProactiveEventsError {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `the subscriptions database has schema version ${found}, newer than the ${supported} this ` +
        `release understands: upgrade alexa-proactive-events`,
    );
    this.name = 'SchemaTooNewError';
  }
}
