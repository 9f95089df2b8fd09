import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assertSubscriptionChanged,
  InvalidSubscriptionChangeError,
  parseSubscriptionChanged,
} from '../../../runtime/subscriptions/parse.js';
import type { Issue } from '../../../runtime/subscriptions/types.js';
import { MESSAGE, ORDER, request, WEATHER } from './helpers.js';

const fixture: unknown = JSON.parse(
  readFileSync(new URL('./fixtures/subscription-changed.json', import.meta.url), 'utf8'),
);

/** The fixture's shape, loose enough for tests to break any part of it. */
interface Envelope {
  request: Record<string, unknown>;
  context: {
    System?: {
      user?: { userId?: unknown };
      application: { applicationId?: unknown };
    };
  };
}

/** The request with `mutate` applied to a deep copy. */
function broken(mutate: (envelope: Envelope) => void): Envelope {
  const copy = structuredClone(fixture) as Envelope;
  mutate(copy);
  return copy;
}

function pathsAndCodes(input: unknown): Pick<Issue, 'path' | 'code'>[] {
  const result = parseSubscriptionChanged(input);
  if (result.ok) throw new Error('expected the request to be invalid');
  return result.issues.map(({ path, code }) => ({ path, code }));
}

describe('parseSubscriptionChanged: valid requests', () => {
  it('reduces the fixture to a SubscriptionChange, event names sorted', () => {
    expect(parseSubscriptionChanged(fixture)).toEqual({
      ok: true,
      value: {
        userId: 'amzn1.ask.account.AFQ3EXAMPLEUSER',
        applicationId: 'amzn1.ask.skill.0d1b8d6f-5e2a-4c6b-9a52-0f3c7c1d2e11',
        requestId: 'amzn1.ask.request.7f0c5c1e-6a42-4f0e-b0f4-3d3e0b4f9a10',
        timestamp: '2019-02-28T17:30:00Z',
        time: Date.UTC(2019, 1, 28, 17, 30),
        locale: 'en-US',
        eventNames: [MESSAGE, ORDER],
        unknownEventNames: [],
      },
    });
  });

  it('de-duplicates event names', () => {
    const result = parseSubscriptionChanged(
      request({
        requestId: 'r',
        timestamp: '2020-01-01T00:00:00Z',
        events: [ORDER, MESSAGE, ORDER],
      }),
    );
    expect(result.ok && result.value.eventNames).toEqual([MESSAGE, ORDER]);
  });

  it('keeps unknown event names and lists them', () => {
    const result = parseSubscriptionChanged(
      request({
        requestId: 'r',
        timestamp: '2020-01-01T00:00:00Z',
        events: ['ACME.New.Thing', ORDER],
      }),
      { knownEventNames: [ORDER, WEATHER] },
    );
    expect(result.ok && result.value.eventNames).toEqual(['ACME.New.Thing', ORDER]);
    expect(result.ok && result.value.unknownEventNames).toEqual(['ACME.New.Thing']);
  });

  it.each([
    ['no body', (r: Record<string, unknown>) => delete r['body']],
    ['a body without subscriptions', (r: Record<string, unknown>) => (r['body'] = {})],
    ['an empty list', (r: Record<string, unknown>) => (r['body'] = { subscriptions: [] })],
    ['a null body', (r: Record<string, unknown>) => (r['body'] = null)],
  ])('reads %s as no subscriptions', (_name, mutate) => {
    const result = parseSubscriptionChanged(broken((envelope) => mutate(envelope.request)));
    expect(result.ok && result.value.eventNames).toEqual([]);
  });

  it('leaves locale out when absent', () => {
    const result = parseSubscriptionChanged(
      broken((envelope) => delete envelope.request['locale']),
    );
    expect(result.ok && 'locale' in result.value).toBe(false);
  });
});

