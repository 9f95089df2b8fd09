import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../../runtime/suggest.js';

/** Levenshtein by the textbook: a full table, nothing reused, no early exit. */
function reference(a: string, b: string): number {
  const left = a.toLowerCase();
  const right = b.toLowerCase();
  const table = Array.from({ length: left.length + 1 }, (_, i) =>
    Array.from({ length: right.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= left.length; i++) {
    for (let j = 1; j <= right.length; j++) {
      table[i]![j] = Math.min(
        table[i - 1]![j]! + 1,
        table[i]![j - 1]! + 1,
        table[i - 1]![j - 1]! + (left[i - 1] === right[j - 1] ? 0 : 1),
      );
    }
  }
  return table[left.length]![right.length]!;
}

const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', 'é'), maxLength: 90 });

describe('suggestions', () => {
  it('measures edit distance as the textbook table does, whatever was measured before', () => {
    fc.assert(fc.property(word, word, (a, b) => editDistance(a, b) === reference(a, b)));
  });

  it('suggests the first closest candidate within a third of the name, as a full search would', () => {
    fc.assert(
      fc.property(word, fc.array(word, { maxLength: 6 }), (name, candidates) => {
        const limit = Math.max(2, Math.floor(name.length / 3));
        let expected: string | undefined;
        let best = Infinity;
        for (const candidate of candidates) {
          const found = reference(name, candidate);
          if (found < best) [expected, best] = [candidate, found];
        }
        expect(closest(name, candidates)).toBe(best <= limit ? expected : undefined);
      }),
    );
  });

  it('suggests the known name for a typo, and nothing for a stranger', () => {
    expect(closest('tornadoo', ['HURRICANE', 'TORNADO'])).toBe('TORNADO');
    expect(closest('payload', ['name', 'type'])).toBeUndefined();
  });
});
