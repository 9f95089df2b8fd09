import { describe, expect, it } from 'vitest';
import { runFuzz } from './fuzz.js';
import { realModel } from '../../support/definitions.js';

describe('a seeded fuzz run on hostile values', () => {
  it('never throws, and isProactiveEvent agrees with validateProactiveEvent on every case', async () => {
    const model = await realModel();
    const report = runFuzz(model, 3000, 20240612);
    // Slow calls are measured in `npm run bench` (bench/fuzz.bench.ts), not in a timed unit test.
    expect({
      throws: report.throws,
      disagreements: report.disagreements,
      failures: report.failures,
    }).toEqual({
      throws: 0,
      disagreements: 0,
      failures: [],
    });
  }, 120_000);
});
