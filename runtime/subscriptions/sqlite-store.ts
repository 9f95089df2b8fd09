/**
 * A SubscriptionStore in one SQLite file, for skills that run as a single service (or several
 * processes on one machine). better-sqlite3 is synchronous, so every method finishes its statement
 * before returning; the async signatures exist to match stores backed by network databases. The
 * database opens on first use (the driver is loaded with import()); `SqliteSubscriptionStore.open`
 * opens it at once, so a missing driver or a bad file is reported up front.
 */
import { ProactiveEventsError } from '../errors.js';
import { difference, sortedUnique } from './order.js';
import { loadBetterSqlite3, type Database } from './sqlite-driver.js';
import { migrate } from './sqlite-migrations.js';
import {
  ignoreReason,
  type ApplyResult,
  type ListableSubscriptionStore,
  type PageQuery,
  type StoreChange,
  type UserState,
} from './store.js';

export interface SqliteSubscriptionStoreOptions {
  /** The database file (created if missing), or `':memory:'` for a private in-memory database. */
  readonly path: string;
  /**
   * How long a writer waits for another connection's write transaction before failing with
   * SQLITE_BUSY. Default 5000 ms.
   */
  readonly busyTimeoutMs?: number;
  /**
   * `PRAGMA synchronous`. Default `'NORMAL'`: with WAL, a crash of the process loses nothing and
   * the file cannot be corrupted, but a power loss may drop the last commits. `'FULL'` syncs every
   * commit (several times slower per request).
   */
  readonly synchronous?: 'NORMAL' | 'FULL';
}

interface UserRow {
  user_id: string;
  application_id: string;
  last_time: number;
  last_request_id: string;
}

export class SqliteSubscriptionStore implements ListableSubscriptionStore {
  readonly #options: SqliteSubscriptionStoreOptions;
  #connection: Promise<SqliteConnection> | undefined;
  #closed = false;

  constructor(options: SqliteSubscriptionStoreOptions) {
    if (typeof options?.path !== 'string' || options.path === '') {
      throw new TypeError('SqliteSubscriptionStore needs a path (a file, or ":memory:").');
    }
    this.#options = options;
  }

  /** Opens the database now (creating and migrating it), rather than on first use. */
  static async open(options: SqliteSubscriptionStoreOptions): Promise<SqliteSubscriptionStore> {
    const store = new SqliteSubscriptionStore(options);
    await store.#open();
    return store;
  }

