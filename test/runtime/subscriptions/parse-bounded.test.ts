import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sortedUnique } from '../../../runtime/subscriptions/order.js';
import { parseSubscriptionChanged } from '../../../runtime/subscriptions/parse.js';

/**
 * parseSubscriptionChanged on hostile requests of up to a megabyte: issues listed up to a
 * thousand and counted beyond (the fuzz found 300,000 bad entries taking about a second), event
 * names sorted in code point order whatever their number.
 */

const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/subscription-changed.json', import.meta.url), 'utf8'),
) as { request: { body: { subscriptions: unknown[] } } };

function withSubscriptions(subscriptions: unknown[]): unknown {
  const copy = structuredClone(fixture);
  copy.request.body.subscriptions = subscriptions;
  return copy;
}

describe('parseSubscriptionChanged: bounded issue lists', () => {
  it('refuses 300,000 entries with one issue, before reading any of them', () => {
    const entries = Array.from({ length: 300_000 }, (_, index) =>
      index % 2 === 0 ? 1 : { eventName: '' },
    );
    const result = parseSubscriptionChanged(withSubscriptions(entries));
    expect(result.ok ? [] : result.issues).toEqual([
      {
        path: '/request/body/subscriptions',
        code: 'items',
        message: '/request/body/subscriptions has 300000 entries; at most 100 are accepted',
      },
    ]);
  });

  it('lists every bad entry of an accepted count, and a name that is too long', () => {
    const entries = Array.from({ length: 100 }, (_, index) =>
      index % 2 === 0 ? 1 : { eventName: '' },
    );
    entries[1] = { eventName: 'x'.repeat(201) };
    const result = parseSubscriptionChanged(withSubscriptions(entries));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(100);
    expect(result.issues.slice(0, 3)).toEqual([
      {
        path: '/request/body/subscriptions/0',
        code: 'type',
        message: '/request/body/subscriptions/0 must be an object, not a number',
      },
      {
        path: '/request/body/subscriptions/1/eventName',
        code: 'length',
        message:
          '/request/body/subscriptions/1/eventName is 201 characters long; at most 200 are accepted',
      },
      {
        path: '/request/body/subscriptions/2',
        code: 'type',
        message: '/request/body/subscriptions/2 must be an object, not a number',
      },
    ]);
  });

  it('lists fewer than a thousand issues as they are', () => {
    const result = parseSubscriptionChanged(withSubscriptions([{}, { eventName: 2 }]));
    expect(result.ok ? [] : result.issues.map((issue) => issue.message)).toEqual([
      '/request/body/subscriptions/0/eventName is required',
      '/request/body/subscriptions/1/eventName must be a string, not a number',
    ]);
  });

  it('sorts the most names a request may carry, and names beyond the BMP, in code point order', () => {
    const names = Array.from({ length: 100 }, (_, index) => `n${(index * 7919) % 100}`);
    const result = parseSubscriptionChanged(
      withSubscriptions(names.map((eventName) => ({ eventName }))),
    );
    expect(result.ok && result.value.eventNames).toEqual([...new Set(names)].sort());
    // U+FFFF sorts before U+10000 by code point, after it by UTF-16 code unit.
    expect(sortedUnique(['\u{10000}', '\uFFFF', 'a', '\uFFFF'])).toEqual([
      'a',
      '\uFFFF',
      '\u{10000}',
    ]);
    expect(sortedUnique(['b', 'a', 'B', 'a'])).toEqual(['B', 'a', 'b']);
  });
});
