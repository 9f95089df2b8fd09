// The programs tests start as child processes, bundled by test/setup/child-bundle.ts.
import { join } from 'node:path';

/** Set by the global setup to the folder of the bundled programs. */
export const CHILD_BUNDLE_ENV = 'PROACTIVE_EVENTS_TEST_CHILD_BUNDLE';

/** Each program's bundle name and its source, relative to the repository root. */
export const childEntries = {
  cli: 'cli/entry.ts',
  'store-writer': 'test/runtime/subscriptions/support/store-writer.ts',
} as const;

/** The bundled program `name`, to run with `node`. */
export function childProgram(name: keyof typeof childEntries): string {
  const dir = process.env[CHILD_BUNDLE_ENV];
  if (dir === undefined) {
    throw new Error(
      `${CHILD_BUNDLE_ENV} is not set: run the tests with vitest, whose global setup bundles the child programs`,
    );
  }
  return join(dir, `${name}.js`);
}
