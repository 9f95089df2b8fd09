import { describe, expect, it } from 'vitest';
import { resolveLocalized } from '../../../runtime/utterance/localized.js';

/** runtime/utterance/localized.ts: the one resolution of `<prefix>KEY` for one locale. */
describe('resolveLocalized', () => {
  const entry = { locale: 'en-US', name: 'Example Corp', brand: 'Brandy', 'te:name': 'tail' };

  it('speaks the entry’s string for KEY, the text itself when it is no reference', () => {
    expect(resolveLocalized('localizedattribute:name', 'localizedattribute:', entry)).toBe(
      'Example Corp',
    );
    expect(resolveLocalized('localizedattribute:brand', 'localizedattribute:', entry)).toBe(
      'Brandy',
    );
    expect(resolveLocalized('Plain text', 'localizedattribute:', entry)).toBe('Plain text');
  });

  it('is undefined without an entry, without the key, or for what the entry inherits', () => {
    expect(resolveLocalized('localizedattribute:name', 'localizedattribute:', undefined)).toBe(
      undefined,
    );
    expect(resolveLocalized('localizedattribute:place', 'localizedattribute:', entry)).toBe(
      undefined,
    );
    expect(resolveLocalized('localizedattribute:toString', 'localizedattribute:', entry)).toBe(
      undefined,
    );
    expect(resolveLocalized('localizedattribute:locale', 'localizedattribute:', entry)).toBe(
      'en-US',
    );
  });

  it('reads the same text by each prefix it is given (the keys it remembers are per prefix)', () => {
    const text = 'localizedattribute:name';
    expect(resolveLocalized(text, 'localizedattribute:', entry)).toBe('Example Corp');
    expect(resolveLocalized(text, 'localizedattribu', entry)).toBe('tail');
    expect(resolveLocalized(text, 'localizedattribute:', entry)).toBe('Example Corp');
  });

  it('resolves every text of a long run correctly, past the number of keys it remembers', () => {
    const many: Record<string, string> = { locale: 'en-US' };
    for (let index = 0; index < 3000; index++) many[`key${index}`] = `value ${index}`;
    for (let round = 0; round < 2; round++) {
      for (let index = 0; index < 3000; index++) {
        expect(
          resolveLocalized(`localizedattribute:key${index}`, 'localizedattribute:', many),
        ).toBe(`value ${index}`);
      }
    }
  });
});
