/**
 * The in-memory type-check of emitted modules (generate --typecheck, --check): a module that
 * compiles against the runtime passes; one that does not is reported as path:line:col: message,
 * and a later check in the same process (which reuses the parsed runtime) sees only its own files.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TypeCheckError, typeCheck } from '../../generator/output/typecheck.js';

const outDir = join('/', 'nowhere', 'generated');

const good = {
  path: 'uses-runtime.ts',
  contents: `import { issueCodes } from 'alexa-proactive-events/runtime';\nimport { two } from './two.js';\nexport const codes: readonly string[] = [...issueCodes, String(two)];\n`,
};
const two = { path: 'two.ts', contents: 'export const two: number = 2;\n' };
const bad = {
  path: 'sub/bad.ts',
  contents: `export const fine = 1;\nexport const wrong: string = 42;\nexport const index: number = [1][0];\n`,
};

function failure(run: () => void): TypeCheckError {
  try {
    run();
  } catch (error) {
    if (error instanceof TypeCheckError) return error;
    throw error;
  }
  throw new Error('typeCheck accepted code that does not compile');
}

describe('typeCheck', () => {
  it('accepts modules that import the runtime and each other', () => {
    expect(() => typeCheck(outDir, [good, two])).not.toThrow();
  }, 60_000);

  it('names each error by its emitted path, line and column, with the strict options', () => {
    const error = failure(() => typeCheck(outDir, [two, bad]));
    expect(error.diagnostics).toEqual([
      `${join(outDir, 'sub/bad.ts')}:2:14: Type 'number' is not assignable to type 'string'.`,
      // noUncheckedIndexedAccess: an element read may be undefined.
      `${join(outDir, 'sub/bad.ts')}:3:14: Type 'number | undefined' is not assignable to type 'number'.\n  Type 'undefined' is not assignable to type 'number'.`,
    ]);
  }, 60_000);

  it('forgets the modules of an earlier check', () => {
    // uses-runtime.ts imports two.ts, which this check does not have any more.
    const error = failure(() => typeCheck(outDir, [good]));
    expect(error.diagnostics).toEqual([
      `${join(outDir, 'uses-runtime.ts')}:2:21: Cannot find module './two.js' or its corresponding type declarations.`,
    ]);
    expect(() => typeCheck(outDir, [good, two])).not.toThrow();
  }, 60_000);
});
