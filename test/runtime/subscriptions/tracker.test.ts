import { afterEach, describe, expect, it } from 'vitest';
import { parseSubscriptionChanged } from '../../../runtime/subscriptions/parse.js';
import type { ListableSubscriptionStore } from '../../../runtime/subscriptions/store.js';
import { SubscriptionTracker } from '../../../runtime/subscriptions/tracker.js';
import { InvalidSubscriptionChangeError } from '../../../runtime/subscriptions/parse.js';
import {
  MEDIA,
  MESSAGE,
  ORDER,
  permutations,
  request,
  storeFactories,
  TRASH,
  WEATHER,
} from './helpers.js';

/** Five requests of one user; r3 is 10:10Z (its zone is +01:00); r5 is the newest: its timestamp
 * ties r4's and it wins on requestId. */
const history = [
  request({ requestId: 'r1', timestamp: '2021-03-01T10:00:00Z', events: [ORDER] }),
  request({ requestId: 'r2', timestamp: '2021-03-01T10:05:00Z', events: [ORDER, MESSAGE] }),
  request({ requestId: 'r3', timestamp: '2021-03-01T11:10:00+01:00', events: [WEATHER] }),
  request({ requestId: 'r4', timestamp: '2021-03-01T10:30:00Z', events: [] }),
  request({ requestId: 'r5', timestamp: '2021-03-01T10:30:00.000Z', events: [TRASH, MEDIA] }),
];

