// The programs tests and benches start as child processes (the CLI, the store writer), bundled
// from the sources with esbuild. A child started with `node --import tsx` compiled its modules one
// by one and took 0.7 s and 0.85 s of CPU to print --help; the bundle takes 0.3 s. On 2 cores the
// suite is CPU-bound, and the kill tests start a dozen children.
//
// The bundle lives inside the repository (node_modules/.cache), so the CLI finds the package root
// and its definitions the way it does from source; packages stay external, loaded from
// node_modules as the CLI loads them.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { nodeBundleOptions } from '../../scripts/node-bundle.mjs';
import { repoRoot } from './definitions.js';

/** Set to the folder of the bundled programs (inherited by the processes a test starts). */
export const CHILD_BUNDLE_ENV = 'PROACTIVE_EVENTS_TEST_CHILD_BUNDLE';

/** Each program's bundle name and its source, relative to the repository root. */
export const childEntries = {
  cli: 'cli/entry.ts',
  'store-writer': 'test/runtime/subscriptions/support/store-writer.ts',
} as const;

/**
 * Bundles the programs into a new folder and names it in CHILD_BUNDLE_ENV, so the processes this
 * one starts (vitest's workers) use it too; `dispose` removes it. The tests' global setup calls
 * this once a run; anything else (the bench) gets a bundle on its first `childProgram`.
 */
export function bundleChildPrograms(): { dir: string; dispose(): void } {
  const cache = join(repoRoot, 'node_modules', '.cache', 'alexa-proactive-events');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'children-'));
  buildSync({
    entryPoints: Object.fromEntries(
      Object.entries(childEntries).map(([name, source]) => [name, join(repoRoot, source)]),
    ),
    outdir: dir,
    ...nodeBundleOptions,
    // As in vitest.config.ts: generated modules import the runtime by its public name.
    alias: { 'alexa-proactive-events/runtime': join(repoRoot, 'runtime', 'index.ts') },
    logLevel: 'error',
  });
  process.env[CHILD_BUNDLE_ENV] = dir;
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The bundled program `name`, to run with `node`: from the bundle CHILD_BUNDLE_ENV names, or
 * from one made now and removed when this process exits.
 */
export function childProgram(name: keyof typeof childEntries): string {
  let dir = process.env[CHILD_BUNDLE_ENV];
  if (dir === undefined) {
    const bundle = bundleChildPrograms();
    process.once('exit', bundle.dispose);
    dir = bundle.dir;
  }
  return join(dir, `${name}.js`);
}
