// vitest globalSetup: the programs tests run as child processes (the CLI, the store writer),
// bundled from the sources once per run. A child started with `node --import tsx` compiled its
// modules one by one and took 0.7 s and 0.85 s of CPU to print --help; the bundle takes 0.3 s.
// On 2 cores the suite is CPU-bound, and the kill tests start a dozen children.
//
// The bundle lives inside the repository (node_modules/.cache), so the CLI finds the package
// root and its definitions the way it does from source; packages stay external, loaded from
// node_modules as the CLI loads them. Tests find it through CHILD_BUNDLE_ENV (test/support/run-cli.ts).
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { CHILD_BUNDLE_ENV, childEntries } from '../support/child-bundle.js';
import { repoRoot } from '../support/definitions.js';

export default async function setup(): Promise<() => Promise<void>> {
  const cache = join(repoRoot, 'node_modules', '.cache', 'alexa-proactive-events');
  await mkdir(cache, { recursive: true });
  const outdir = await mkdtemp(join(cache, 'test-children-'));
  await build({
    entryPoints: Object.fromEntries(
      Object.entries(childEntries).map(([name, source]) => [name, join(repoRoot, source)]),
    ),
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    // As in vitest.config.ts: generated modules import the runtime by its public name.
    alias: { 'alexa-proactive-events/runtime': join(repoRoot, 'runtime', 'index.ts') },
    logLevel: 'error',
  });
  process.env[CHILD_BUNDLE_ENV] = outdir;
  return () => rm(outdir, { recursive: true, force: true });
}
