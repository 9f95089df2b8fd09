import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Generated modules import the runtime by its public subpath; in this repository that is the
    // source, as tsconfig.json's `paths` says for the type-checker.
    alias: {
      'alexa-proactive-events/runtime': fileURLToPath(
        new URL('./runtime/index.ts', import.meta.url),
      ),
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Real PostgreSQL, Redis and DynamoDB (dynalite) on 127.0.0.1 for the tests that need them.
    // The CLI and the store writer bundled once, for tests that run them as child processes.
    // The type tests (test/**/*.test-d.ts) compiled by tsc beside the rest (test/type-tests.test.ts
    // reports it): vitest's own typecheck always runs after the last test file.
    globalSetup: [
      'test/setup/services.ts',
      'test/setup/child-bundle.ts',
      'test/setup/type-tests.ts',
    ],
    // The AWS SDK warns once per process that its 2027 releases drop Node 20; noise in test output.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    testTimeout: 20_000,
    pool: 'forks',
    // Files share a worker's module cache instead of importing everything afresh (imports were a
    // third of the run). No test relies on a fresh module: the suite passes with and without.
    isolate: false,
    // Vitest's default for `run` is one worker less than the cores: ONE on this 2-core machine.
    // Most files spend their time waiting on servers, child processes or the disk, so two run
    // side by side in about half the wall time.
    maxWorkers: 2,
  },
});
