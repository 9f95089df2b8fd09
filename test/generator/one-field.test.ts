import { describe, expect, it } from 'vitest';
import { createContext, type EmittedFile } from '../../generator/emitters/emitter.js';
import { emitAll } from '../../generator/emitters/index.js';
import { loadModel } from '../../generator/model/load.js';
import { formatFiles } from '../../generator/output/format.js';
import { defaultOutDir } from '../../generator/paths.js';
import { realDefinitions, scratchDefinitions } from '../support/definitions.js';

/** Emitted and formatted in memory (the type-check is the golden tests' job). */
async function emit(definitions: string): Promise<Map<string, string>> {
  const model = await loadModel(definitions);
  const files: EmittedFile[] = await formatFiles(
    await emitAll(createContext(model, defaultOutDir)),
  );
  return new Map(files.map((file) => [file.path, file.contents]));
}

/** The lines `after` inserts into `before`, or undefined unless it is exactly one inserted block. */
function insertedBlock(before: string, after: string): string[] | undefined {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  if (head + tail !== a.length) return undefined; // lines of `before` changed or went away
  return b.slice(head, b.length - tail);
}

describe('adding one optional string field to one schema', () => {
  it('changes only that schema’s files, each by one inserted block', async () => {
    const scratch = await scratchDefinitions();
    try {
      await scratch.edit('events/AMAZON.OrderStatus.Updated.yaml', (text) => {
        const seller = `            description: The seller's name, spoken as "Your order from <name>".\n`;
        expect(text).toContain(seller);
        return text.replace(
          seller,
          `${seller}          url:\n            type: string\n            description: The seller's web page.\n`,
        );
      });
      const [before, after] = [await emit(realDefinitions), await emit(scratch.definitions)];
      expect([...after.keys()]).toEqual([...before.keys()]);
      const changed = [...after]
        .filter(([path, text]) => before.get(path) !== text)
        .map(([path, text]) => [path, insertedBlock(before.get(path)!, text)?.length] as const);
      expect(changed).toEqual([
        ['events/OrderStatusUpdated/builder.ts', 2],
        ['events/OrderStatusUpdated/schema.ts', 7],
        ['events/OrderStatusUpdated/types.ts', 2],
        ['events/OrderStatusUpdated/validate.ts', 8],
        ['schemas/AMAZON.OrderStatus.Updated.schema.json', 7],
      ]);
    } finally {
      await scratch.dispose();
    }
  }, 60_000);
});
