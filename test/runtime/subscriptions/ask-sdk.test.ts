import { readFileSync } from 'node:fs';
import { SkillBuilders, type HandlerInput, type RequestHandler } from 'ask-sdk-core';
import ts from 'typescript';
import type { RequestEnvelope } from 'ask-sdk-model';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSubscriptionChangedHandler } from '../../../runtime/subscriptions/ask-sdk.js';
import { MemorySubscriptionStore } from '../../../runtime/subscriptions/memory-store.js';
import { InvalidSubscriptionChangeError } from '../../../runtime/subscriptions/parse.js';
import { SubscriptionTracker } from '../../../runtime/subscriptions/tracker.js';
import { MESSAGE, ORDER } from './helpers.js';

const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/subscription-changed.json', import.meta.url), 'utf8'),
) as RequestEnvelope;
const USER = 'amzn1.ask.account.AFQ3EXAMPLEUSER';

const launch = {
  ...fixture,
  request: {
    type: 'LaunchRequest',
    requestId: 'amzn1.echo-api.request.1',
    timestamp: '2019-02-28T17:31:00Z',
    locale: 'en-US',
  },
} as RequestEnvelope;

describe('createSubscriptionChangedHandler in a real ask-sdk-core skill', () => {
  let store: MemorySubscriptionStore;
  let tracker: SubscriptionTracker;

  beforeEach(() => {
    store = new MemorySubscriptionStore();
    tracker = new SubscriptionTracker({ store, knownEventNames: [ORDER] });
  });
  afterEach(async () => {
    await store.close();
  });

  it('is a RequestHandler that records the change and answers with an empty response', async () => {
    const onChange = vi.fn();
    const handler: RequestHandler = createSubscriptionChangedHandler(tracker, { onChange });
    const skill = SkillBuilders.custom().addRequestHandlers(handler).create();

    const response = await skill.invoke(fixture);
    expect(response.version).toBe('1.0');
    expect(response.response).toEqual({});
    expect(await tracker.subscriptionsOf(USER)).toEqual([MESSAGE, ORDER]);
    expect(onChange).toHaveBeenCalledTimes(1);
    const [outcome, change, input] = onChange.mock.calls[0] as [unknown, unknown, HandlerInput];
    expect(outcome).toEqual({
      applied: true,
      subscribed: [MESSAGE, ORDER],
      unsubscribed: [],
      current: [MESSAGE, ORDER],
    });
    expect(change).toMatchObject({ userId: USER, unknownEventNames: [MESSAGE] });
    expect(input.requestEnvelope).toBe(fixture);

    // A redelivery is answered the same way but does not call onChange again.
    expect((await skill.invoke(fixture)).response).toEqual({});
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('declines other requests', async () => {
    const handler = createSubscriptionChangedHandler(tracker);
    const skill = SkillBuilders.custom().addRequestHandlers(handler).create();
    await expect(skill.invoke(launch)).rejects.toThrow('Unable to find a suitable request handler');
    const input = { requestEnvelope: launch } as HandlerInput;
    expect(handler.canHandle(input)).toBe(false);
    expect(handler.canHandle({ requestEnvelope: {} } as HandlerInput)).toBe(false);
  });

  it('hands an invalid request to the skill’s error handler, store untouched', async () => {
    const errors: unknown[] = [];
    const skill = SkillBuilders.custom()
      .addRequestHandlers(createSubscriptionChangedHandler(tracker))
      .addErrorHandlers({
        canHandle: () => true,
        handle: (input, error) => {
          errors.push(error);
          return input.responseBuilder.getResponse();
        },
      })
      .create();
    const invalid = structuredClone(fixture) as RequestEnvelope & {
      request: { timestamp: string };
    };
    invalid.request.timestamp = '2019-02-29T17:30:00Z';
    await skill.invoke(invalid);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(InvalidSubscriptionChangeError);
    expect((errors[0] as InvalidSubscriptionChangeError).issues).toEqual([
      {
        path: '/request/timestamp',
        code: 'format',
        message:
          '/request/timestamp: "2019-02-29T17:30:00Z" is not a real date: 2019-02 has 28 days',
      },
    ]);
    expect(await store.stateOf(USER)).toBeUndefined();
  });
});

describe('the ASK SDK module', () => {
  it('does not load ask-sdk-core or ask-sdk-model at run time', () => {
    const source = readFileSync(
      new URL('../../../runtime/subscriptions/ask-sdk.ts', import.meta.url),
      'utf8',
    );
    const output = ts.transpileModule(source, {
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        verbatimModuleSyntax: true,
      },
    }).outputText;
    const imports = [...output.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]);
    expect(imports).toEqual(['./types.js']);
  });
});
