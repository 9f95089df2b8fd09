// The programs tests and benches start as child processes (the CLI, the store writer), bundled
// from the sources with esbuild. A child started with `node --import tsx` compiled its modules one
// by one and took 0.7 s and 0.85 s of CPU to print --help; the bundle takes 0.3 s. On 2 cores the
// suite is CPU-bound, and the kill tests start a dozen children.
//
// The bundle lives inside the repository (node_modules/.cache), so the CLI finds the package root
// and its definitions the way it does from source; packages stay external, loaded from
// node_modules as the CLI loads them.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
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
 * Bundles the programs into a new folder and names it in CHILD_BUNDLE_ENV; `dispose` removes
 * it. The tests' global setup (test/setup/child-bundle.ts) and the bench call this once a run.
 */
export async function bundleChildPrograms(): Promise<{ dir: string; dispose(): Promise<void> }> {
  const cache = join(repoRoot, 'node_modules', '.cache', 'alexa-proactive-events');
  await mkdir(cache, { recursive: true });
  const dir = await mkdtemp(join(cache, 'children-'));
  await build({
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
  return { dir, dispose: () => rm(dir, { recursive: true, force: true }) };
}

/** The bundled program `name`, to run with `node`. */
export function childProgram(name: keyof typeof childEntries): string {
  const dir = process.env[CHILD_BUNDLE_ENV];
  if (dir === undefined) {
    throw new Error(
      `${CHILD_BUNDLE_ENV} is not set: bundleChildPrograms() (the tests' global setup, the bench) bundles the child programs`,
    );
  }
  return join(dir, `${name}.js`);
}