describe.each(storeFactories)('SubscriptionTracker with %s', (_name, createStore) => {
  let store: ListableSubscriptionStore;
  const tracker = () => new SubscriptionTracker({ store });

  afterEach(async () => {
    await store.close();
  });

  it('every one of the 120 delivery orders ends in the state of the newest request', async () => {
    const orders = permutations(history);
    expect(orders).toHaveLength(120);
    for (const order of orders) {
      store = createStore();
      const t = tracker();
      for (const item of order) await t.apply(item);
      expect(await t.subscriptionsOf('amzn1.ask.account.user-1')).toEqual([TRASH, MEDIA].sort());
      expect(await t.count(TRASH)).toBe(1);
      expect(await t.count(ORDER)).toBe(0);
      expect(await store.stateOf('amzn1.ask.account.user-1')).toMatchObject({ requestId: 'r5' });
      // Replaying everything afterwards changes nothing.
      for (const item of order) {
        const outcome = await t.apply(item);
        expect(outcome.applied).toBe(false);
      }
      expect(await t.subscriptionsOf('amzn1.ask.account.user-1')).toEqual([MEDIA, TRASH]);
      await store.close();
    }
    store = createStore();
  });

  it('reports exact diffs in delivery order, and why a request was ignored', async () => {
    store = createStore();
    const t = tracker();
    expect(await t.apply(history[0])).toEqual({
      applied: true,
      subscribed: [ORDER],
      unsubscribed: [],
      current: [ORDER],
    });
    expect(await t.apply(history[1])).toEqual({
      applied: true,
      subscribed: [MESSAGE],
      unsubscribed: [],
      current: [MESSAGE, ORDER],
    });
    expect(await t.apply(history[2])).toEqual({
      applied: true,
      subscribed: [WEATHER],
      unsubscribed: [MESSAGE, ORDER],
      current: [WEATHER],
    });
    expect(await t.apply(history[4])).toEqual({
      applied: true,
      subscribed: [MEDIA, TRASH],
      unsubscribed: [WEATHER],
      current: [MEDIA, TRASH],
    });
    // r4 has r5's timestamp and a smaller requestId: it loses the tie.
    expect(await t.apply(history[3])).toEqual({
      applied: false,
      subscribed: [],
      unsubscribed: [],
      current: [MEDIA, TRASH],
      reason: 'stale',
    });
    expect(await t.apply(history[4])).toEqual({
      applied: false,
      subscribed: [],
      unsubscribed: [],
      current: [MEDIA, TRASH],
      reason: 'duplicate',
    });
    expect(await t.apply(history[0])).toMatchObject({ applied: false, reason: 'stale' });
  });

  it.each([
    ['an empty list', []],
    ['an absent subscriptions', undefined],
  ])('%s unsubscribes from everything, and the user stays remembered', async (_name, events) => {
    store = createStore();
    const t = tracker();
    await t.apply(
      request({ requestId: 'a', timestamp: '2021-01-01T00:00:00Z', events: [ORDER, WEATHER] }),
    );
    expect(
      await t.apply(request({ requestId: 'b', timestamp: '2021-01-02T00:00:00Z', events })),
    ).toEqual({
      applied: true,
      subscribed: [],
      unsubscribed: [ORDER, WEATHER],
      current: [],
    });
    expect(await t.subscriptionsOf('amzn1.ask.account.user-1')).toEqual([]);
    expect(await t.count(ORDER)).toBe(0);
    expect(await t.count(WEATHER)).toBe(0);
    // The older subscribe request, delivered late, must not bring the subscriptions back.
    expect(
      await t.apply(
        request({ requestId: 'a', timestamp: '2021-01-01T00:00:00Z', events: [ORDER, WEATHER] }),
      ),
    ).toMatchObject({ applied: false, reason: 'stale', current: [] });
    expect(await t.count(ORDER)).toBe(0);
  });

  it('keeps users apart', async () => {
    store = createStore();
    const t = tracker();
    await t.apply(
      request({
        userId: 'u-a',
        requestId: '1',
        timestamp: '2021-01-01T00:00:00Z',
        events: [ORDER],
      }),
    );
    await t.apply(
      request({
        userId: 'u-b',
        requestId: '1',
        timestamp: '2021-01-01T00:00:00Z',
        events: [ORDER, MEDIA],
      }),
    );
    await t.apply(
      request({ userId: 'u-a', requestId: '2', timestamp: '2020-01-01T00:00:00Z', events: [] }),
    );
    expect(await t.subscriptionsOf('u-a')).toEqual([ORDER]);
    expect(await t.subscriptionsOf('u-b')).toEqual([MEDIA, ORDER]);
    expect(await t.subscriptionsOf('u-unknown')).toEqual([]);
    expect(await t.count(ORDER)).toBe(2);
    expect(await t.count(MEDIA)).toBe(1);
  });

  it('accepts an already parsed change and records unknown event names', async () => {
    store = createStore();
    const t = new SubscriptionTracker({ store, knownEventNames: [ORDER] });
    const parsed = parseSubscriptionChanged(
      request({
        requestId: 'x',
        timestamp: '2021-01-01T00:00:00Z',
        events: ['ACME.Custom.Event', ORDER],
      }),
    );
    if (!parsed.ok) throw new Error('fixture invalid');
    expect(await t.apply(parsed.value)).toEqual({
      applied: true,
      subscribed: ['ACME.Custom.Event', ORDER],
      unsubscribed: [],
      current: ['ACME.Custom.Event', ORDER],
    });
    expect(
      t.toChange(
        request({
          requestId: 'y',
          timestamp: '2021-01-01T00:00:00Z',
          events: ['ACME.Custom.Event'],
        }),
      ).unknownEventNames,
    ).toEqual(['ACME.Custom.Event']);
  });

  it('rejects invalid requests and leaves the store untouched', async () => {
    store = createStore();
    const t = tracker();
    await t.apply(request({ requestId: 'a', timestamp: '2021-01-01T00:00:00Z', events: [ORDER] }));
    const bad = request({ requestId: 'b', timestamp: '2021-02-30T00:00:00Z', events: [] });
    await expect(t.apply(bad)).rejects.toBeInstanceOf(InvalidSubscriptionChangeError);
    await expect(t.apply(bad)).rejects.toMatchObject({
      issues: [{ path: '/request/timestamp', code: 'format' }],
    });
    const nan = {
      userId: 'u',
      applicationId: 'a',
      requestId: 'r',
      timestamp: 'x',
      time: Number.NaN,
      eventNames: [],
    };
    await expect(t.apply(nan)).rejects.toMatchObject({ issues: [{ path: '/time', code: 'type' }] });
    expect(await t.subscriptionsOf('amzn1.ask.account.user-1')).toEqual([ORDER]);
    expect(await t.count(ORDER)).toBe(1);
    expect(await store.stateOf('u')).toBeUndefined();
  });
});
