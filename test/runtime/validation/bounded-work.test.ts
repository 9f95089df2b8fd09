import { describe, expect, it } from 'vitest';
import { isProactiveEvent, validateProactiveEvent } from '../../../generated/validate.js';
import { Collector } from '../../../runtime/validation/collector.js';
import {
  checkLocalizedAttributes,
  invalidAttributes,
  localizedAttributesState,
  quietAttributes,
} from '../../../runtime/validation/localized.js';
import { gameInvite, variant } from './fixtures.js';

/**
 * The work of the localized-attribute checks is linear in the value, whatever its shape: the
 * slow cases the fuzz found (bench/fuzz.bench.ts), asserted by what the checks read and report,
 * never by the clock. Reads are counted by Proxies over plain entries.
 */

const localePattern = /^[a-z]{2}-[A-Z]{2}$/;
const schema = { name: 'AMAZON.SocialGameInvite.Available', locales: ['en-US'] };

/** A locale tag per index: aa-AA, aa-AB, …, all distinct. */
function localeOf(index: number): string {
  const letter = (n: number) => String.fromCharCode(97 + (Math.floor(n) % 26));
  return `${letter(index / 26 ** 3)}${letter(index / 26 ** 2)}-${letter(index / 26).toUpperCase()}${letter(index).toUpperCase()}`;
}

/** `entries`, each wrapped in a Proxy that counts every trap called on it into `reads.count`. */
function counted(entries: object[], reads: { count: number }): object[] {
  const count = <T>(result: T): T => {
    reads.count++;
    return result;
  };
  const handler: ProxyHandler<object> = {
    get: (target, key, receiver) => count(Reflect.get(target, key, receiver)),
    has: (target, key) => count(Reflect.has(target, key)),
    ownKeys: (target) => count(Reflect.ownKeys(target)),
    getOwnPropertyDescriptor: (target, key) => count(Reflect.getOwnPropertyDescriptor(target, key)),
  };
  return entries.map((entry) => new Proxy(entry, handler));
}

describe('localized attributes: work linear in the value', () => {
  it('counts a thousand references missing from a thousand entries without asking each entry for each key', () => {
    const collector = new Collector('localizedattribute:');
    for (let key = 0; key < 1000; key++) {
      collector.references.push({ key: `k${key}`, path: `/event/payload/items/${key}` });
    }
    const reads = { count: 0 };
    const entries = counted(
      Array.from({ length: 1000 }, (_, index) => ({ locale: localeOf(index) })),
      reads,
    );
    checkLocalizedAttributes(collector, entries, '/localizedAttributes', { localePattern, schema });
    const result = collector.result();
    // Every one of the 1000 × 1000 missing keys is counted, the first thousand listed.
    expect(result.errors).toHaveLength(1001);
    expect(result.errors[0]).toEqual({
      path: '/localizedAttributes/0',
      code: 'localized-missing',
      message: 'The aa-AA entry has no "k0", which /event/payload/items/0 refers to; add it.',
      expected: 'k0',
    });
    expect(result.errors[999]!.message).toBe(
      'The ab-ML entry has no "k0", which /event/payload/items/0 refers to; add it.',
    );
    expect(result.errors[1000]!.message).toBe(
      '999000 more issues are not listed; fix the ones above first.',
    );
    // A few reads per entry (its keys, its locale), not one per entry and reference (10^6).
    expect(reads.count).toBeLessThan(10 * 1000);
  });

  it('visits the entries holding a key only until the last one lacking it', () => {
    const collector = new Collector('localizedattribute:');
    collector.references.push({ key: 'gameName', path: '/event/payload/game/name' });
    const entries = Array.from({ length: 500 }, (_, index) =>
      index === 7 || index === 400
        ? { locale: localeOf(index) }
        : { locale: localeOf(index), gameName: 'x' },
    );
    checkLocalizedAttributes(collector, entries, '/localizedAttributes', { localePattern, schema });
    expect(
      collector.result().errors.map((issue) => `${issue.path} ${issue.code}: ${issue.message}`),
    ).toEqual([
      '/localizedAttributes/7 localized-missing: The aa-AH entry has no "gameName", which /event/payload/game/name refers to; add it.',
      '/localizedAttributes/400 localized-missing: The aa-PK entry has no "gameName", which /event/payload/game/name refers to; add it.',
    ]);
  });

  it('composes no message per unknown key once the lists are full, and counts every one', () => {
    const event = variant(gameInvite, (copy) => {
      const entry = (copy.localizedAttributes as Record<string, unknown>[])[0]!;
      for (let key = 0; key < 20_000; key++) entry[`${'k'.repeat(300)}${key}`] = key;
    });
    const result = validateProactiveEvent(event);
    expect(result.errors).toHaveLength(1001);
    expect(result.warnings).toHaveLength(1001);
    expect(result.errors[1000]!.message).toBe(
      '19000 more issues are not listed; fix the ones above first.',
    );
    expect(result.warnings[1000]!.message).toBe(
      '19000 more issues are not listed; fix the ones above first.',
    );
    // Keys of 300 characters are shortened in messages: 2,000 messages are not 2,000 copies of them.
    const longest = Math.max(
      ...[...result.errors, ...result.warnings].map((issue) => issue.message.length),
    );
    expect(longest).toBeLessThan(300);
    expect(isProactiveEvent(event)).toBe(false);
  });

  it('names a long missing key shortened, however many entries lack it', () => {
    const key = 'k'.repeat(200_000);
    const collector = new Collector('localizedattribute:');
    collector.references.push({ key, path: '/event/payload/game/name' });
    const entries = Array.from({ length: 2000 }, (_, index) => ({ locale: localeOf(index) }));
    checkLocalizedAttributes(collector, entries, '/localizedAttributes', { localePattern, schema });
    const { errors } = collector.result();
    expect(errors).toHaveLength(1001);
    expect(errors[0]!.message).toBe(
      `The aa-AA entry has no "${'k'.repeat(57)}"…, which /event/payload/game/name refers to; add it.`,
    );
    expect(errors[1000]!.message).toBe(
      '1000 more issues are not listed; fix the ones above first.',
    );
  });
});

