// Builders for ProactiveSubscriptionChanged requests, so each test states only what it is about.
import { MemorySubscriptionStore } from '../../../runtime/subscriptions/memory-store.js';
import { SqliteSubscriptionStore } from '../../../runtime/subscriptions/sqlite-store.js';
import type { ListableSubscriptionStore } from '../../../runtime/subscriptions/store.js';

export const APPLICATION_ID = 'amzn1.ask.skill.test';

export const ORDER = 'AMAZON.OrderStatus.Updated';
export const MESSAGE = 'AMAZON.MessageAlert.Activated';
export const WEATHER = 'AMAZON.WeatherAlert.Activated';
export const TRASH = 'AMAZON.TrashCollectionAlert.Activated';
export const MEDIA = 'AMAZON.MediaContent.Available';

export interface RequestSpec {
  userId?: string;
  requestId: string;
  timestamp: string;
  /** undefined: no `body` at all. */
  events?: readonly string[];
}

/** A complete, valid request envelope. */
export function request(spec: RequestSpec): Record<string, unknown> {
  return {
    version: '1.0',
    context: {
      System: {
        application: { applicationId: APPLICATION_ID },
        user: { userId: spec.userId ?? 'amzn1.ask.account.user-1' },
        apiEndpoint: 'https://api.amazonalexa.com',
      },
    },
    request: {
      type: 'AlexaSkillEvent.ProactiveSubscriptionChanged',
      requestId: spec.requestId,
      timestamp: spec.timestamp,
      locale: 'en-US',
      ...(spec.events === undefined
        ? {}
        : { body: { subscriptions: spec.events.map((eventName) => ({ eventName })) } }),
    },
  };
}

/** Both built-in stores, so behaviour tests run against each. */
export const storeFactories: readonly [string, () => ListableSubscriptionStore][] = [
  ['MemorySubscriptionStore', () => new MemorySubscriptionStore()],
  ['SqliteSubscriptionStore', () => new SqliteSubscriptionStore({ path: ':memory:' })],
];

/** All orderings of `items` (n! of them). */
export function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [
      item,
      ...rest,
    ]),
  );
}
