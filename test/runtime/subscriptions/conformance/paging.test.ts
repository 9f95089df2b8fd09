import { afterEach, describe, expect, it } from 'vitest';
import type { ListableSubscriptionStore } from '../../../../runtime/subscriptions/store.js';
import { SubscriptionTracker } from '../../../../runtime/subscriptions/tracker.js';
import { MEDIA, ORDER, request } from '../helpers.js';
import { storeCases, type StoreUnderTest } from './stores.js';

// Ids chosen so UTF-16 order and code point order differ (U+FFFD sorts before U+1F600 by code
// point but after it by UTF-16 unit): both stores must still agree with SQLite's byte order.
const awkward = ['user-\u{1F600}', 'user-\uFFFD', 'user-Z', 'user-a', 'user-\u00E9'];
// Fifteen numbered users make pages of 1, 2, 4 and 7 span several round trips; more users only add
// writes (each apply is a read and several writes on the network stores).
const numbered = Array.from({ length: 15 }, (_, i) => `user-${String(i).padStart(3, '0')}`);
const everyone = [...numbered, ...awkward];
const codePointOrder = ['user-Z', 'user-a', 'user-\u00E9', 'user-\uFFFD', 'user-\u{1F600}'];

async function collect(iterable: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe.each(storeCases)('subscribersOf with %s', (_name, kind) => {
  let opened: StoreUnderTest | undefined;
  let store: ListableSubscriptionStore;
  let tracker: SubscriptionTracker;

  async function createStore(): Promise<ListableSubscriptionStore> {
    opened = await kind.create();
    return opened.store;
  }

  afterEach(async () => {
    await opened?.dispose();
    opened = undefined;
  });

  async function subscribe(userIds: readonly string[], events: string[], second = 0) {
    for (const userId of userIds) {
      await tracker.apply(
        request({
          userId,
          requestId: 'r',
          timestamp: `2021-05-01T00:00:${String(second).padStart(2, '0')}Z`,
          events,
        }),
      );
    }
  }

  it.skipIf(!kind.available)(
    'streams every subscriber once, in code point order, whatever the page size',
    async () => {
      store = await createStore();
      tracker = new SubscriptionTracker({ store });
      // Inserted in reverse so the order cannot come from insertion.
      await subscribe([...everyone].reverse(), [ORDER]);
      await subscribe(['user-003', 'user-010'], [MEDIA], 1);
      const expected = [
        ...numbered.filter((id) => id !== 'user-003' && id !== 'user-010'),
        ...codePointOrder,
      ];
      // One page smaller than the list, one exactly its length (18), one larger, one far larger.
      for (const pageSize of [1, 7, 17, 18, 19, 1000]) {
        expect(await collect(tracker.subscribersOf(ORDER, { pageSize }))).toEqual(expected);
      }
      expect(await collect(tracker.subscribersOf(MEDIA, { pageSize: 1 }))).toEqual([
        'user-003',
        'user-010',
      ]);
      expect(await collect(tracker.subscribersOf('AMAZON.Nobody.Here'))).toEqual([]);
      expect(await tracker.count(ORDER)).toBe(18);
    },
  );

  it.skipIf(!kind.available)(
    'resumes after a saved cursor, which need not be a subscriber',
    async () => {
      store = await createStore();
      tracker = new SubscriptionTracker({ store });
      await subscribe(numbered, [ORDER]);
      expect(
        await collect(tracker.subscribersOf(ORDER, { after: 'user-011', pageSize: 2 })),
      ).toEqual(['user-012', 'user-013', 'user-014']);
      expect(await collect(tracker.subscribersOf(ORDER, { after: 'user-0115' }))).toEqual([
        'user-012',
        'user-013',
        'user-014',
      ]);
      expect(await collect(tracker.subscribersOf(ORDER, { after: 'user-014' }))).toEqual([]);
    },
  );

  it.skipIf(!kind.available)(
    'users who stay subscribed while others come and go are seen exactly once',
    async () => {
      store = await createStore();
      tracker = new SubscriptionTracker({ store });
      const stable = numbered.filter((_, i) => i % 3 === 0);
      const churning = numbered.filter((_, i) => i % 3 !== 0);
      await subscribe(numbered, [ORDER]);
      const seen: string[] = [];
      let second = 1;
      // Pages of 2 over 15 users: eight round trips, with churn ahead and behind before each.
      for await (const userId of tracker.subscribersOf(ORDER, { pageSize: 2 })) {
        seen.push(userId);
        // Between pages, unsubscribe some users ahead and behind, and bring others back.
        await subscribe(
          churning.filter((_, i) => i % 2 === second % 2),
          [],
          second,
        );
        await subscribe(
          churning.filter((_, i) => i % 2 !== second % 2),
          [ORDER],
          second,
        );
        second++;
      }
      expect(seen.filter((id) => stable.includes(id))).toEqual(stable);
      expect(new Set(seen).size).toBe(seen.length);
      expect([...seen].sort()).toEqual(seen);
    },
  );

  it.skipIf(!kind.available)('rejects a page size below 1', async () => {
    store = await createStore();
    tracker = new SubscriptionTracker({ store });
    await expect(collect(tracker.subscribersOf(ORDER, { pageSize: 0 }))).rejects.toThrow(
      'pageSize must be at least 1, got 0',
    );
  });

  it.skipIf(!kind.available)(
    'lists all users, including those with no subscriptions, page by page',
    async () => {
      store = await createStore();
      tracker = new SubscriptionTracker({ store });
      await subscribe(['b', 'a'], [ORDER]);
      await subscribe(['c'], []);
      expect(await store.usersPage({ limit: 2 })).toEqual([
        expect.objectContaining({ userId: 'a', eventNames: [ORDER] }),
        expect.objectContaining({ userId: 'b', eventNames: [ORDER] }),
      ]);
      expect(await store.usersPage({ after: 'b', limit: 2 })).toEqual([
        {
          userId: 'c',
          applicationId: 'amzn1.ask.skill.test',
          time: Date.UTC(2021, 4, 1),
          requestId: 'r',
          eventNames: [],
        },
      ]);
    },
  );
});
