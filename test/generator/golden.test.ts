import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitFiles, generate } from '../../generator/generate.js';
import { loadModel } from '../../generator/model/load.js';
import { repoRoot, scratchDefinitions, snapshotTree } from '../support/definitions.js';

const fixture = join(repoRoot, 'test', 'fixtures', 'basic');

describe('generated output', () => {
  it('matches the golden files for the fixture definitions', async () => {
    const expectedDir = join(fixture, 'expected');
    // No in-memory type-check: the golden files are in tsconfig.json's program, so `npm run
    // typecheck` checks them against the runtime as they are on disk (ninth-schema.test.ts
    // covers generate's own type-check of fresh output).
    const files = await emitFiles(await loadModel(join(fixture, 'definitions')), expectedDir, {
      typeCheck: false,
    });
    expect(files.map((file) => file.path)).toMatchSnapshot();
    for (const file of files) {
      await expect(file.contents).toMatchFileSnapshot(join(expectedDir, file.path));
    }
  });

  it('is identical byte for byte when generated twice, and leaves its inputs untouched', async () => {
    const scratch = await scratchDefinitions();
    try {
      const inputs = await snapshotTree(scratch.definitions);
      // Determinism, not typing (the golden files above are type-checked): no type-check here.
      const run = { definitionsDir: scratch.definitions, outDir: scratch.out, typeCheck: false };
      await generate(run);
      const first = await snapshotTree(scratch.out);
      await generate(run);
      expect(await snapshotTree(scratch.out)).toEqual(first);
      expect(await snapshotTree(scratch.definitions)).toEqual(inputs);
    } finally {
      await scratch.dispose();
    }
  });
});
