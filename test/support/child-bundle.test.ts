// The bundle of the child programs when nothing made one beforehand (the bench, a script):
// childProgram makes it on first use. The bench once stopped because only vitest's global setup
// bundled the CLI.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { CHILD_BUNDLE_ENV, childProgram } from './child-bundle.js';

const shared = process.env[CHILD_BUNDLE_ENV];
afterEach(() => {
  if (shared === undefined) delete process.env[CHILD_BUNDLE_ENV];
  else process.env[CHILD_BUNDLE_ENV] = shared;
});

it('bundles the programs on first use when no bundle is named, and the CLI runs from it', () => {
  delete process.env[CHILD_BUNDLE_ENV];
  const cli = childProgram('cli');
  const dir = dirname(cli);
  try {
    expect(dir).not.toBe(shared);
    expect(process.env[CHILD_BUNDLE_ENV]).toBe(dir);
    expect(existsSync(childProgram('store-writer'))).toBe(true);
    const run = spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^proactive-events <command> \[options\]\n/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
