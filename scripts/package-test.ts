// The package as its users install it: `npm pack`, then the tarball installed into fresh projects
// outside the repository (ES module and CommonJS TypeScript, plain require(), esbuild bundles, every
// CLI command). Needs a built dist/ (`npm run test:package` builds first; .ci/run runs it after
// `npm test`, which builds) and the npm cache `npm ci` warmed: installs use --prefer-offline.
//
//   tsx scripts/package-test.ts [--keep]     (--keep leaves the temp folder for a look)
//
// Prints `ok: …` per step and a summary line; exits 1 if any step failed.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliSteps } from './package-test/cli.js';
import { cjsSteps, esmSteps } from './package-test/consumers.js';
import { check, repoRoot, runExpecting, StepCounter } from './package-test/harness.js';

const started = performance.now();
const keep = process.argv.includes('--keep');
const root = mkdtempSync(join(tmpdir(), 'ape-package-test-'));
const steps = new StepCounter();

try {
  let tarball = '';
  await steps.step('npm pack', async () => {
    check(
      existsSync(join(repoRoot, 'dist', 'cli', 'main.js')),
      'dist/ is missing: run `npm run build` first',
    );
    // prepare (the build) already ran; packing must not rebuild into the dist/ being packed.
    const { stdout } = await runExpecting(
      'npm',
      ['pack', '--ignore-scripts', '--json', '--pack-destination', root],
      { cwd: repoRoot },
    );
    const [packed] = JSON.parse(stdout) as {
      filename: string;
      size: number;
      files: { path: string }[];
    }[];
    check(packed, 'npm pack --json printed no package');
    tarball = join(root, packed.filename);
    const paths = packed.files.map((file) => file.path);
    for (const required of [
      'bin/proactive-events.js',
      'dist/cli/main.js',
      'dist/bundle/generated/index.js',
      'dist/generated/index.d.cts',
      'definitions/envelope.yaml',
      'generated/schemas/proactive-event.schema.json',
    ]) {
      check(paths.includes(required), `the tarball lacks ${required}`);
    }
    const stray = paths.filter(
      (path) =>
        /^(test|bench|scripts|examples)\//.test(path) ||
        path.endsWith('.map') ||
        (path.endsWith('.ts') && !path.endsWith('.d.ts')),
    );
    check(
      stray.length === 0,
      `the tarball ships files users do not need: ${stray.slice(0, 5).join(', ')}`,
    );
    return `${packed.filename}, ${paths.length} files, ${(packed.size / 1024).toFixed(0)} KB`;
  });
  if (tarball) {
    await esmSteps(steps, root, tarball);
    await cjsSteps(steps, root, tarball);
    await cliSteps(steps, root, tarball);
  }
} finally {
  if (keep) process.stdout.write(`kept ${root} (${readdirSync(root).join(', ')})\n`);
  else rmSync(root, { recursive: true, force: true });
}

const seconds = ((performance.now() - started) / 1000).toFixed(1);
process.stdout.write(
  `package test: ${steps.passed} passed, ${steps.failed} failed (${seconds} s)\n`,
);
if (steps.failed > 0) {
  process.stdout.write(`failed: ${steps.failures.join('; ')}\n`);
  process.exitCode = 1;
}
