import { loadModel } from '../generator/model/load.js';
import { defaultDefinitionsDir } from '../generator/paths.js';
import { sized, verdict as judged } from './scale.js';
import { timeShapes } from '../test/runtime/validation/fuzz-shapes.js';
import { describeBytes } from '../test/runtime/validation/fuzz-size.js';
import {
  describeSlowCall,
  runFuzz,
  slowMs,
  targetBytes,
  type SlowCall,
} from '../test/runtime/validation/fuzz.js';

/**
 * Seeded hostile cases (test/runtime/validation/fuzz.ts; 100,000 unless FUZZ_CASES says otherwise):
 * throws, isProactiveEvent / validateProactiveEvent disagreements, and calls over 50 ms (the
 * fastest of three runs) of validateProactiveEvent, isProactiveEvent, previewUtterances and
 * parseSubscriptionChanged. Targets: 0 throws, 0 disagreements, 0 slow calls on inputs up to
 * 1 MB; slow calls on larger inputs are reported beside them. Then the worst shapes of about a
 * megabyte, built on purpose (test/runtime/validation/fuzz-shapes.ts), timed call by call.
 */
export async function runFuzzBench(): Promise<void> {
  const cases = Number(process.env.FUZZ_CASES ?? sized(100_000, 2_000));
  const model = await loadModel(defaultDefinitionsDir);
  const started = performance.now();
  const report = runFuzz(model, cases, 20240612);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const verdict = (count: number) => (count === 0 ? 'ok' : 'MISSED');
  const limit = describeBytes(targetBytes);
  const slowest = (call: SlowCall | undefined) =>
    call === undefined ? 'none' : describeSlowCall(call);
  console.log(`\nfuzz: ${report.cases} hostile cases in ${seconds} s`);
  console.log(`  throws:                 ${report.throws} (target 0: ${verdict(report.throws)})`);
  console.log(
    `  disagreements:          ${report.disagreements} (target 0: ${verdict(report.disagreements)})`,
  );
  console.log(
    `  slow calls (> ${slowMs} ms), inputs ≤ ${limit}: ${report.slowSmall} (target 0: ${judged(report.slowSmall === 0, 'ok')}); slowest ${slowest(report.slowestSmall)}`,
  );
  console.log(
    `  slow calls (> ${slowMs} ms), inputs > ${limit}: ${report.slowLarge} (beyond the target); slowest ${slowest(report.slowestLarge)}; largest input ${describeBytes(report.largestBytes)}`,
  );
  console.log(`  first runs over ${slowMs} ms but not when repeated: ${report.pauses}`);
  for (const slow of report.slowCalls.slice(0, 40)) console.log(`  ${describeSlowCall(slow)}`);
  for (const failure of report.failures) console.log(`  ${failure}`);
  console.log(
    `\nworst shapes of about 1 MB (test/runtime/validation/fuzz-shapes.ts), fastest of 3 runs:`,
  );
  for (const shape of timeShapes()) {
    const times = Object.entries(shape.ms)
      .map(([call, ms]) => `${call} ${ms.toFixed(1)}`)
      .join(', ');
    const over = Object.values(shape.ms).some((ms) => ms > slowMs);
    const mark = over && shape.bytes > targetBytes ? 'beyond the target' : judged(!over, 'ok');
    console.log(`  ${shape.name} (${describeBytes(shape.bytes)}): ${times} ms (${mark})`);
  }
}

if (process.argv[1]?.endsWith('fuzz.bench.ts')) await runFuzzBench();
