// vitest globalSetup: the CLI and the store writer, bundled once per run for the tests that start
// them as child processes (see test/support/child-bundle.ts).
import { bundleChildPrograms } from '../support/child-bundle.js';

export default function setup(): () => void {
  return bundleChildPrograms().dispose;
}
