import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTidyTemplate } from '../../../generator/emitters/previewers/compile-template.js';
import type { TemplatePart } from '../../../generator/model/types.js';
import { isPlainValue, isTidy, normalizeUtterance } from '../../../runtime/utterance/speak.js';

/**
 * The previewer skips normalizeUtterance when the variant's template is tidy (isTidyTemplate, at
 * generation) and every value it spoke is plain (isPlainValue, at run time). That is sound only
 * if such a sentence is always one normalizeUtterance returns unchanged: checked here over
 * random templates and values made of the characters normalization cares about.
 */

/** Characters that make text untidy, beside ones that do not; mostly the ASCII ones, so that
 * plain values and tidy templates are common and meet at every kind of edge. */
const ascii = [' ', ' ', '.', '.', ',', '!', '?', ';', ':', 'a', 'B', '7', '-', "'", '('];
const other = [
  '\t',
  '\n',
  '\u00a0',
  '\u2009',
  '\u202f',
  '\u3000',
  '\ufeff',
  'é',
  '\u0001',
  '\u007f',
];
const characters = fc.oneof(
  { weight: 9, arbitrary: fc.constantFrom(...ascii) },
  { weight: 1, arbitrary: fc.constantFrom(...other) },
);
const text = fc.array(characters, { maxLength: 5 }).map((chars) => chars.join(''));

const part: fc.Arbitrary<TemplatePart> = fc.oneof(
  text.map((value) => ({ kind: 'text', text: value }) as const),
  fc.constant({ kind: 'field', path: ['value'] } as const),
);

describe('a tidy template speaking plain values', () => {
  it('makes a sentence normalizeUtterance leaves as it is', () => {
    let checked = 0;
    fc.assert(
      fc.property(
        fc.array(part, { maxLength: 6 }),
        fc.array(text, { maxLength: 6 }),
        (parts, values) => {
          if (!isTidyTemplate(parts)) return;
          let next = 0;
          let sentence = '';
          for (const piece of parts) {
            if (piece.kind === 'text') sentence += piece.text.replace(/\s+/g, ' ');
            else {
              const value = values[next++] ?? 'x';
              if (!isPlainValue(value)) return;
              sentence += value;
            }
          }
          checked++;
          expect(normalizeUtterance(sentence)).toBe(sentence);
        },
      ),
      { seed: 20241129, numRuns: 20_000 },
    );
    // The property must have been exercised, not vacuously true.
    expect(checked).toBeGreaterThan(2000);
  });
});

describe('isPlainValue', () => {
  it.each([
    ['Example Corp', true],
    ['brand (en-US)', true],
    ["O'Brien-Smith 3", true],
    ['Tuesday, June 4, 2024', true],
    ['', false],
    [' leading', false],
    ['trailing ', false],
    ['two  spaces', false],
    ['a ,b', false],
    ['.starts', false],
    [',starts', false],
    ['ends.', false],
    ['ends!', false],
    ['a!.b', false],
    ['tab\there', false],
    ['non\u00a0breaking', false],
    ['café', false],
  ])('%j is %s', (value, plain) => {
    expect(isPlainValue(value)).toBe(plain);
  });

  it('is never true of a text that is itself untidy', () => {
    fc.assert(
      fc.property(text, (value) => !isPlainValue(value) || isTidy(value)),
      { seed: 7, numRuns: 5000 },
    );
  });
});

describe('isTidyTemplate', () => {
  const field = { kind: 'field', path: ['name'] } as const;
  it.each<[string, TemplatePart[], boolean]>([
    [
      'text and values',
      [{ kind: 'text', text: 'Your order from ' }, field, { kind: 'text', text: ' has shipped.' }],
      true,
    ],
    [
      'runs of white space, which are emitted as one space',
      [{ kind: 'text', text: 'Your  order\nfrom ' }, field],
      true,
    ],
    ['a space before punctuation', [field, { kind: 'text', text: ' .' }], false],
    ['a leading space', [{ kind: 'text', text: ' Your ' }, field], false],
    [
      'a block',
      [{ kind: 'block', helper: 'if', path: ['name'], then: [field], otherwise: [] }],
      false,
    ],
    ['nothing at all', [], true],
  ])('%s: %s', (_name, parts, tidy) => {
    expect(isTidyTemplate(parts)).toBe(tidy);
  });
});
