/**
 * A SubscriptionStore in PostgreSQL, shared by every instance of a skill. The compare-and-set of a
 * user is one optimistic statement: read the user's row, then write it only if its
 * (last_time, last_request_id) is still what was read, in the same statement as the change to the
 * user's subscription rows. A concurrent writer makes the guard fail; the store then reads again and
 * decides anew, so no update is lost and no explicit transaction (or its round trips) is needed.
 */
import { difference, sortedUnique } from './order.js';
import {
  createPostgresPool,
  type PostgresPool,
  type PostgresQueryable,
} from './postgres-driver.js';
import { migratePostgres, quoteIdentifier } from './postgres-migrations.js';
import {
  ignoreReason,
  type ApplyResult,
  type ListableSubscriptionStore,
  type PageQuery,
  type StoreChange,
  type UserState,
} from './store.js';
import { ProactiveEventsError } from '../errors.js';

export interface PostgresSubscriptionStoreOptions {
  /** A `postgres://` URL; the store creates (and on close ends) a pg Pool for it. */
  readonly url?: string;
  /** A pg Pool of your own (the store never ends it); wins over `url`. */
  readonly pool?: PostgresPool;
  /** Schema holding the tables; created if missing. Default `public`. */
  readonly schema?: string;
  /** Connections of the pool created from `url`. Default: pg's (10). */
  readonly maxConnections?: number;
}

interface UserRow {
  user_id: string;
  application_id: string;
  last_time: string;
  last_request_id: string;
  event_names: string[];
}

export class PostgresSubscriptionStore implements ListableSubscriptionStore {
  private closed = false;

  private constructor(
    private readonly pool: PostgresPool,
    private readonly ownsPool: boolean,
    /** Quoted schema name, interpolated into every statement (never user input at run time). */
    private readonly s: string,
  ) {}

  /** Connects, creates or migrates the schema, and returns the store. */
  static async open(options: PostgresSubscriptionStoreOptions): Promise<PostgresSubscriptionStore> {
    if (!options.pool && !options.url) {
      throw new ProactiveEventsError('PostgresSubscriptionStore needs a `url` or a `pool`');
    }
    const pool = options.pool ?? (await createPostgresPool(options.url!, options.maxConnections));
    const schema = options.schema ?? 'public';
    try {
      const client = await pool.connect();
      try {
        await migratePostgres(client, schema);
      } finally {
        client.release();
      }
    } catch (error) {
      if (!options.pool) await pool.end().catch(() => undefined);
      throw error;
    }
    return new PostgresSubscriptionStore(pool, !options.pool, quoteIdentifier(schema));
  }

  private get db(): PostgresQueryable {
    if (this.closed) throw new ProactiveEventsError('PostgresSubscriptionStore is closed');
    return this.pool;
  }

  async applyIfNewer(change: StoreChange): Promise<ApplyResult> {
    const current = sortedUnique(change.eventNames);
    for (;;) {
      const row = await this.userRow(change.userId);
      const recorded = row && { time: Number(row.last_time), requestId: row.last_request_id };
      const previous = row?.event_names ?? [];
      const reason = ignoreReason(change, recorded);
      if (reason !== undefined) return { applied: false, reason, current: previous };
      const written = recorded
        ? await this.replace(change, current, previous, recorded)
        : await this.insert(change, current);
      if (written) return { applied: true, previous, current };
      // Another writer changed the user between our read and write: decide again on its state.
    }
  }

  /** First request of a user; false when another writer inserted the user first. */
  private async insert(change: StoreChange, current: string[]): Promise<boolean> {
    const { rows } = await this.db.query<{ n: number }>(
      `WITH u AS (
         INSERT INTO ${this.s}.subscription_users
           (user_id, application_id, last_time, last_request_id, event_names)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (user_id) DO NOTHING RETURNING user_id
       ), added AS (
         INSERT INTO ${this.s}.subscription_events (event_name, user_id)
         SELECT unnest($5::text[]), user_id FROM u
       )
       SELECT count(*)::int AS n FROM u`,
      [change.userId, change.applicationId, change.time, change.requestId, current],
    );
    return rows[0]?.n === 1;
  }