describe('parseSubscriptionChanged: invalid requests', () => {
  it.each([
    ['null', null, [{ path: '', code: 'type' }]],
    ['an array', [fixture], [{ path: '', code: 'type' }]],
    ['a string', '{"request":{}}', [{ path: '', code: 'type' }]],
    [
      'an empty object',
      {},
      [
        { path: '/request', code: 'required' },
        { path: '/context', code: 'required' },
      ],
    ],
  ])('%s', (_name, input, expected) => {
    expect(pathsAndCodes(input)).toEqual(expected);
  });

  it('a wrong request type', () => {
    const input = broken((envelope) => (envelope.request['type'] = 'IntentRequest'));
    const result = parseSubscriptionChanged(input);
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          path: '/request/type',
          code: 'enum',
          message:
            '/request/type is "IntentRequest"; expected "AlexaSkillEvent.ProactiveSubscriptionChanged"',
        },
      ],
    });
  });

  it('a missing timestamp', () => {
    const result = parseSubscriptionChanged(
      broken((envelope) => delete envelope.request['timestamp']),
    );
    expect(result).toEqual({
      ok: false,
      issues: [
        { path: '/request/timestamp', code: 'required', message: '/request/timestamp is required' },
      ],
    });
  });

  it('an impossible calendar date', () => {
    const input = broken((envelope) => (envelope.request['timestamp'] = '2019-02-30T10:00:00Z'));
    expect(parseSubscriptionChanged(input)).toEqual({
      ok: false,
      issues: [
        {
          path: '/request/timestamp',
          code: 'format',
          message:
            '/request/timestamp: "2019-02-30T10:00:00Z" is not a real date: 2019-02 has 28 days',
        },
      ],
    });
  });

  it('a timestamp without a zone', () => {
    const input = broken((envelope) => (envelope.request['timestamp'] = '2019-02-28T10:00:00'));
    expect(pathsAndCodes(input)).toEqual([{ path: '/request/timestamp', code: 'format' }]);
  });

  it('reports every problem at once, in envelope order', () => {
    const input = broken((envelope) => {
      envelope.request['type'] = 42;
      envelope.request['requestId'] = '';
      envelope.request['timestamp'] = 1551375000000;
      envelope.request['locale'] = ['en-US'];
      envelope.request['body'] = {
        subscriptions: [{ eventName: ORDER }, 'x', {}, { eventName: 7 }],
      };
      delete envelope.context.System?.user;
      if (envelope.context.System) envelope.context.System.application.applicationId = null;
    });
    expect(pathsAndCodes(input)).toEqual([
      { path: '/request/type', code: 'type' },
      { path: '/request/requestId', code: 'length' },
      { path: '/request/timestamp', code: 'type' },
      { path: '/request/locale', code: 'type' },
      { path: '/request/body/subscriptions/1', code: 'type' },
      { path: '/request/body/subscriptions/2/eventName', code: 'required' },
      { path: '/request/body/subscriptions/3/eventName', code: 'type' },
      { path: '/context/System/user', code: 'required' },
      { path: '/context/System/application/applicationId', code: 'type' },
    ]);
  });

  it.each([
    ['body', 'list', [{ path: '/request/body', code: 'type' }]],
    [
      'subscriptions',
      { eventName: ORDER },
      [{ path: '/request/body/subscriptions', code: 'type' }],
    ],
  ])('a %s of the wrong type', (key, value, expected) => {
    const input = broken((envelope) => {
      envelope.request['body'] = key === 'body' ? value : { subscriptions: value };
    });
    expect(pathsAndCodes(input)).toEqual(expected);
  });

  it('a context without System', () => {
    expect(pathsAndCodes(broken((envelope) => (envelope.context = {})))).toEqual([
      { path: '/context/System', code: 'required' },
    ]);
  });

  it('survives objects whose getters throw', () => {
    const hostile = {
      get request(): never {
        throw new Error('boom');
      },
    };
    expect(parseSubscriptionChanged(hostile)).toEqual({
      ok: false,
      issues: [{ path: '', code: 'type', message: 'the request could not be read: boom' }],
    });
  });

  it('never throws on any JSON-like input', () => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withMap: true, withBigInt: true }),
        (input) => {
          const result = parseSubscriptionChanged(input);
          expect(result.ok).toBe(false);
        },
      ),
    );
  });

  it('never throws on near-valid envelopes', () => {
    const valid = request({ requestId: 'r', timestamp: '2020-01-01T00:00:00Z', events: [ORDER] });
    fc.assert(
      fc.property(
        fc.constantFrom('request', 'context'),
        fc.string(),
        fc.anything(),
        (section, key, value) => {
          const copy = structuredClone(valid) as Record<string, Record<string, unknown>>;
          (copy[section] as Record<string, unknown>)[key] = value;
          const result = parseSubscriptionChanged(copy);
          expect(typeof result.ok).toBe('boolean');
        },
      ),
    );
  });
});

