/**
 * The in-memory type-check of emitted modules (generate --typecheck, --check): a module that
 * compiles against the runtime passes; one that does not is reported as path:line:col: message,
 * and a later check in the same process (which reuses the parsed runtime) sees only its own files.
 */
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runtimeTypes, TypeCheckError, typeCheck } from '../../generator/output/typecheck.js';

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

describe('the runtime types a check reads', () => {
  const made: string[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true })));
  });

  /** A package root with runtime sources and, optionally, declarations, at given mtimes (s). */
  async function root(files: Record<string, number>): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'runtime-types-'));
    made.push(dir);
    for (const [path, seconds] of Object.entries(files)) {
      await mkdir(join(dir, path, '..'), { recursive: true });
      await writeFile(join(dir, path), '');
      await utimes(join(dir, path), seconds, seconds);
    }
    return dir;
  }
  const sources = { 'runtime/index.ts': 1000, 'runtime/validation/fast.ts': 1000 };

  it('are the declarations npm run build wrote after the last source change', async () => {
    const dir = await root({ ...sources, 'dist/runtime/index.d.ts': 2000 });
    expect(runtimeTypes(dir)).toBe(join(dir, 'dist', 'runtime', 'index.d.ts'));
  });

  it('are the sources when a nested source changed since the build, or nothing was built', async () => {
    const stale = await root({
      ...sources,
      'runtime/validation/fast.ts': 3000,
      'dist/runtime/index.d.ts': 2000,
    });
    expect(runtimeTypes(stale)).toBe(join(stale, 'runtime', 'index.ts'));
    const unbuilt = await root(sources);
    expect(runtimeTypes(unbuilt)).toBe(join(unbuilt, 'runtime', 'index.ts'));
  });

  it('are the declarations in an installed package, which has no sources', async () => {
    const dir = await root({ 'dist/runtime/index.d.ts': 2000 });
    expect(runtimeTypes(dir)).toBe(join(dir, 'dist', 'runtime', 'index.d.ts'));
  });
});
