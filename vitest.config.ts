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
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    testTimeout: 20_000,
    pool: 'forks',
  },
});