describe('localizedAttributes of a hundred thousand bad entries', () => {
  const withEntries = (entries: unknown[]) =>
    variant(gameInvite, (copy) => {
      copy.localizedAttributes = entries as never;
    });

  it('lists the first thousand entries that are no objects and counts the rest', () => {
    const result = validateProactiveEvent(withEntries(Array.from({ length: 99_000 }, () => 1)));
    expect(result.errors).toHaveLength(1001);
    expect(result.errors[0]).toEqual({
      path: '/localizedAttributes/0',
      code: 'type',
      message: 'Expected an object, but got the number 1.',
      expected: 'an object',
      received: 1,
    });
    // 98,000 more entries, and the game name no entry holds.
    expect(result.errors[1000]!.message).toBe(
      '98001 more issues are not listed; fix the ones above first.',
    );
  });

  it('counts every repeated locale, and lists where each first stood', () => {
    const entries = Array.from({ length: 30_000 }, () => ({ locale: 'en-US', gameName: 'x' }));
    const result = validateProactiveEvent(withEntries(entries));
    expect(result.errors).toHaveLength(1001);
    expect(result.errors[0]!.message).toBe(
      'en-US already has an entry (/localizedAttributes/0); merge the two.',
    );
    expect(result.errors[1000]!.message).toBe(
      '28999 more issues are not listed; fix the ones above first.',
    );
    expect(isProactiveEvent(withEntries(entries))).toBe(false);
  });
});

describe('localizedAttributesState: each entry costs its own keys', () => {
  it('checks a reference made 10,000 times once per entry', () => {
    const references = Array.from({ length: 10_000 }, () => 'gameName');
    const reads = { count: 0 };
    const entries = counted(
      Array.from({ length: 1000 }, (_, index) => ({ locale: localeOf(index), gameName: 'x' })),
      reads,
    );
    expect(localizedAttributesState(entries, references, localePattern) !== invalidAttributes).toBe(
      true,
    );
    expect(reads.count).toBeLessThan(20 * 1000);
  });

  it('agrees with the full check on which keys an entry holds: own enumerable ones, as JSON sends them', () => {
    const hidden = Object.defineProperty({ locale: 'en-US' }, 'gameName', {
      value: 'x',
      enumerable: false,
    });
    const inherited = Object.assign(Object.create({ gameName: 'x' }) as object, {
      locale: 'en-US',
    });
    for (const entry of [hidden, inherited]) {
      expect(
        localizedAttributesState([entry], ['gameName'], localePattern) !== invalidAttributes,
      ).toBe(false);
      const collector = new Collector('localizedattribute:');
      collector.references.push({ key: 'gameName', path: '/event/payload/game/name' });
      checkLocalizedAttributes(collector, [entry], '/localizedAttributes', {
        localePattern,
        schema,
      });
      expect(collector.result().errors.map((issue) => issue.code)).toEqual(['localized-missing']);
    }
    expect(
      localizedAttributesState([{ locale: 'en-US', gameName: 'x' }], ['gameName'], localePattern),
    ).toBe(quietAttributes);
  });
});
