import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  issueCodes,
  isProactiveEvent,
  validatePayload,
  validateProactiveEvent,
  type ValidationResult,
} from '../../../generated/validate.js';
import { gameInvite, trashCollection, variant } from './fixtures.js';

/**
 * What is wrong with a result, as documented: valid iff no errors, every issue a pointer, a known
 * code, a sentence, serializable. Plain checks, one `expect` per value: thousands of property runs
 * times several issues each made `expect` itself most of this file's time.
 */
function malformed(result: ValidationResult): string[] {
  const wrong: string[] = [];
  if (result.valid !== (result.errors.length === 0)) wrong.push(`valid is ${result.valid}`);
  for (const issue of [...result.errors, ...result.warnings]) {
    if (!(issue.path === '' || issue.path.startsWith('/'))) wrong.push(`path ${issue.path}`);
    if (!knownCodes.has(issue.code)) wrong.push(`code ${issue.code}`);
    if (!/^\S.*[.?)]$/s.test(issue.message)) wrong.push(`message ${issue.message}`);
    try {
      JSON.stringify(issue);
    } catch (error) {
      wrong.push(`unserializable issue: ${String(error)}`);
    }
  }
  return wrong;
}
const knownCodes = new Set<string>(issueCodes);

function checkAnything(value: unknown): void {
  const result = validateProactiveEvent(value, { now: 0 });
  expect({
    full: malformed(result),
    payload: malformed(validatePayload('AMAZON.SocialGameInvite.Available', value)),
    sameVerdict: isProactiveEvent(value) === validateProactiveEvent(value).valid,
  }).toEqual({ full: [], payload: [], sameVerdict: true });
}

const throwing = () => {
  throw new Error('boom');
};
const hostileProxy = new Proxy(
  {},
  {
    get: throwing,
    has: throwing,
    ownKeys: throwing,
    getOwnPropertyDescriptor: throwing,
    getPrototypeOf: throwing,
  },
);
const revoked = Proxy.revocable({}, {});
revoked.revoke();
const cyclic: Record<string, unknown> = variant(gameInvite, () => {});
(cyclic.event as Record<string, unknown>).payload = cyclic;
const cyclicArray: unknown[] = [];
cyclicArray.push(cyclicArray);

const hostile: [string, unknown][] = [
  ['a Proxy whose every trap throws', hostileProxy],
  ['a revoked Proxy', revoked.proxy],
  [
    'a Proxy as the payload',
    { ...gameInvite, event: { name: 'AMAZON.SocialGameInvite.Available', payload: hostileProxy } },
  ],
  ['a revoked Proxy as localizedAttributes', { ...gameInvite, localizedAttributes: revoked.proxy }],
  [
    'a getter that throws at the top',
    Object.defineProperty({ ...gameInvite }, 'timestamp', { get: throwing, enumerable: true }),
  ],
  [
    'a getter that throws in the payload',
    {
      ...gameInvite,
      event: {
        name: 'AMAZON.SocialGameInvite.Available',
        get payload() {
          return throwing();
        },
      },
    },
  ],
  [
    'a getter that throws in a locale entry',
    {
      ...gameInvite,
      localizedAttributes: [
        {
          locale: 'en-US',
          get gameName() {
            return throwing();
          },
        },
      ],
    },
  ],
  ['a cycle through the payload', cyclic],
  ['a cyclic array', cyclicArray],
  [
    'a huge sparse array of locales',
    { ...gameInvite, localizedAttributes: new Array(2 ** 32 - 1) },
  ],
  [
    'a huge array of garbage types',
    variant(
      trashCollection,
      (e) => (e.event.payload.alert.garbageTypes = new Array(1e6).fill('GLASS')),
    ),
  ],
  [
    '__proto__ keys from JSON.parse',
    JSON.parse(
      '{"__proto__": {"x": 1}, "event": {"__proto__": 1, "name": "AMAZON.SocialGameInvite.Available", "payload": {"__proto__": []}}, "localizedAttributes": [{"__proto__": "x", "locale": "en-US"}]}',
    ),
  ],
  ['a null-prototype object', Object.assign(Object.create(null), gameInvite)],
  [
    'a class instance',
    new (class Event {
      timestamp = gameInvite.timestamp;
    })(),
  ],
  ['a Map', new Map(Object.entries(gameInvite))],
  ['a Date', new Date(0)],
  ['a function', () => gameInvite],
  ['a symbol', Symbol('event')],
  ['a bigint', 10n],
  ['undefined', undefined],
  [
    'NaN and Infinity',
    variant(
      trashCollection,
      (e) =>
        (e.event = {
          name: 'AMAZON.MessageAlert.Activated',
          payload: {
            state: { status: 'UNREAD' },
            messageGroup: { creator: { name: 'x' }, count: Infinity },
          },
        }),
    ),
  ],
  ['a String object as a date', { ...gameInvite, timestamp: new String('2019-02-13T14:00:00Z') }],
  [
    'a localized key named __proto__',
    variant(gameInvite, (e) => (e.event.payload.game.name = 'localizedattribute:__proto__')),
  ],
  [
    'a localized key named toString',
    variant(gameInvite, (e) => (e.event.payload.game.name = 'localizedattribute:toString')),
  ],
];

describe('never throws, whatever it is given', () => {
  it.each(hostile)('%s', (_name, value) => {
    expect(() => checkAnything(value)).not.toThrow();
  });

  it('refuses a payload or a locale entry that cannot be read', () => {
    expect(isProactiveEvent(hostile[2]![1])).toBe(false);
    expect(
      validateProactiveEvent(hostile[4]![1]).errors.map((issue) => [issue.path, issue.code]),
    ).toEqual([['/timestamp', 'type']]);
    expect(
      validateProactiveEvent(hostile[9]![1]).errors.map((issue) => [issue.path, issue.code]),
    ).toEqual([['/localizedAttributes', 'items']]);
  });

  it('refuses references to keys an entry only inherits', () => {
    expect(validateProactiveEvent(hostile[22]![1]).errors.map((issue) => issue.code)).toEqual([
      'localized-missing',
    ]);
    expect(validateProactiveEvent(hostile[23]![1]).errors.map((issue) => issue.code)).toEqual([
      'localized-missing',
    ]);
    expect(isProactiveEvent(hostile[23]![1])).toBe(false);
  });

  it('any JSON value gives a well-formed result, the same verdict on both paths', () => {
    fc.assert(fc.property(fc.jsonValue(), checkAnything), { numRuns: 2000, seed: 3 });
  });

  it('any value fast-check can build gives a well-formed result', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withNullPrototype: true,
          withMap: true,
          withSet: true,
          withDate: true,
          withBigInt: true,
          withTypedArray: true,
          withSparseArray: true,
        }),
        checkAnything,
      ),
      { numRuns: 2000, seed: 4 },
    );
  });

  it('any value in place of any part of a valid event gives a well-formed result', () => {
    const places = [
      ['timestamp'],
      ['event'],
      ['event', 'payload'],
      ['event', 'payload', 'invite'],
      ['event', 'payload', 'game', 'name'],
      ['localizedAttributes'],
      ['localizedAttributes', '0'],
      ['relevantAudience'],
      ['relevantAudience', 'payload'],
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...places),
        fc.anything({ withNullPrototype: true, withSparseArray: true }),
        (path, value) => {
          const event = variant(gameInvite, (copy) => {
            let parent = copy;
            for (const segment of path.slice(0, -1)) parent = parent[segment];
            parent[path.at(-1)!] = value;
          });
          checkAnything(event);
        },
      ),
      { numRuns: 2000, seed: 5 },
    );
  });
});
