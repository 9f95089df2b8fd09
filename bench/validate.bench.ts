import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { measure } from 'mitata';
import { isProactiveEvent, validateProactiveEvent } from '../generated/validate.js';
import { loadModel } from '../generator/model/load.js';
import { defaultDefinitionsDir, defaultOutDir } from '../generator/paths.js';
import { compileUnion } from '../test/support/json-schemas.js';
import { anyValidEvent, structuralMutation } from '../test/validation/arbitraries.js';

/**
 * The generated validators against ajv on the emitted JSON Schema, on one seeded corpus of valid
 * and invalid events over every schema: the boolean path against ajv (allErrors off) on valid
 * events, and the full issue list against ajv with allErrors on invalid ones. Both must agree on
 * every verdict before anything is timed. Targets: ≥ 1.6× and ≥ 1.5×.
 */
export async function runValidateBench(): Promise<void> {
  const model = await loadModel(defaultDefinitionsDir);
  // The union refers to each schema's own document by its $id: ajv loads them first.
  const compile = (allErrors: boolean) => compileUnion({ allErrors, strict: true }, ['date-time']);
  const ajvFirst = compile(false);
  const ajvAll = compile(true);
  // Not a target, but the fair question too: ajv spared the union's oneOf, one schema per name.
  const perSchema = new Map<unknown, (event: unknown) => boolean>();
  for (const event of model.events) {
    const path = join(defaultOutDir, 'schemas', `${event.name}.schema.json`);
    const ajv = new Ajv2020({ allErrors: false, strict: true });
    addFormats.default(ajv, ['date-time']);
    const validate = ajv.compile(JSON.parse(await readFile(path, 'utf8')) as object);
    perSchema.set(event.name, (value) => validate(value) as boolean);
  }
  const ajvDispatch = (value: unknown): boolean => {
    const name = (value as { event?: { name?: unknown } } | null)?.event?.name;
    const validate = typeof value === 'object' && value !== null ? perSchema.get(name) : undefined;
    return validate !== undefined && validate(value);
  };

  const valid = fc.sample(anyValidEvent(model), { seed: 20190213, numRuns: 2000 });
  const invalid = fc
    .sample(structuralMutation(model), { seed: 20190214, numRuns: 4000 })
    .filter((event) => !ajvFirst(event))
    .slice(0, 2000);

  // The same verdicts first: otherwise the comparison would be between different jobs.
  for (const [name, corpus, expected] of [
    ['valid', valid, true],
    ['invalid', invalid, false],
  ] as const) {
    corpus.forEach((event, index) => {
      const verdicts = [
        ajvFirst(event),
        ajvAll(event),
        isProactiveEvent(event),
        validateProactiveEvent(event).valid,
      ];
      if (verdicts.some((verdict) => verdict !== expected)) {
        throw new Error(
          `${name} event ${index}: verdicts differ (ajv, ajv allErrors, ajv per schema, is, validate) = ${verdicts.join(', ')}\n${JSON.stringify(event)}`,
        );
      }
    });
  }

  const opsPerSecond = async (events: readonly unknown[], check: (event: unknown) => unknown) => {
    const stats = await measure(() => {
      for (let index = 0; index < events.length; index++) check(events[index]);
    });
    return (events.length / stats.avg) * 1e9;
  };
  const rows = [
    {
      label: `valid events (${valid.length}): isProactiveEvent vs ajv`,
      ours: await opsPerSecond(valid, isProactiveEvent),
      ajv: await opsPerSecond(valid, ajvFirst),
      target: 1.6,
    },
    {
      label: `invalid events (${invalid.length}): validateProactiveEvent vs ajv allErrors`,
      ours: await opsPerSecond(invalid, validateProactiveEvent),
      ajv: await opsPerSecond(invalid, ajvAll),
      target: 1.5,
    },
    {
      label: `valid events (${valid.length}): isProactiveEvent vs ajv per schema, dispatched on event.name`,
      ours: await opsPerSecond(valid, isProactiveEvent),
      ajv: await opsPerSecond(valid, ajvDispatch),
      target: undefined,
    },
  ];
  const format = (value: number) => Math.round(value).toLocaleString('en-US');
  console.log('\nvalidators vs ajv (ops/s per event)');
  for (const row of rows) {
    const ratio = row.ours / row.ajv;
    console.log(
      `  ${row.label}: ours ${format(row.ours)}, ajv ${format(row.ajv)}, ratio ${ratio.toFixed(2)}× ${row.target === undefined ? '(no target)' : `(target ≥ ${row.target}×: ${ratio >= row.target ? 'met' : 'MISSED'})`}`,
    );
  }
  const module = await readFile(join(defaultOutDir, 'validate.ts'));
  console.log(
    `  emitted validator module generated/validate.ts: ${format(module.length)} bytes (${format(gzipSync(module).length)} gzipped)`,
  );
}
