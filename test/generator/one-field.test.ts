import { beforeAll, describe, expect, it } from 'vitest';
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

/** What the real definitions emit, computed once for every case. */
let before: Map<string, string>;
beforeAll(async () => {
  before = await emit(realDefinitions);
}, 60_000);

/** The files emitted from `definitions` that differ from `before`. */
function changedFiles(after: Map<string, string>): string[] {
  expect([...after.keys()]).toEqual([...before.keys()]);
  return [...after].filter(([path, text]) => before.get(path) !== text).map(([path]) => path);
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
      const after = await emit(scratch.definitions);
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

describe('rewording one template of one schema', () => {
  it('changes only that schema’s preview module', async () => {
    const weather = 'events/AMAZON.WeatherAlert.Activated.yaml';
    const scratch = await scratchDefinitions();
    try {
      await scratch.edit(weather, (text) => {
        expect(text).toContain(' alert for your area.');
        return text.replace(' alert for your area.', ' warning for your area.');
      });
      const after = await emit(scratch.definitions);
      expect(changedFiles(after)).toEqual(['events/WeatherAlertActivated/preview.ts']);
      expect(after.get('events/WeatherAlertActivated/preview.ts')).toContain(
        "' warning for your area. Provided by '",
      );
    } finally {
      await scratch.dispose();
    }
  }, 60_000);
});
