/**
 * The package as a skill loads it: packed (`npm pack` of the built dist/), installed into a fresh
 * project outside the repository together with ask-sdk-core and ask-sdk-model (the peer this is
 * compared with), both from the npm cache.
 *
 * - Bundle size: esbuild (minified, platform node, ESM) of a handler that builds, validates and
 *   previews an event. Target ≤ 80 KB. The largest inputs are listed, so a regression names itself.
 * - Import time: a fresh node process per run imports the package entry, or ask-sdk-core +
 *   ask-sdk-model, timed inside the process (Node's own start-up is the same for both and left
 *   out); runs alternate, medians are compared. Target ≤ 0.5×.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import {
  createProject,
  npmInstall,
  repoRoot,
  runExpecting,
  writeProjectFiles,
} from '../scripts/package-test/harness.js';
import { handlerSource } from '../scripts/package-test/sources.js';
import { sized, verdict } from './scale.js';

const BUNDLE_TARGET_BYTES = 80 * 1024;
const IMPORT_RATIO_TARGET = 0.5;

export interface PackageBenchOptions {
  /** Measured runs of each import (plus one warm-up each). Default 15. */
  runs?: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** A program that imports `specifiers` in order and prints how long that took, in ms. */
function importTimer(specifiers: readonly string[]): string {
  const imports = specifiers.map((specifier) => `await import(${JSON.stringify(specifier)});`);
  return `const started = performance.now();\n${imports.join('\n')}\nprocess.stdout.write(String(performance.now() - started));\n`;
}

async function timeImport(dir: string, script: string): Promise<number> {
  const { stdout } = await runExpecting(process.execPath, [script], { cwd: dir });
  return Number(stdout);
}

export async function runPackageBench(options: PackageBenchOptions = {}): Promise<void> {
  const runs = options.runs ?? sized(15, 2);
  // The package as it would be published: dist/ built from the sources of this checkout.
  await runExpecting('npm', ['run', 'build'], { cwd: repoRoot, timeoutMs: 300_000 });
  const root = mkdtempSync(join(tmpdir(), 'ape-package-bench-'));
  try {
    const { stdout } = await runExpecting(
      'npm',
      ['pack', '--ignore-scripts', '--json', '--pack-destination', root],
      { cwd: repoRoot },
    );
    const [packed] = JSON.parse(stdout) as { filename: string }[];
    const pinned = (
      JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
        devDependencies: Record<string, string>;
      }
    ).devDependencies;
    const dir = createProject(root, 'skill', { type: 'module' }, { 'handler.mjs': handlerSource });
    await npmInstall(dir, [
      join(root, packed!.filename),
      `ask-sdk-core@${pinned['ask-sdk-core']}`,
      `ask-sdk-model@${pinned['ask-sdk-model']}`,
    ]);

    console.log('\npackage (packed, installed into a fresh project)');
    await bundleSize(dir);
    await importTimes(dir, runs);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function bundleSize(dir: string): Promise<void> {
  const result = await build({
    entryPoints: [join(dir, 'handler.mjs')],
    absWorkingDir: dir,
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const bytes = result.outputFiles[0]!.contents.byteLength;
  const inputs = Object.entries(Object.values(result.metafile.outputs)[0]!.inputs)
    .map(([path, { bytesInOutput }]) => ({ path, bytesInOutput }))
    .sort((a, b) => b.bytesInOutput - a.bytesInOutput);
  const bundleVerdict = verdict(bytes <= BUNDLE_TARGET_BYTES);
  console.log(
    `  bundle of a build+validate+preview handler (esbuild, minified, ESM): ${(bytes / 1024).toFixed(1)} KB ` +
      `(${bytes} bytes; target ≤ ${BUNDLE_TARGET_BYTES / 1024} KB: ${bundleVerdict}), ${inputs.length} modules`,
  );
  const largest = inputs
    .slice(0, 5)
    .map(
      ({ path, bytesInOutput }) =>
        `${relative('node_modules/alexa-proactive-events/dist', path)} ${(bytesInOutput / 1024).toFixed(1)} KB`,
    );
  console.log(`    largest: ${largest.join(', ')}`);
}

async function importTimes(dir: string, runs: number): Promise<void> {
  writeProjectFiles(dir, {
    'import-package.mjs': importTimer(['alexa-proactive-events']),
    'import-ask-sdk.mjs': importTimer(['ask-sdk-core', 'ask-sdk-model']),
  });
  const ours: number[] = [];
  const theirs: number[] = [];
  // One warm-up each (disk cache), then alternate which goes first so drift hits both alike.
  await timeImport(dir, 'import-package.mjs');
  await timeImport(dir, 'import-ask-sdk.mjs');
  for (let run = 0; run < runs; run += 1) {
    const pair = [
      async () => ours.push(await timeImport(dir, 'import-package.mjs')),
      async () => theirs.push(await timeImport(dir, 'import-ask-sdk.mjs')),
    ];
    if (run % 2 === 1) pair.reverse();
    for (const measure of pair) await measure();
  }
  const ourMedian = median(ours);
  const theirMedian = median(theirs);
  const ratio = ourMedian / theirMedian;
  console.log(
    `  import of the package entry: ${ourMedian.toFixed(1)} ms; ask-sdk-core + ask-sdk-model: ` +
      `${theirMedian.toFixed(1)} ms (medians of ${runs} fresh processes each)`,
  );
  console.log(
    `  import time ratio: ${ratio.toFixed(2)}× (target ≤ ${IMPORT_RATIO_TARGET}×: ${verdict(ratio <= IMPORT_RATIO_TARGET)})`,
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runPackageBench().catch((error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  });
}
