/**
 * The subscription tracker: turns ProactiveSubscriptionChanged requests into per-user state and
 * diffs. It keeps no state itself; the store does the atomic compare-and-set, so any number of
 * trackers (one per skill instance) can share one store.
 */
import { assertSubscriptionChanged, InvalidSubscriptionChangeError } from './parse.js';
import { difference, sortedUnique } from './order.js';
import type { SubscriptionStore } from './store.js';
import type { ApplyOutcome, Issue, SubscriptionChange } from './types.js';

export interface SubscriptionTrackerOptions {
  readonly store: SubscriptionStore;
  /**
   * Event names to recognise, usually `eventNames` from the package root (the generated catalog):
   * others are still recorded, and listed in `change.unknownEventNames`. Without it no name is
   * flagged.
   */
  readonly knownEventNames?: readonly string[];
}

export interface SubscribersOfOptions {
  /** Users fetched per store query. Default 1000. */
  readonly pageSize?: number;
  /** Start strictly after this user id (a cursor saved from an earlier run). */
  readonly after?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * A change built by the caller (not parsed here) is checked before it reaches the store: a NaN time
 * would compare false both ways and silently freeze a user's state.
 */
function checkChange(change: SubscriptionChange): SubscriptionChange {
  const issues: Issue[] = [];
  const requireString = (key: 'userId' | 'applicationId' | 'requestId' | 'timestamp') => {
    if (typeof change[key] !== 'string' || change[key].length === 0) {
      issues.push({ path: `/${key}`, code: 'type', message: `${key} must be a non-empty string` });
    }
  };
  requireString('userId');
  requireString('applicationId');
  requireString('requestId');
  requireString('timestamp');
  if (typeof change.time !== 'number' || !Number.isFinite(change.time)) {
    issues.push({
      path: '/time',
      code: 'type',
      message: 'time must be a finite number (epoch ms)',
    });
  }
  const names: unknown = change.eventNames;
  if (!Array.isArray(names) || names.some((name) => typeof name !== 'string' || name === '')) {
    issues.push({
      path: '/eventNames',
      code: 'type',
      message: 'eventNames must be an array of non-empty strings',
    });
  }
  if (issues.length > 0) throw new InvalidSubscriptionChangeError(issues);
  return { ...change, eventNames: sortedUnique(change.eventNames) };
}

export class SubscriptionTracker {
  readonly store: SubscriptionStore;
  private readonly knownEventNames: readonly string[] | undefined;

  constructor(options: SubscriptionTrackerOptions) {
    this.store = options.store;
    this.knownEventNames = options.knownEventNames;
  }

  /**
   * Validates `input` (a raw request envelope, or a change from `parseSubscriptionChanged`) and
   * returns the change; throws `InvalidSubscriptionChangeError` listing every problem.
   */
  toChange(input: unknown): SubscriptionChange {
    // An envelope has `request`/`context`; a parsed change has `eventNames` at the top.
    if (isRecord(input) && !('request' in input) && 'eventNames' in input && 'userId' in input) {
      return checkChange(input as unknown as SubscriptionChange);
    }
    return assertSubscriptionChanged(
      input,
      this.knownEventNames ? { knownEventNames: this.knownEventNames } : {},
    );
  }

  /**
   * Validates `input` (as {@link toChange}) and records it if it is the newest request seen for its
   * user, reporting the diff against the user's previous state. Rejects with
   * `InvalidSubscriptionChangeError` when the request is invalid; the store is then untouched.
   */
  async apply(input: unknown): Promise<ApplyOutcome> {
    const change = this.toChange(input);
    const result = await this.store.applyIfNewer(change);
    if (!result.applied) {
      return {
        applied: false,
        subscribed: [],
        unsubscribed: [],
        current: result.current,
        reason: result.reason,
      };
    }
    return {
      applied: true,
      subscribed: difference(result.current, result.previous),
      unsubscribed: difference(result.previous, result.current),
      current: result.current,
    };
  }

  /** The events a user is subscribed to now (sorted); empty for unknown users. */
  async subscriptionsOf(userId: string): Promise<readonly string[]> {
    return (await this.store.stateOf(userId))?.eventNames ?? [];
  }

  /**
   * Streams the users subscribed to `eventName` in stable (code point) order, one page of
   * `pageSize` at a time: memory stays flat however many subscribers there are, and each page
   * resumes after the last id seen, so users subscribed throughout are neither repeated nor skipped.
   */
  async *subscribersOf(
    eventName: string,
    options: SubscribersOfOptions = {},
  ): AsyncGenerator<string> {
    const pageSize = Math.trunc(options.pageSize ?? 1000);
    if (!(pageSize >= 1))
      throw new RangeError(`pageSize must be at least 1, got ${options.pageSize}`);
    let after = options.after;
    for (;;) {
      const page = await this.store.subscribersPage(eventName, { after, limit: pageSize });
      yield* page;
      if (page.length < pageSize) return;
      after = page[page.length - 1];
    }
  }

  /** How many users are subscribed to `eventName` now. */
  count(eventName: string): Promise<number> {
    return this.store.count(eventName);
  }
}
