import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  joinList,
  normalizeUtterance,
  pluralWord,
  spokenCount,
  spokenDate,
} from '../../../runtime/utterance/speak.js';

describe('utterance helpers', () => {
  it('join lists without a serial comma, per locale', () => {
    expect(joinList(['glass'], 'en-US')).toBe('glass');
    expect(joinList(['glass', 'cans'], 'en-US')).toBe('glass and cans');
    expect(joinList(['glass', 'cans', 'bottles'], 'en-US')).toBe('glass, cans and bottles');
    expect(joinList(['Glas', 'Dosen', 'Flaschen'], 'de-DE')).toBe('Glas, Dosen und Flaschen');
  });

  it("speak dates in the locale's long form", () => {
    const date = new Date('2019-05-18T12:00:00Z');
    expect(spokenDate(date, 'en-US', 'UTC')).toBe('May 18, 2019');
    expect(spokenDate(date, 'de-DE', 'UTC')).toBe('18. Mai 2019');
    expect(spokenDate(new Date('2019-05-18T02:00:00Z'), 'en-US', 'America/New_York')).toBe(
      'May 17, 2019',
    );
  });

  it('speak small English counts in words, others in digits', () => {
    expect([0, 1, 3, 10, 11, 1200].map((count) => spokenCount(count, 'en-US'))).toEqual([
      'zero',
      'one',
      'three',
      'ten',
      '11',
      '1,200',
    ]);
    expect(spokenCount(3, 'de-DE')).toBe('3');
  });

  it('choose the singular by the plural rules', () => {
    expect(
      [0, 1, 2, 101].map((count) => pluralWord(count, 'message', 'messages', 'en-US')),
    ).toEqual(['messages', 'message', 'messages', 'messages']);
  });

  it('tidy spacing and punctuation', () => {
    expect(normalizeUtterance(' You have  three\n  messages  .')).toBe('You have three messages.');
    expect(normalizeUtterance('Provided by Example Corp..')).toBe('Provided by Example Corp.');
    expect(normalizeUtterance('Apples scored!.')).toBe('Apples scored!');
    expect(normalizeUtterance('18. Mai 2019')).toBe('18. Mai 2019');
  });

  it('skips the replacements only where they would change nothing', () => {
    const replaced = (text: string) =>
      text
        .replace(/\s+/g, ' ')
        .replace(/ (?=[,.!?;:])/g, '')
        .replace(/([.!?])\.+/g, '$1')
        .trim();
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            ' ',
            '\n',
            '\t',
            '\u0001',
            '.',
            ',',
            '!',
            '?',
            ';',
            'a',
            '\u00a0',
            '\u2028',
            'é',
          ),
        }),
        (text) => {
          // Built by concatenation, as a rendered sentence is.
          const rope = [...text].reduce((sentence, char) => sentence + char, '');
          expect(normalizeUtterance(rope)).toBe(replaced(text));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('normalisation is idempotent and leaves no double spaces', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(' ', '\n', '\t', '.', ',', '!', 'a', 'B', '\u00a0') }),
        (text) => {
          const once = normalizeUtterance(text);
          expect(normalizeUtterance(once)).toBe(once);
          expect(once).not.toMatch(/\s\s| [,.!?;:]|[.!?]\.|^\s|\s$/);
        },
      ),
    );
  });
});
