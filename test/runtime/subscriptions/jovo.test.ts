import { describe, expect, it } from 'vitest';
import {
  isSubscriptionChangedRequest,
  trackJovoSubscriptionChange,
} from '../../../runtime/subscriptions/jovo.js';
import { MemorySubscriptionStore } from '../../../runtime/subscriptions/memory-store.js';
import { SubscriptionTracker } from '../../../runtime/subscriptions/tracker.js';
import { ORDER, request, WEATHER } from './helpers.js';

/** Like Jovo's AlexaRequest: the JSON copied onto a class instance. */
class AlexaRequestLike {
  constructor(json: Record<string, unknown>) {
    Object.assign(this, json);
  }
}

/** Like a request wrapper that only exposes its JSON through toJSON(). */
const wrapped = (json: Record<string, unknown>) => ({ toJSON: () => json });

describe('Jovo helper', () => {
  it('recognises the request type from the raw request', () => {
    const json = request({ requestId: 'r', timestamp: '2021-01-01T00:00:00Z', events: [] });
    expect(isSubscriptionChangedRequest(json)).toBe(true);
    expect(isSubscriptionChangedRequest(new AlexaRequestLike(json))).toBe(true);
    expect(isSubscriptionChangedRequest(wrapped(json))).toBe(true);
    expect(isSubscriptionChangedRequest({ request: { type: 'LaunchRequest' } })).toBe(false);
    expect(isSubscriptionChangedRequest(undefined)).toBe(false);
  });

  it('tracks the change of a Jovo request object', async () => {
    const tracker = new SubscriptionTracker({ store: new MemorySubscriptionStore() });
    const first = new AlexaRequestLike(
      request({ requestId: 'a', timestamp: '2021-01-01T00:00:00Z', events: [ORDER, WEATHER] }),
    );
    const second = wrapped(
      request({ requestId: 'b', timestamp: '2021-01-02T00:00:00Z', events: [WEATHER] }),
    );
    expect((await trackJovoSubscriptionChange(tracker, first)).outcome).toEqual({
      applied: true,
      subscribed: [ORDER, WEATHER],
      unsubscribed: [],
      current: [ORDER, WEATHER],
    });
    const tracked = await trackJovoSubscriptionChange(tracker, second);
    expect(tracked.outcome).toEqual({
      applied: true,
      subscribed: [],
      unsubscribed: [ORDER],
      current: [WEATHER],
    });
    expect(tracked.change.requestId).toBe('b');
    await expect(trackJovoSubscriptionChange(tracker, { request: {} })).rejects.toMatchObject({
      issues: [
        { path: '/request/type', code: 'required' },
        { path: '/request/requestId', code: 'required' },
        { path: '/request/timestamp', code: 'required' },
        { path: '/context', code: 'required' },
      ],
    });
  });
});
