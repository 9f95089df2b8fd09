/**
 * The storage contract of the subscriptions runtime. The tracker holds no state of its own: every
 * decision that must be atomic (is this request newer than what is recorded for the user?) is made
 * inside the store, so several skill instances can share one database without losing updates.
 */
import { compareVersions, type ChangeVersion } from './order.js';
import type { IgnoredReason, SubscriptionChange } from './types.js';

/** What a store needs of a change: the user, its position in the user's history and the new state. */
export type StoreChange = Pick<
  SubscriptionChange,
  'userId' | 'applicationId' | 'requestId' | 'time' | 'eventNames'
>;

/** The outcome of {@link SubscriptionStore.applyIfNewer}. */
export type ApplyResult =
  | {
      readonly applied: true;
      /** The user's subscriptions before the change (sorted; empty for a user never seen). */
      readonly previous: readonly string[];
      /** The subscriptions now recorded (sorted): the change's event names. */
      readonly current: readonly string[];
    }
  | {
      readonly applied: false;
      readonly reason: IgnoredReason;
      /** The subscriptions recorded, unchanged (sorted). */
      readonly current: readonly string[];
    };

/** The recorded state of one user. */
export interface UserState {
  readonly userId: string;
  readonly applicationId: string;
  /** Time (epoch ms) and requestId of the newest request applied for the user. */
  readonly time: number;
  readonly requestId: string;
  /** Sorted; empty when the user unsubscribed from everything (the user is still remembered). */
  readonly eventNames: readonly string[];
}

/** Keyset-pagination query: the ids strictly after `after`, at most `limit` of them. */
export interface PageQuery {
  readonly after?: string;
  readonly limit: number;
}

/**
 * Where subscription state lives. Implement it to keep subscriptions in a shared database
 * (PostgreSQL, DynamoDB…); see `docs/subscriptions.md` for how.
 *
 * Ordering: every id and name the store returns is sorted by Unicode code point (UTF-8 byte
 * order; `compareCodePoints` in `order.ts`), and requests of one user are ordered by
 * `compareVersions` (time, then requestId).
 *
 * A user whose last request had no subscriptions must still be remembered (time and requestId),
 * otherwise an older, delayed request would re-subscribe them.
 */
export interface SubscriptionStore {
  /**
   * Compare-and-set of one user, done atomically by the store: read the (time, requestId) recorded
   * for `change.userId`; if the change is not strictly newer (see `compareVersions`), change
   * nothing and report `stale` (older) or `duplicate` (equal); otherwise replace the user's
   * subscriptions with `change.eventNames` and record the change's time and requestId.
   *
   * The read and the write must be one atomic step against every other writer of the same user,
   * including other processes and machines (a transaction that locks the user's row, a
   * conditional write, a `BEGIN IMMEDIATE` transaction…). A read followed by a separate write loses
   * updates when two requests of one user are handled at once.
   */
  applyIfNewer(change: StoreChange): Promise<ApplyResult>;

  /** The recorded state of a user, or undefined for a user never seen. */
  stateOf(userId: string): Promise<UserState | undefined>;

  /**
   * One page of the users subscribed to `eventName`, in code point order, strictly after
   * `query.after`. Must be a keyset (seek) query, not an offset: it is called page after page over
   * possibly millions of users while writes go on, and must neither repeat nor skip a user who stays
   * subscribed throughout.
   */
  subscribersPage(eventName: string, query: PageQuery): Promise<readonly string[]>;

  /** How many users are subscribed to `eventName` now. */
  count(eventName: string): Promise<number>;

  /** Releases the store's resources; further calls fail. Calling it twice is harmless. */
  close(): Promise<void>;
}

/** Listing queries the built-in stores add for the CLI and for dashboards. */
export interface ListableSubscriptionStore extends SubscriptionStore {
  /** One page of all recorded users (including those with no subscriptions), by user id. */
  usersPage(query: PageQuery): Promise<readonly UserState[]>;
  /** Every event name with at least one subscriber, with its subscriber count, by name. */
  eventCounts(): Promise<readonly { readonly eventName: string; readonly count: number }[]>;
}

/**
 * The compare half of the compare-and-set, shared by the built-in stores so they decide alike:
 * undefined means "apply", otherwise why the change is ignored.
 */
export function ignoreReason(
  change: ChangeVersion,
  recorded: ChangeVersion | undefined,
): IgnoredReason | undefined {
  if (recorded === undefined) return undefined;
  const order = compareVersions(change, recorded);
  if (order > 0) return undefined;
  return order === 0 ? 'duplicate' : 'stale';
}
