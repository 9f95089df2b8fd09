// The type tests (test/**/*.test-d.ts): expectTypeOf assertions and @ts-expect-error lines hold
// exactly when the compiler reports nothing on them. It runs from the start of the run
// (test/setup/type-tests.ts, scripts/check-type-tests.mjs); this waits for its verdict.
import { readFile } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot } from './support/definitions.js';
import { TYPE_TESTS_ENV, typeTestsConfig, type TypeTestsResult } from './support/type-tests.js';

async function verdict(): Promise<TypeTestsResult> {
  const file = process.env[TYPE_TESTS_ENV];
  if (file === undefined)
    throw new Error(`${TYPE_TESTS_ENV} is not set: run the tests with vitest`);
  for (;;) {
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text !== undefined) return JSON.parse(text) as TypeTestsResult;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

it(`the type tests compile without an error (scripts/check-type-tests.mjs ${typeTestsConfig})`, async () => {
  const files = readdirSync(join(repoRoot, 'test'), { recursive: true })
    .map(String)
    .filter((path) => path.endsWith('.test-d.ts'));
  expect(files.length).toBeGreaterThanOrEqual(4);
  const result = await verdict();
  expect(result.output.trim().split('\n').filter(Boolean)).toEqual([]);
  expect(result.code).toBe(0);
}, 120_000);
