// Creation, migration and reopening, for every store: state (including a user with no
// subscriptions, who must still block older requests) survives a restart; several instances
// opening a fresh namespace at once all succeed.
import { afterEach, describe, expect, it } from 'vitest';
import { SubscriptionTracker } from '../../../../runtime/subscriptions/tracker.js';
import { ORDER, request, WEATHER } from '../helpers.js';
import { storeCases, type StoreUnderTest } from './stores.js';

describe.each(storeCases)('lifecycle of %s', (_name, kind) => {
  let opened: StoreUnderTest | undefined;
  afterEach(async () => {
    await opened?.dispose();
    opened = undefined;
  });

  it.skipIf(!kind.available)(
    'orders by timestamp, then requestId, and replays are duplicates',
    async () => {
      opened = await kind.create();
      const tracker = new SubscriptionTracker({ store: opened.store });
      const at = '2021-03-01T10:00:00Z';
      const send = (requestId: string, events: string[], timestamp = at) =>
        tracker.apply(request({ userId: 'u', requestId, timestamp, events }));
      expect(await send('req-b', [ORDER])).toMatchObject({ applied: true, current: [ORDER] });
      // Same instant, spelled with an offset: ordered by requestId, "B" < "a" < "b" by code point.
      expect(await send('req-B', [WEATHER], '2021-03-01T12:00:00+02:00')).toMatchObject({
        applied: false,
        reason: 'stale',
      });
      expect(await send('req-b', [WEATHER])).toMatchObject({ applied: false, reason: 'duplicate' });
      expect(await send('req-c', [WEATHER])).toEqual({
        applied: true,
        subscribed: [WEATHER],
        unsubscribed: [ORDER],
        current: [WEATHER],
      });
      expect(await send('req-a', [], '2021-03-01T10:00:01Z')).toMatchObject({ applied: true });
      expect(await tracker.count(WEATHER)).toBe(0);
    },
  );

  it.skipIf(!kind.available)('keeps its state across close and reopen', async () => {
    opened = await kind.create();
    const tracker = new SubscriptionTracker({ store: opened.store });
    const day = (d: number) => `2021-01-0${d}T00:00:00Z`;
    await tracker.apply(
      request({ userId: 'u1', requestId: 'b', timestamp: day(2), events: [ORDER] }),
    );
    await tracker.apply(
      request({ userId: 'u2', requestId: 'a', timestamp: day(1), events: [ORDER, WEATHER] }),
    );
    await tracker.apply(request({ userId: 'u3', requestId: 'a', timestamp: day(1), events: [] }));
    const again = await opened.reopen();
    if (again !== opened.store) {
      await opened.store.close();
      await opened.store.close(); // twice is harmless
    }
    const reopened = new SubscriptionTracker({ store: again });
    expect(await reopened.subscriptionsOf('u2')).toEqual([ORDER, WEATHER]);
    expect(await again.stateOf('u1')).toEqual({
      userId: 'u1',
      applicationId: 'amzn1.ask.skill.test',
      time: Date.UTC(2021, 0, 2),
      requestId: 'b',
      eventNames: [ORDER],
    });
    expect(await again.stateOf('u3')).toMatchObject({ requestId: 'a', eventNames: [] });
    expect(await again.stateOf('nobody')).toBeUndefined();
    expect(await again.eventCounts()).toEqual([
      { eventName: ORDER, count: 2 },
      { eventName: WEATHER, count: 1 },
    ]);
    expect(
      await reopened.apply(
        request({
          userId: 'u3',
          requestId: 'z',
          timestamp: day(1),
          events: [ORDER],
        }),
      ),
    ).toMatchObject({ applied: true });
    expect(
      await reopened.apply(
        request({ userId: 'u1', requestId: 'a', timestamp: day(1), events: [] }),
      ),
    ).toMatchObject({ applied: false, reason: 'stale' });
    if (again !== opened.store) await again.close();
  });

  it.skipIf(!kind.available || !kind.shared)(
    'several instances opening one fresh namespace at once all work',
    async () => {
      opened = await kind.create();
      const others = await Promise.all([opened.reopen(), opened.reopen(), opened.reopen()]);
      const trackers = others.map((store) => new SubscriptionTracker({ store }));
      await Promise.all(
        trackers.map((tracker, i) =>
          tracker.apply(
            request({
              userId: `u${i}`,
              requestId: 'r',
              timestamp: '2021-01-01T00:00:00Z',
              events: [ORDER],
            }),
          ),
        ),
      );
      expect(await opened.store.count(ORDER)).toBe(3);
      await Promise.all(others.map((store) => store.close()));
    },
  );

  it.skipIf(!kind.available)('refuses calls after close', async () => {
    opened = await kind.create();
    await opened.store.close();
    await expect(opened.store.stateOf('u')).rejects.toThrow(/closed|not open/);
  });
});
