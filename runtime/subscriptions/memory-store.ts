/**
 * An in-process store for tests and development. Every method runs synchronously inside one call,
 * so the compare-and-set is atomic with respect to the event loop; state is lost with the process.
 */
import { ProactiveEventsError } from '../errors.js';
import { compareCodePoints, difference, sortedUnique } from './order.js';
import {
  ignoreReason,
  type ApplyResult,
  type ListableSubscriptionStore,
  type PageQuery,
  type StoreChange,
  type UserState,
} from './store.js';

/** First index in sorted `list` whose value is greater than `after` (or ≥ when `inclusive`). */
function lowerBound(list: readonly string[], value: string, inclusive: boolean): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const order = compareCodePoints(list[middle] as string, value);
    if (order < 0 || (!inclusive && order === 0)) low = middle + 1;
    else high = middle;
  }
  return low;
}

export class MemorySubscriptionStore implements ListableSubscriptionStore {
  private readonly users = new Map<string, UserState>();
  /** Subscribers of each event, kept sorted so pages are binary searches, not sorts. */
  private readonly subscribers = new Map<string, string[]>();
  private closed = false;

  private check(): void {
    if (this.closed) throw new ProactiveEventsError('MemorySubscriptionStore is closed');
  }

  async applyIfNewer(change: StoreChange): Promise<ApplyResult> {
    this.check();
    const recorded = this.users.get(change.userId);
    const reason = ignoreReason(change, recorded);
    if (reason !== undefined)
      return { applied: false, reason, current: recorded?.eventNames ?? [] };
    const previous = recorded?.eventNames ?? [];
    const current = sortedUnique(change.eventNames);
    for (const name of difference(previous, current)) {
      const list = this.subscribers.get(name) ?? [];
      const index = lowerBound(list, change.userId, true);
      if (list[index] === change.userId) list.splice(index, 1);
      if (list.length === 0) this.subscribers.delete(name);
    }
    for (const name of difference(current, previous)) {
      const list = this.subscribers.get(name) ?? [];
      list.splice(lowerBound(list, change.userId, true), 0, change.userId);
      this.subscribers.set(name, list);
    }
    this.users.set(change.userId, {
      userId: change.userId,
      applicationId: change.applicationId,
      time: change.time,
      requestId: change.requestId,
      eventNames: current,
    });
    return { applied: true, previous, current };
  }

  async stateOf(userId: string): Promise<UserState | undefined> {
    this.check();
    return this.users.get(userId);
  }

  async subscribersPage(eventName: string, query: PageQuery): Promise<readonly string[]> {
    this.check();
    const list = this.subscribers.get(eventName) ?? [];
    const start = query.after === undefined ? 0 : lowerBound(list, query.after, false);
    return list.slice(start, start + query.limit);
  }

  async count(eventName: string): Promise<number> {
    this.check();
    return this.subscribers.get(eventName)?.length ?? 0;
  }

  async usersPage(query: PageQuery): Promise<readonly UserState[]> {
    this.check();
    // Sorting per page is fine for a development store; the SQLite store seeks an index.
    const ids = [...this.users.keys()].sort(compareCodePoints);
    const start = query.after === undefined ? 0 : lowerBound(ids, query.after, false);
    return ids.slice(start, start + query.limit).map((id) => this.users.get(id) as UserState);
  }

  async eventCounts(): Promise<readonly { eventName: string; count: number }[]> {
    this.check();
    return [...this.subscribers.entries()]
      .map(([eventName, list]) => ({ eventName, count: list.length }))
      .sort((a, b) => compareCodePoints(a.eventName, b.eventName));
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
