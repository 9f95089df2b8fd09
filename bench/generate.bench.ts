import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  generate,
  generatePhases,
  type GenerateOptions,
  type GenerateResult,
} from '../generator/generate.js';
import { defaultDefinitionsDir, packageRoot } from '../generator/paths.js';
import { smoke, verdict } from './scale.js';

/** Issue 13: the 8 schemas in at most this long, as the CLI runs `generate` by default. */
const realTargetMs = 1500;
/** "Linear": the per-schema cost of the largest run at most this multiple of the 100-schema one. */
const linearSlack = 1.25;

/**
 * How long `generate` takes as the CLI runs it by default (load, emit, format, write; the
 * type-check only with --typecheck or --check): the 8 real schemas first, in a cold process as
 * a user's run is, then 100 and 1,000 synthetic ones made by renaming copies of them (their type
 * names left to be derived, so they cannot collide). BENCH_GENERATE_SIZES=100,200 runs other
 * synthetic sizes (a quick look; the targets are judged on what ran).
 */
export async function runGenerateBench(): Promise<void> {
  const sizes = (process.env.BENCH_GENERATE_SIZES ?? (smoke ? '10,20' : '100,1000'))
    .split(',')
    .map((size) => Number(size.trim()))
    .filter((size) => Number.isInteger(size) && size > 0);
  const root = await mkdtemp(join(packageRoot, '.bench-generate-'));
  try {
    const rows: { label: string; schemas: number; result: GenerateResult; ms: number }[] = [];
    const run = async (label: string, schemas: number, options: GenerateOptions) => {
      const started = performance.now();
      const result = await generate(options);
      rows.push({ label, schemas, result, ms: performance.now() - started });
      report(rows.at(-1)!);
    };
    const real = { definitionsDir: defaultDefinitionsDir, outDir: join(root, 'real') };
    process.stdout.write('generate (phases: load, emit, format, typeCheck, write; ms):\n');
    await run('8 schemas', 8, { ...real, typeCheck: false });
    await run('8 schemas, --typecheck', 8, { ...real, typeCheck: true });
    for (const size of sizes) {
      const definitionsDir = await writeSynthetic(join(root, `definitions-${size}`), size);
      const outDir = join(root, `synthetic-${size}`);
      await run(`${size} synthetic`, size, { definitionsDir, outDir, typeCheck: false });
      await rm(outDir, { recursive: true, force: true });
    }

    const realMs = rows[0]!.ms;
    process.stdout.write(
      `  target: 8 schemas ≤ ${realTargetMs} ms: ${realMs.toFixed(0)} ms, ${verdict(realMs <= realTargetMs)}\n`,
    );
    const synthetic = rows.filter((row) => row.label.endsWith('synthetic'));
    const base = synthetic.find((row) => row.schemas === 100) ?? synthetic[0];
    const largest = synthetic.at(-1);
    if (base && largest && largest !== base) {
      const perSchema = (row: typeof base, ms: number) => ms / row.schemas;
      const ratio = perSchema(largest, largest.ms) / perSchema(base, base.ms);
      // Per phase too: a quadratic step can hide behind linear ones at these sizes.
      const phases = generatePhases
        .filter((phase) => base.result.timings[phase] >= base.ms / 100)
        .map((phase) => {
          const growth =
            perSchema(largest, largest.result.timings[phase]) /
            perSchema(base, base.result.timings[phase]);
          return `${phase} ${growth.toFixed(2)}×${growth > linearSlack ? ' (super-linear)' : ''}`;
        });
      process.stdout.write(
        `  target: linear (per schema at ${largest.schemas} ≤ ${linearSlack}× per schema at ${base.schemas}): ${ratio.toFixed(2)}×, ${verdict(ratio <= linearSlack)}; by phase: ${phases.join(', ')}\n`,
      );
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

function report(row: { label: string; schemas: number; result: GenerateResult; ms: number }): void {
  const phases = generatePhases
    .map((phase) => `${phase} ${row.result.timings[phase].toFixed(0)}`)
    .join(', ');
  process.stdout.write(
    `  ${row.label}: ${row.ms.toFixed(0)} ms, ${(row.ms / row.schemas).toFixed(1)} ms per schema (${phases})\n`,
  );
}

/** `count` schemas renamed from copies of the real ones, with the real envelope. */
async function writeSynthetic(dir: string, count: number): Promise<string> {
  await mkdir(join(dir, 'events'), { recursive: true });
  await cp(join(defaultDefinitionsDir, 'envelope.yaml'), join(dir, 'envelope.yaml'));
  const sources = (await readdir(join(defaultDefinitionsDir, 'events'))).sort();
  const texts = await Promise.all(
    sources.map((file) => readFile(join(defaultDefinitionsDir, 'events', file), 'utf8')),
  );
  for (let index = 0; index < count; index++) {
    const original = sources[index % sources.length]!.replace(/\.yaml$/, '');
    const name = `AMAZON.Synthetic${index}.Tested`;
    const text = texts[index % sources.length]!.replaceAll(original, name)
      .replace(/^\s*typeName: .*\n/gm, '')
      .replace(/^order: \d+\n/m, '');
    await writeFile(join(dir, 'events', `${name}.yaml`), text);
  }
  return dir;
}
