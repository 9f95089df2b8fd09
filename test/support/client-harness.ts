/** Builds clients against a FakeAmazon with recorded (instant) sleeps and fixed jitter. */
import {
  ProactiveEventsClient,
  type ProactiveEventsClientOptions,
} from '../../runtime/client/client.js';
import type { FakeAmazon } from './fake-amazon.js';
import { testValidator } from './events.js';

export interface Harness {
  client: ProactiveEventsClient;
  /** Every wait the client asked for, in ms. */
  sleeps: number[];
  /** Moves the injected clock. */
  clock: { now: number };
}

export function harness(
  fake: FakeAmazon,
  overrides: Partial<ProactiveEventsClientOptions> = {},
): Harness {
  const sleeps: number[] = [];
  const clock = { now: Date.parse('2025-01-01T00:00:00Z') };
  const client = new ProactiveEventsClient({
    clientId: fake.options.clientId,
    clientSecret: fake.options.clientSecret,
    apiUrl: fake.origin,
    tokenUrl: fake.tokenUrl,
    validate: testValidator,
    now: () => clock.now,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...overrides,
  });
  return { client, sleeps, clock };
}