describe('assertSubscriptionChanged', () => {
  it('returns the change of a valid request', () => {
    expect(assertSubscriptionChanged(fixture).eventNames).toEqual([MESSAGE, ORDER]);
  });

  it('throws a typed error listing each issue on its own line', () => {
    const input = broken((envelope) => {
      envelope.request['type'] = 'LaunchRequest';
      delete envelope.request['timestamp'];
    });
    let caught: unknown;
    try {
      assertSubscriptionChanged(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidSubscriptionChangeError);
    const error = caught as InvalidSubscriptionChangeError;
    expect(error.issues.map((issue) => issue.path)).toEqual([
      '/request/type',
      '/request/timestamp',
    ]);
    expect(error.message).toBe(
      [
        'Invalid AlexaSkillEvent.ProactiveSubscriptionChanged request:',
        '  /request/type (enum): /request/type is "LaunchRequest"; expected "AlexaSkillEvent.ProactiveSubscriptionChanged"',
        '  /request/timestamp (required): /request/timestamp is required',
      ].join('\n'),
    );
  });
});

describe('parseSubscriptionChanged: bounds', () => {
  const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);

  it('a timestamp more than the skew in the future is refused with a clear issue', () => {
    const result = parseSubscriptionChanged(
      request({ requestId: 'r', timestamp: '9999-12-31T23:59:59Z', events: [WEATHER] }),
      { now: NOW },
    );
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          path: '/request/timestamp',
          code: 'expiry-window',
          message: `/request/timestamp 9999-12-31T23:59:59Z is ${Math.round((Date.UTC(9999, 11, 31, 23, 59, 59) - NOW) / 1000)} s in the future; at most 300 s of clock skew is accepted`,
        },
      ],
    });
  });

  it('up to the skew (default 5 min, configurable) is accepted', () => {
    const at = (ms: number): string => new Date(NOW + ms).toISOString();
    const ok = (timestamp: string, maxFutureSkewMs?: number) =>
      parseSubscriptionChanged(request({ requestId: 'r', timestamp, events: [WEATHER] }), {
        now: NOW,
        ...(maxFutureSkewMs === undefined ? {} : { maxFutureSkewMs }),
      }).ok;
    expect(ok(at(5 * 60 * 1000))).toBe(true);
    expect(ok(at(5 * 60 * 1000 + 1))).toBe(false);
    expect(ok(at(60 * 60 * 1000), 2 * 60 * 60 * 1000)).toBe(true);
    expect(ok(at(61 * 1000), 60 * 1000)).toBe(false);
  });

  it('too many event names, or one too long, are refused', () => {
    const many = parseSubscriptionChanged(
      request({
        requestId: 'r',
        timestamp: '2019-02-28T17:30:00Z',
        events: Array.from({ length: 101 }, (_, i) => `AMAZON.X${i}.Activated`),
      }),
    );
    expect(many).toEqual({
      ok: false,
      issues: [
        {
          path: '/request/body/subscriptions',
          code: 'items',
          message: '/request/body/subscriptions has 101 entries; at most 100 are accepted',
        },
      ],
    });
    const long = parseSubscriptionChanged(
      request({ requestId: 'r', timestamp: '2019-02-28T17:30:00Z', events: ['A'.repeat(201)] }),
    );
    expect(long).toEqual({
      ok: false,
      issues: [
        {
          path: '/request/body/subscriptions/0/eventName',
          code: 'length',
          message:
            '/request/body/subscriptions/0/eventName is 201 characters long; at most 200 are accepted',
        },
      ],
    });
  });
});
