import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitFiles, generate } from '../../generator/generate.js';
import { loadModel } from '../../generator/model/load.js';
import { repoRoot, scratchDefinitions, snapshotTree } from '../support/definitions.js';

const fixture = join(repoRoot, 'test', 'fixtures', 'basic');

describe('generated output', () => {
  it('matches the golden files for the fixture definitions', async () => {
    const expectedDir = join(fixture, 'expected');
    const files = await emitFiles(await loadModel(join(fixture, 'definitions')), expectedDir);
    expect(files.map((file) => file.path)).toMatchSnapshot();
    for (const file of files) {
      await expect(file.contents).toMatchFileSnapshot(join(expectedDir, file.path));
    }
  });

  it('is identical byte for byte when generated twice, and leaves its inputs untouched', async () => {
    const scratch = await scratchDefinitions();
    try {
      const inputs = await snapshotTree(scratch.definitions);
      await generate({ definitionsDir: scratch.definitions, outDir: scratch.out });
      const first = await snapshotTree(scratch.out);
      await generate({ definitionsDir: scratch.definitions, outDir: scratch.out });
      expect(await snapshotTree(scratch.out)).toEqual(first);
      expect(await snapshotTree(scratch.definitions)).toEqual(inputs);
    } finally {
      await scratch.dispose();
    }
  });

  it('generates and type-checks a ninth, made-up schema with no code change', async () => {
    const scratch = await scratchDefinitions();
    try {
      const { readFile } = await import('node:fs/promises');
      const ninth = 'events/AMAZON.PackageLocker.Ready.yaml';
      await scratch.write(ninth, await readFile(join(fixture, 'definitions', ninth), 'utf8'));
      // generate type-checks everything it emits before writing; a failure would throw here.
      const result = await generate({ definitionsDir: scratch.definitions, outDir: scratch.out });
      expect(result.model.events.map((event) => event.name)).toContain(
        'AMAZON.PackageLocker.Ready',
      );
      const schemaTypes = join(scratch.out, 'events', 'PackageLockerReady', 'types.ts');
      expect(await readFile(schemaTypes, 'utf8')).toContain(
        'export interface PackageLockerReadyPayload {',
      );
      const types = await readFile(join(scratch.out, 'types', 'index.ts'), 'utf8');
      expect(types).toMatch(/export type ProactiveEvent =[^;]*\| PackageLockerReadyEvent;/);
      const schema = JSON.parse(
        await readFile(
          join(scratch.out, 'schemas', 'AMAZON.PackageLocker.Ready.schema.json'),
          'utf8',
        ),
      );
      expect(schema.properties.event.properties.name).toEqual({
        const: 'AMAZON.PackageLocker.Ready',
        description: 'The schema the payload follows.',
      });
    } finally {
      await scratch.dispose();
    }
  });
});
