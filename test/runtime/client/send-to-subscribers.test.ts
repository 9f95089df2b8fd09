import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createOrderStatusUpdatedEvent,
  createWeatherAlertActivatedEvent,
} from '../../../generated/index.js';
import {
  MemorySubscriptionStore,
  SubscriptionTracker,
} from '../../../runtime/subscriptions/index.js';
import { harness } from '../../support/client-harness.js';
import { validateProactiveEvent } from '../../../generated/validate.js';
import { FakeAmazon } from '../../support/fake-amazon.js';

const ORDER = 'AMAZON.OrderStatus.Updated';
const WEATHER = 'AMAZON.WeatherAlert.Activated';

function subscriptionChange(userId: string, timestamp: string, eventNames: string[]) {
  return {
    version: '1.0',
    context: {
      System: { application: { applicationId: 'amzn1.ask.skill.TEST' }, user: { userId } },
    },
    request: {
      type: 'AlexaSkillEvent.ProactiveSubscriptionChanged',
      requestId: `${userId}-${timestamp}`,
      timestamp,
      body: { subscriptions: eventNames.map((eventName) => ({ eventName })) },
    },
  };
}

let fake: FakeAmazon;
let tracker: SubscriptionTracker;
beforeEach(async () => {
  fake = await FakeAmazon.start();
  tracker = new SubscriptionTracker({ store: new MemorySubscriptionStore() });
  for (const user of ['u1', 'u2', 'u3', 'u4', 'u5'])
    await tracker.apply(subscriptionChange(user, '2025-01-01T00:00:00Z', [ORDER]));
  await tracker.apply(subscriptionChange('u6', '2025-01-01T00:00:00Z', [WEATHER]));
  // u3 unsubscribes from everything later on: it must get nothing.
  await tracker.apply(subscriptionChange('u3', '2025-01-01T00:05:00Z', []));
});
afterEach(() => fake.close());

describe('sendToSubscribers', () => {
  it('sends one Unicast event to each current subscriber, and to nobody else', async () => {
    const { client, clock } = harness(fake, { validate: validateProactiveEvent });
    const result = await client.sendToSubscribers(
      ORDER,
      (user) =>
        createOrderStatusUpdatedEvent({
          payload: { state: { status: 'ORDER_SHIPPED' }, order: { seller: { name: 'Amazon' } } },
          audience: { user },
          now: clock.now,
        }),
      tracker,
      { pageSize: 2, concurrency: 2 },
    );
    expect(result).toEqual({
      summary: { users: 4, sent: 4, failed: 0, outboxed: 0 },
      failures: [],
    });
    const recipients = fake
      .eventRequestLog()
      .map((request) => JSON.parse(request.body).relevantAudience.payload.user);
    expect(recipients.sort()).toEqual(['u1', 'u2', 'u4', 'u5']);
    expect(fake.tokenRequests).toBe(1);
    await client.close();
  });

  it('accounts for every subscriber when building fails or builds the wrong event', async () => {
    const { client, clock } = harness(fake, { validate: validateProactiveEvent });
    const result = await client.sendToSubscribers(
      ORDER,
      (user) => {
        if (user === 'u2') throw new Error('no order for u2');
        if (user === 'u4')
          return createWeatherAlertActivatedEvent({
            payload: { weatherAlert: { source: 'x', alertType: 'TORNADO' } },
            audience: { user },
            now: clock.now,
          });
        if (user === 'u5')
          return createOrderStatusUpdatedEvent({
            payload: { state: { status: 'ORDER_SHIPPED' }, order: { seller: { name: 'Amazon' } } },
            audience: { user: 'u1' },
            now: clock.now,
          });
        return createOrderStatusUpdatedEvent({
          payload: { state: { status: 'ORDER_SHIPPED' }, order: { seller: { name: 'Amazon' } } },
          audience: { user },
          now: clock.now,
        });
      },
      tracker,
    );
    expect(result.summary).toEqual({ users: 4, sent: 1, failed: 3, outboxed: 0 });
    expect(result.failures.map(({ userId, error }) => [userId, error.name, error.message])).toEqual(
      [
        ['u2', 'Error', 'building the event failed: no order for u2'],
        [
          'u4',
          'SubscriberEventMismatch',
          `the builder returned ${WEATHER} for u4, not a Unicast ${ORDER} for u4`,
        ],
        [
          'u5',
          'SubscriberEventMismatch',
          `the builder returned ${ORDER} for u1, not a Unicast ${ORDER} for u5`,
        ],
      ],
    );
    expect(fake.eventRequestLog()).toHaveLength(1);
    await client.close();
  });

  it('reports Amazon’s refusals per subscriber', async () => {
    fake.script(
      'events',
      { status: 202 },
      { status: 403, body: { code: 'NOT_SUBSCRIBED', message: 'no' } },
      { status: 202 },
      { status: 202 },
    );
    const { client, clock } = harness(fake, { validate: validateProactiveEvent });
    const result = await client.sendToSubscribers(
      ORDER,
      (user) =>
        createOrderStatusUpdatedEvent({
          payload: { state: { status: 'ORDER_PREPARING' }, order: { seller: { name: 'Amazon' } } },
          audience: { user },
          now: clock.now,
        }),
      tracker,
      { concurrency: 1 },
    );
    expect(result.summary).toEqual({ users: 4, sent: 3, failed: 1, outboxed: 0 });
    expect(result.failures.map(({ userId, error }) => [userId, error.status])).toEqual([
      ['u2', 403],
    ]);
    await client.close();
  });
});
