import { loadModel } from '../generator/model/load.js';
import { defaultDefinitionsDir } from '../generator/paths.js';
import { runFuzz, slowMs } from '../test/validation/fuzz.js';

/**
 * 100,000 seeded hostile cases (test/validation/fuzz.ts): throws, calls of
 * validateProactiveEvent over 50 ms (the fastest of three runs), and isProactiveEvent /
 * validateProactiveEvent disagreements. Targets: all three 0.
 */
export async function runFuzzBench(): Promise<void> {
  const model = await loadModel(defaultDefinitionsDir);
  const started = performance.now();
  const report = runFuzz(model, 100_000, 20240612);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const verdict = (count: number) => (count === 0 ? 'ok' : 'MISSED');
  console.log(`\nfuzz: ${report.cases} hostile cases in ${seconds} s`);
  console.log(`  throws:                 ${report.throws} (target 0: ${verdict(report.throws)})`);
  console.log(
    `  slow calls (> ${slowMs} ms):   ${report.slow} (target 0: ${verdict(report.slow)}); slowest ${report.slowestMs.toFixed(1)} ms; ${report.pauses} first runs paused`,
  );
  console.log(
    `  disagreements:          ${report.disagreements} (target 0: ${verdict(report.disagreements)})`,
  );
  for (const failure of report.failures) console.log(`  ${failure}`);
}
