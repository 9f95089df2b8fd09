import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateProactiveEvent } from '../../../generated/validate.js';
import { canonicalKeys } from '../../../runtime/validation/canonical.js';
import { isUnique, unique } from '../../../runtime/validation/checks.js';
import { Collector } from '../../../runtime/validation/collector.js';
import { trashCollection, variant } from './fixtures.js';

describe('canonical keys: equal exactly when equal as JSON', () => {
  const same = (a: unknown, b: unknown) => {
    const [x, y] = canonicalKeys([a, b], 2);
    return x === y;
  };

  it('ignores key order, and nothing else', () => {
    expect(same({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toBe(true);
    expect(same(0, -0)).toBe(true);
    expect(same([], {})).toBe(false);
    expect(same([1], [1, 1])).toBe(false);
    expect(same(1, '1')).toBe(false);
    expect(same({ a: 'b' }, { b: 'a' })).toBe(false);
    expect(same(['a', 'b'], { a: 'b' })).toBe(false);
    expect(same(null, 'null')).toBe(false);
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(same(cycle, { self: cycle })).toBe(false);
  });

  it('agrees with JSON.stringify of key-sorted values on any JSON', () => {
    const sorted = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(sorted)
        : typeof value === 'object' && value !== null
          ? Object.fromEntries(
              Object.keys(value)
                .sort()
                .map((key) => [key, sorted((value as Record<string, unknown>)[key])]),
            )
          : value;
    const json = fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.parse(JSON.stringify(value)));
    fc.assert(
      fc.property(json, json, (a, b) => {
        expect(same(a, b)).toBe(JSON.stringify(sorted(a)) === JSON.stringify(sorted(b)));
        expect(same(a, structuredClone(a))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('unique: items of a primitive array', () => {
  it('compares the primitive items only; an object item is a type error, never walked', () => {
    let reads = 0;
    const big = new Proxy(
      Array.from({ length: 100_000 }, (_, i) => ({ i })),
      {
        get: (target, key, receiver) => {
          if (key !== 'length') reads++;
          return Reflect.get(target, key, receiver);
        },
      },
    );
    const event = variant(trashCollection, (copy) => {
      (copy.event as { payload: { alert: Record<string, unknown> } }).payload.alert.garbageTypes = [
        big as never,
        'GLASS',
        big as never,
        'GLASS',
      ];
    });
    expect(
      validateProactiveEvent(event).errors.map(
        (issue) => `${issue.path} ${issue.code}: ${issue.message}`,
      ),
    ).toEqual([
      expect.stringMatching(/^\/event\/payload\/alert\/garbageTypes\/0 type: /),
      expect.stringMatching(/^\/event\/payload\/alert\/garbageTypes\/2 type: /),
      '/event/payload/alert/garbageTypes/3 unique: "GLASS" repeats item 1; remove the duplicate.',
    ]);
    expect(reads).toBe(0);
  });

  it('still compares objects by JSON equality where the items are objects', () => {
    const collector = new Collector('localizedattribute:');
    unique(collector, [{ a: [1, 2] }, { a: [1, 2] }, { a: [2, 1] }], 3, '/list');
    expect(collector.result().errors.map((issue) => issue.path)).toEqual(['/list/1']);
    expect(isUnique([{ a: [1, 2] }, { a: [2, 1] }])).toBe(true);
  });
});
