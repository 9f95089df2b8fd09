/**
 * The code a user of the installed package writes, as text for the fresh projects. Each program
 * prints one JSON line; `expectedConsumerOutput` is what it must print.
 */

import { readFileSync } from 'node:fs';

/** Every JavaScript subpath package.json exports (not `.`, the JSON schemas or package.json). */
export const exportedSubpaths: readonly string[] = Object.entries(
  (
    JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      exports: Record<string, unknown>;
    }
  ).exports,
)
  .filter(([key, target]) => key !== '.' && typeof target === 'object')
  .map(([key]) => key.slice(2));

/**
 * A TypeScript program over the root and every subpath whose types need nothing but the package
 * (the ASK SDK adapter's types need ask-sdk-core: `askSdkSource`). The same text compiles as an ES
 * module (nodenext), as CommonJS (node16) and under `moduleResolution: bundler`. No @types/node and
 * no DOM library: `console` is declared here, so the package's own declarations must stand alone.
 */
export const consumerSource = `
import {
  createOrderStatusUpdatedEvent,
  eventNames,
  manifestFragment,
  previewUtterance,
  ProactiveEventsClient,
  validateProactiveEvent,
  type ProactiveEvent,
  type ProactiveEventsClientOptions,
  type SendResult,
  type ValidationResult,
} from 'alexa-proactive-events';
import * as runtime from 'alexa-proactive-events/runtime';
import { MemorySubscriptionStore, SubscriptionTracker } from 'alexa-proactive-events/subscriptions';
import { isSubscriptionChangedRequest } from 'alexa-proactive-events/subscriptions/jovo';
import { diagnose } from 'alexa-proactive-events/doctor';

declare const console: { log(...values: unknown[]): void };

const event: ProactiveEvent = createOrderStatusUpdatedEvent({
  payload: {
    state: { status: 'ORDER_SHIPPED', deliveryDetails: { expectedArrival: '2030-05-03T18:00:00Z' } },
    order: { seller: { name: 'Example Shop' } },
  },
  audience: { user: 'amzn1.ask.account.EXAMPLE' },
});
const result: ValidationResult = validateProactiveEvent(event);
const broken: ValidationResult = validateProactiveEvent({ event: { name: event.event.name, payload: {} } });

const options: ProactiveEventsClientOptions = {
  clientId: 'amzn1.application-oa2-client.EXAMPLE',
  clientSecret: 'not-a-secret',
  region: 'EU',
  stage: 'development',
};
const client = new ProactiveEventsClient(options);
const send: (event: ProactiveEvent) => Promise<SendResult> = (e) => client.sendProactiveEvent(e);

export function typeErrors(): void {
  // @ts-expect-error Amazon's OrderStatus has no such status
  createOrderStatusUpdatedEvent({ payload: { state: { status: 'ORDER_LOST' }, order: { seller: { name: 'x' } } }, audience: 'Multicast' });
}

const tracker = new SubscriptionTracker({ store: new MemorySubscriptionStore(), knownEventNames: eventNames });
console.log(
  JSON.stringify({
    valid: result.valid,
    brokenAt: broken.errors[0]?.path,
    preview: previewUtterance(event),
    publications: manifestFragment().events.publications.length === eventNames.length,
    send: typeof send,
    runtimeClient: typeof runtime.ProactiveEventsClient,
    tracker: typeof tracker.apply,
    jovo: isSubscriptionChangedRequest({ request: { type: 'AlexaSkillEvent.ProactiveSubscriptionChanged' } }),
    doctor: typeof diagnose,
  }),
);
`;

export const expectedConsumerOutput = {
  valid: true,
  brokenAt: '/timestamp',
  preview: 'Your order from Example Shop has been shipped and will arrive by May 3, 2030.',
  publications: true,
  send: 'function',
  runtimeClient: 'function',
  tracker: 'function',
  jovo: true,
  doctor: 'function',
};

/** Plain CommonJS: require() of the root and of every subpath, then build, validate, preview. */
export const requireSource = `'use strict';
const api = require('alexa-proactive-events');
const subpaths = ${JSON.stringify(exportedSubpaths)};
const loaded = Object.fromEntries(
  subpaths.map((subpath) => [subpath, Object.keys(require('alexa-proactive-events/' + subpath)).length > 0]),
);
const event = api.createOrderStatusUpdatedEvent({
  payload: { state: { status: 'ORDER_SHIPPED' }, order: { seller: { name: 'Example Shop' } } },
  audience: { user: 'amzn1.ask.account.EXAMPLE' },
});
console.log(
  JSON.stringify({
    loaded,
    // One class across the entries (the bundled entries share chunks): instanceof holds.
    oneErrorClass: api.ProactiveEventsError === require('alexa-proactive-events/runtime').ProactiveEventsError,
    valid: api.validateProactiveEvent(event).valid,
    preview: api.previewUtterance(event),
  }),
);
`;

/** A Lambda-style handler that builds, validates and previews (what the bundle-size target is about). */
export const handlerSource = `
import { createOrderStatusUpdatedEvent, previewUtterance, validateProactiveEvent } from 'alexa-proactive-events';

export async function handler(input) {
  const event = createOrderStatusUpdatedEvent({
    payload: { state: { status: input.status }, order: { seller: { name: input.seller } } },
    audience: { user: input.userId },
  });
  const { valid } = validateProactiveEvent(event);
  return { valid, preview: previewUtterance(event) };
}
`;

export const handlerInput = {
  status: 'ORDER_SHIPPED',
  seller: 'Example Shop',
  userId: 'amzn1.ask.account.EXAMPLE',
};

export const handlerOutput = {
  valid: true,
  preview: 'Your order from Example Shop has been shipped.',
};

/** A handler that records a subscription change in SQLite, then lists the event's subscribers. */
export const sqliteHandlerSource = `
import { SqliteSubscriptionStore, SubscriptionTracker } from 'alexa-proactive-events/subscriptions';

export async function handler(input) {
  const store = new SqliteSubscriptionStore({ path: input.path });
  const tracker = new SubscriptionTracker({ store });
  const outcome = await tracker.apply(input.request);
  const subscribers = [];
  for await (const userId of tracker.subscribersOf('AMAZON.OrderStatus.Updated')) subscribers.push(userId);
  await store.close();
  return { subscribed: outcome.subscribed, subscribers };
}
`;

/**
 * A program that runs a bundle's handler once and prints its answer: an ES module importing an ESM
 * bundle, a CommonJS file requiring a CJS one (`runner.mjs` / `runner.cjs`).
 */
export function bundleRunner(bundle: string, format: 'esm' | 'cjs', input: unknown): string {
  const call = `handler(${JSON.stringify(input)}).then((answer) => console.log(JSON.stringify(answer)));\n`;
  return format === 'esm'
    ? `import { handler } from './${bundle}';\n${call}`
    : `'use strict';\nconst { handler } = require('./${bundle}');\n${call}`;
}

/** A ProactiveSubscriptionChanged request subscribing `userId` to the given events. */
export function subscriptionRequest(
  userId: string,
  requestId: string,
  events: readonly string[],
  timestamp = '2024-05-01T12:00:00Z',
): unknown {
  return {
    version: '1.0',
    context: {
      System: {
        application: { applicationId: 'amzn1.ask.skill.EXAMPLE' },
        user: { userId },
        apiEndpoint: 'https://api.amazonalexa.com',
      },
    },
    request: {
      type: 'AlexaSkillEvent.ProactiveSubscriptionChanged',
      requestId,
      timestamp,
      locale: 'en-US',
      body: { subscriptions: events.map((eventName) => ({ eventName })) },
    },
  };
}
