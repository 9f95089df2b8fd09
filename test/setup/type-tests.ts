// vitest globalSetup: the type tests (test/**/*.test-d.ts, expectTypeOf and @ts-expect-error)
// compiled from the start of the run, beside the other tests (scripts/check-type-tests.mjs:
// the diagnostics of those files); test/type-tests.test.ts reports the result. vitest's own
// typecheck runs them only after the last test file (its pool is always scheduled last), and
// that tsc was the last 4-5 s of every run.
import { spawn } from 'node:child_process';
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TYPE_TESTS_ENV, typeTestsConfig, type TypeTestsResult } from '../support/type-tests.js';
import { repoRoot } from '../support/definitions.js';

export default async function setup(): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'pe-type-tests-'));
  const resultFile = join(dir, 'result.json');
  const child = spawn(
    process.execPath,
    [join(repoRoot, 'scripts', 'check-type-tests.mjs'), typeTestsConfig],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // Written whole, then renamed: the test polling for the file never reads half of it.
  const publish = async (result: TypeTestsResult) => {
    await writeFile(`${resultFile}.partial`, JSON.stringify(result));
    await rename(`${resultFile}.partial`, resultFile);
  };
  const finished = new Promise<void>((resolve) => {
    child.on('close', (code, signal) => void publish({ code, signal, output }).then(resolve));
    child.on('error', (error) => void publish({ code: null, output: error.message }).then(resolve));
  });
  process.env[TYPE_TESTS_ENV] = resultFile;
  return async () => {
    // A run of a few files ends before tsc does; nobody waits for its verdict then.
    if (child.exitCode === null && child.signalCode === null) child.kill();
    await finished;
    await rm(dir, { recursive: true, force: true });
  };
}
