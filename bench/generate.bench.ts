import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate } from '../generator/generate.js';
import { defaultDefinitionsDir, packageRoot } from '../generator/paths.js';

/**
 * How long `generate` takes: the 8 real schemas, and 100 synthetic ones made by renaming copies
 * of them (their type names left to be derived, so they cannot collide). Each run loads,
 * emits, formats, type-checks and writes, as the CLI does.
 */
export async function runGenerateBench(): Promise<void> {
  const root = await mkdtemp(join(packageRoot, '.bench-generate-'));
  try {
    const real = await time(() =>
      generate({ definitionsDir: defaultDefinitionsDir, outDir: join(root, 'real') }),
    );
    const synthetic = join(root, 'definitions');
    await mkdir(join(synthetic, 'events'), { recursive: true });
    await cp(join(defaultDefinitionsDir, 'envelope.yaml'), join(synthetic, 'envelope.yaml'));
    const sources = (await readdir(join(defaultDefinitionsDir, 'events'))).sort();
    for (let index = 0; index < 100; index++) {
      const file = sources[index % sources.length]!;
      const original = file.replace(/\.yaml$/, '');
      const name = `AMAZON.Synthetic${index}.Tested`;
      const text = (await readFile(join(defaultDefinitionsDir, 'events', file), 'utf8'))
        .replaceAll(original, name)
        .replace(/^\s*typeName: .*\n/gm, '')
        .replace(/^order: \d+\n/m, '');
      await writeFile(join(synthetic, 'events', `${name}.yaml`), text);
    }
    const hundred = await time(() =>
      generate({ definitionsDir: synthetic, outDir: join(root, 'synthetic') }),
    );
    process.stdout.write(
      `generate: 8 schemas in ${real.toFixed(0)} ms; 100 synthetic schemas in ${hundred.toFixed(0)} ms (load, emit, format, type-check, write)\n`,
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}