  /** A newer request of a known user; false when the row no longer holds the version read. */
  private async replace(
    change: StoreChange,
    current: string[],
    previous: string[],
    recorded: { time: number; requestId: string },
  ): Promise<boolean> {
    const { rows } = await this.db.query<{ n: number }>(
      `WITH u AS (
         UPDATE ${this.s}.subscription_users
         SET application_id = $2, last_time = $3, last_request_id = $4, event_names = $5,
             updated_at = now()
         WHERE user_id = $1 AND last_time = $6 AND last_request_id = $7
         RETURNING user_id
       ), removed AS (
         DELETE FROM ${this.s}.subscription_events
         WHERE user_id IN (SELECT user_id FROM u) AND event_name = ANY($8::text[])
       ), added AS (
         INSERT INTO ${this.s}.subscription_events (event_name, user_id)
         SELECT unnest($9::text[]), user_id FROM u
       )
       SELECT count(*)::int AS n FROM u`,
      [
        change.userId,
        change.applicationId,
        change.time,
        change.requestId,
        current,
        recorded.time,
        recorded.requestId,
        difference(previous, current),
        difference(current, previous),
      ],
    );
    return rows[0]?.n === 1;
  }

  private async userRow(userId: string): Promise<UserRow | undefined> {
    const { rows } = await this.db.query<UserRow>(
      `SELECT user_id, application_id, last_time, last_request_id, event_names
       FROM ${this.s}.subscription_users WHERE user_id = $1`,
      [userId],
    );
    return rows[0];
  }

  async stateOf(userId: string): Promise<UserState | undefined> {
    const row = await this.userRow(userId);
    return row && toState(row);
  }

  async subscribersPage(eventName: string, query: PageQuery): Promise<readonly string[]> {
    const limit = Math.max(0, Math.trunc(query.limit));
    const { rows } = await this.db.query<{ user_id: string }>(
      query.after === undefined
        ? `SELECT user_id FROM ${this.s}.subscription_events
           WHERE event_name = $1 ORDER BY user_id LIMIT $2`
        : `SELECT user_id FROM ${this.s}.subscription_events
           WHERE event_name = $1 AND user_id > $3 ORDER BY user_id LIMIT $2`,
      query.after === undefined ? [eventName, limit] : [eventName, limit, query.after],
    );
    return rows.map((row) => row.user_id);
  }

  async count(eventName: string): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${this.s}.subscription_events WHERE event_name = $1`,
      [eventName],
    );
    return rows[0]?.n ?? 0;
  }

  async usersPage(query: PageQuery): Promise<readonly UserState[]> {
    const limit = Math.max(0, Math.trunc(query.limit));
    const columns = 'user_id, application_id, last_time, last_request_id, event_names';
    const { rows } = await this.db.query<UserRow>(
      query.after === undefined
        ? `SELECT ${columns} FROM ${this.s}.subscription_users ORDER BY user_id LIMIT $1`
        : `SELECT ${columns} FROM ${this.s}.subscription_users
           WHERE user_id > $2 ORDER BY user_id LIMIT $1`,
      query.after === undefined ? [limit] : [limit, query.after],
    );
    return rows.map(toState);
  }

  async eventCounts(): Promise<readonly { eventName: string; count: number }[]> {
    const { rows } = await this.db.query<{ event_name: string; n: number }>(
      `SELECT event_name, count(*)::int AS n FROM ${this.s}.subscription_events
       GROUP BY event_name ORDER BY event_name`,
    );
    return rows.map((row) => ({ eventName: row.event_name, count: row.n }));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.ownsPool) await this.pool.end();
  }
}

function toState(row: UserRow): UserState {
  return {
    userId: row.user_id,
    applicationId: row.application_id,
    // bigint arrives as a string (it may exceed 2^53 in general; epoch ms never does).
    time: Number(row.last_time),
    requestId: row.last_request_id,
    eventNames: row.event_names,
  };
}
