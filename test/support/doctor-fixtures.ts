/**
 * Shared inputs of the doctor tests: a fixed clock, events built relative to it with the generated
 * builders, the generated validator, catalog and manifest names (what the CLI passes to diagnose),
 * and a memory store with one user.
 */
import {
  createOrderStatusUpdatedEvent,
  createWeatherAlertActivatedEvent,
} from '../../generated/builders.js';
import { schemas } from '../../generated/catalog.js';
import { notificationsPermission, subscriptionEvent } from '../../generated/manifest.js';
import { validateProactiveEvent } from '../../generated/validate.js';
import type { DiagnoseOptions } from '../../runtime/doctor/index.js';
import { MemorySubscriptionStore } from '../../runtime/subscriptions/memory-store.js';

export const NOW = Date.parse('2024-05-01T12:00:00Z');
export const ALICE = 'amzn1.ask.account.ALICE';
export const BOB = 'amzn1.ask.account.BOB';
export const MINUTE = 60_000;

export const generatedInputs = {
  validate: validateProactiveEvent,
  schemas,
  manifestNames: { permission: notificationsPermission, subscription: subscriptionEvent },
} satisfies Partial<DiagnoseOptions>;

/** A valid Unicast OrderStatus event to ALICE, one minute old, expiring in an hour. */
export function orderEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const event = createOrderStatusUpdatedEvent({
    payload: { state: { status: 'ORDER_SHIPPED' }, order: { seller: { name: 'Example Shop' } } },
    audience: { user: ALICE },
    timestamp: NOW - MINUTE,
    expiresIn: '1h',
    referenceId: 'order0001',
    now: NOW - MINUTE,
  }) as unknown as Record<string, unknown>;
  return { ...event, ...overrides };
}

/** A valid Multicast WeatherAlert with texts for en-US and de-DE. */
export function weatherMulticast(): Record<string, unknown> {
  return createWeatherAlertActivatedEvent({
    payload: {
      weatherAlert: {
        alertType: 'SNOW_STORM',
        source: { 'en-US': 'Example Weather Corp', 'de-DE': 'Beispiel-Wetterdienst' },
      },
    },
    audience: 'Multicast',
    timestamp: NOW - MINUTE,
    expiresIn: '30m',
    referenceId: 'weather0001',
    now: NOW - MINUTE,
  }) as unknown as Record<string, unknown>;
}

/** ALICE subscribed to OrderStatus by a request a day before NOW; BOB to WeatherAlert only. */
export async function storeWithAlice(): Promise<MemorySubscriptionStore> {
  const store = new MemorySubscriptionStore();
  await store.applyIfNewer({
    userId: ALICE,
    applicationId: 'amzn1.ask.skill.TEST',
    requestId: 'amzn1.echo-api.request.A1',
    time: NOW - 24 * 60 * MINUTE,
    eventNames: ['AMAZON.OrderStatus.Updated'],
  });
  await store.applyIfNewer({
    userId: BOB,
    applicationId: 'amzn1.ask.skill.TEST',
    requestId: 'amzn1.echo-api.request.B1',
    time: NOW - 100 * 24 * 60 * MINUTE,
    eventNames: ['AMAZON.WeatherAlert.Activated'],
  });
  return store;
}