  #open(): Promise<SqliteConnection> {
    if (this.#closed)
      return Promise.reject(new ProactiveEventsError('The subscription store is closed.'));
    this.#connection ??= loadBetterSqlite3().then(
      (DatabaseClass) => new SqliteConnection(new DatabaseClass(this.#options.path), this.#options),
    );
    // A failed open (no driver, unreadable file) is retried by the next call.
    this.#connection.catch(() => (this.#connection = undefined));
    return this.#connection;
  }

  async applyIfNewer(change: StoreChange): Promise<ApplyResult> {
    return (await this.#open()).applyIfNewer(change);
  }

  async stateOf(userId: string): Promise<UserState | undefined> {
    return (await this.#open()).stateOf(userId);
  }

  async subscribersPage(eventName: string, query: PageQuery): Promise<readonly string[]> {
    return (await this.#open()).subscribersPage(eventName, query);
  }

  async count(eventName: string): Promise<number> {
    return (await this.#open()).count(eventName);
  }

  async usersPage(query: PageQuery): Promise<readonly UserState[]> {
    return (await this.#open()).usersPage(query);
  }

  async eventCounts(): Promise<readonly { eventName: string; count: number }[]> {
    return (await this.#open()).eventCounts();
  }

  async close(): Promise<void> {
    this.#closed = true;
    const connection = this.#connection;
    this.#connection = undefined;
    if (connection) (await connection.catch(() => undefined))?.close();
  }
}

/** One open database with its prepared statements: what the store does once the driver is loaded. */
class SqliteConnection {
  private readonly db: Database;
  private readonly statements;
  private readonly applyTransaction: (change: StoreChange) => ApplyResult;

  constructor(db: Database, options: SqliteSubscriptionStoreOptions) {
    try {
      // busy_timeout before anything that takes a lock (switching to WAL does, and so do the
      // migrations), so a second process opening the file waits instead of failing.
      db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
      db.pragma('journal_mode = WAL');
      db.pragma(`synchronous = ${options.synchronous === 'FULL' ? 'FULL' : 'NORMAL'}`);
      db.pragma('foreign_keys = ON');
      migrate(db);
    } catch (error) {
      db.close();
      throw error;
    }
    this.db = db;
    this.statements = {
      user: db.prepare<[string], UserRow>(
        'SELECT user_id, application_id, last_time, last_request_id FROM users WHERE user_id = ?',
      ),
      eventsOf: db
        .prepare<[string], string>(
          'SELECT event_name FROM subscriptions WHERE user_id = ? ORDER BY event_name',
        )
        .pluck(),
      upsertUser: db.prepare<[string, string, number, string, number]>(
        `INSERT INTO users (user_id, application_id, last_time, last_request_id, updated_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (user_id) DO UPDATE SET
           application_id = excluded.application_id, last_time = excluded.last_time,
           last_request_id = excluded.last_request_id, updated_at = excluded.updated_at`,
      ),
      subscribe: db.prepare<[string, string]>(
        'INSERT INTO subscriptions (event_name, user_id) VALUES (?, ?)',
      ),
      unsubscribe: db.prepare<[string, string]>(
        'DELETE FROM subscriptions WHERE event_name = ? AND user_id = ?',
      ),
      firstPage: db
        .prepare<[string, number], string>(
          'SELECT user_id FROM subscriptions WHERE event_name = ? ORDER BY user_id LIMIT ?',
        )
        .pluck(),
      nextPage: db
        .prepare<[string, string, number], string>(
          `SELECT user_id FROM subscriptions WHERE event_name = ? AND user_id > ?
           ORDER BY user_id LIMIT ?`,
        )
        .pluck(),
      count: db
        .prepare<[string], number>('SELECT count(*) FROM subscriptions WHERE event_name = ?')
        .pluck(),
      firstUsers: db.prepare<[number], UserRow>(
        `SELECT user_id, application_id, last_time, last_request_id FROM users
         ORDER BY user_id LIMIT ?`,
      ),
      nextUsers: db.prepare<[string, number], UserRow>(
        `SELECT user_id, application_id, last_time, last_request_id FROM users
         WHERE user_id > ? ORDER BY user_id LIMIT ?`,
      ),
      eventCounts: db.prepare<[], { eventName: string; count: number }>(
        `SELECT event_name AS eventName, count(*) AS count FROM subscriptions
         GROUP BY event_name ORDER BY event_name`,
      ),
    };
    // The compare-and-set of one user. `.immediate` opens it with BEGIN IMMEDIATE, which takes the
    // write lock before the read: a second connection (another process, another tracker on the same
    // file) waits at its BEGIN until this one commits, then reads the state this one wrote. A
    // deferred transaction would read first and could both lose an update and fail with
    // SQLITE_BUSY when upgrading its lock.
    const transaction = db.transaction((change: StoreChange): ApplyResult => {
      const row = this.statements.user.get(change.userId);
      const recorded = row && { time: row.last_time, requestId: row.last_request_id };
      const reason = ignoreReason(change, recorded);
      const previous = row ? this.statements.eventsOf.all(change.userId) : [];
      if (reason !== undefined) return { applied: false, reason, current: previous };
      const current = sortedUnique(change.eventNames);
      this.statements.upsertUser.run(
        change.userId,
        change.applicationId,
        change.time,
        change.requestId,
        Date.now(),
      );
      for (const name of difference(previous, current)) {
        this.statements.unsubscribe.run(name, change.userId);
      }
      for (const name of difference(current, previous)) {
        this.statements.subscribe.run(name, change.userId);
      }
      return { applied: true, previous, current };
    });
    this.applyTransaction = (change) => transaction.immediate(change);
  }

  applyIfNewer(change: StoreChange): ApplyResult {
    return this.applyTransaction(change);
  }

  stateOf(userId: string): UserState | undefined {
    // One deferred read transaction, so the user row and the events are from the same commit.
    return this.db.transaction(() => {
      const row = this.statements.user.get(userId);
      return row && this.toState(row, this.statements.eventsOf.all(userId));
    })();
  }

  subscribersPage(eventName: string, query: PageQuery): readonly string[] {
    const limit = Math.max(0, Math.trunc(query.limit));
    return query.after === undefined
      ? this.statements.firstPage.all(eventName, limit)
      : this.statements.nextPage.all(eventName, query.after, limit);
  }

  count(eventName: string): number {
    return this.statements.count.get(eventName) ?? 0;
  }

  usersPage(query: PageQuery): readonly UserState[] {
    const limit = Math.max(0, Math.trunc(query.limit));
    return this.db.transaction(() => {
      const rows =
        query.after === undefined
          ? this.statements.firstUsers.all(limit)
          : this.statements.nextUsers.all(query.after, limit);
      return rows.map((row) => this.toState(row, this.statements.eventsOf.all(row.user_id)));
    })();
  }

  eventCounts(): readonly { eventName: string; count: number }[] {
    return this.statements.eventCounts.all();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private toState(row: UserRow, eventNames: string[]): UserState {
    return {
      userId: row.user_id,
      applicationId: row.application_id,
      time: row.last_time,
      requestId: row.last_request_id,
      // ORDER BY with SQLite's BINARY collation compares UTF-8 bytes: code point order already.
      eventNames,
    };
  }
}
