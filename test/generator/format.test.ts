/**
 * generate formats TypeScript with prettier's faster babel-ts parser; the output must be exactly
 * what prettier's default parser (the one `prettier --check` uses) prints, for every module the
 * emitters write from the real definitions.
 */
import { join } from 'node:path';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../generator/emitters/emitter.js';
import { emitAll } from '../../generator/emitters/index.js';
import { formatFiles } from '../../generator/output/format.js';
import { packageRoot } from '../../generator/paths.js';
import { realModel } from '../support/definitions.js';

describe('formatFiles', () => {
  it('prints every emitted module as prettier with its default parser does', async () => {
    const model = await realModel();
    const emitted = await emitAll(createContext(model, join(packageRoot, 'generated')));
    const options = (await prettier.resolveConfig(join(packageRoot, 'package.json'))) ?? {};
    const formatted = await formatFiles(emitted);
    expect(formatted.map((file) => file.path)).toEqual(emitted.map((file) => file.path));
    expect(emitted.filter((file) => file.path.endsWith('.ts')).length).toBeGreaterThan(0);
    for (const [index, file] of emitted.entries()) {
      const expected = await prettier.format(file.contents, { ...options, filepath: file.path });
      expect(formatted[index]!.contents, file.path).toBe(expected);
    }
  }, 60_000);
});
