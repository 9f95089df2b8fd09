import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { measure } from 'mitata';
import { isProactiveEvent, validateProactiveEvent } from '../generated/validate.js';
import { loadModel } from '../generator/model/load.js';
import { defaultDefinitionsDir, defaultOutDir } from '../generator/paths.js';
import { anyValidEvent, structuralMutation } from '../test/validation/arbitraries.js';

/**
 * The generated validators against ajv on the emitted JSON Schema, on one seeded corpus of valid
 * and invalid events over every schema: the boolean path against ajv (allErrors off) on valid
 * events, and the full issue list against ajv with allErrors on invalid ones. Both must agree on
 * every verdict before anything is timed. Targets (issue 13): isProactiveEvent ≥ 4× ajv,
 * validateProactiveEvent with a clock ≥ 2.5× ajv on valid events and ≥ 2× ajv (allErrors) on
 * invalid ones.
 */
export async function runValidateBench(): Promise<void> {
  const model = await loadModel(defaultDefinitionsDir);
  const documents = await Promise.all(
    model.events.map(
      async (event) =>
        JSON.parse(
          await readFile(join(defaultOutDir, 'schemas', `${event.name}.schema.json`), 'utf8'),
        ) as JsonDocument,
    ),
  );
  const schema = discriminatedSchema(documents);
  const compile = (allErrors: boolean) => {
    const ajv = new Ajv2020({ allErrors, strict: true, discriminator: true });
    addFormats.default(ajv, ['date-time']);
    return ajv.compile(schema);
  };
  const ajvFirst = compile(false);
  const ajvAll = compile(true);

  const valid = fc.sample(anyValidEvent(model), { seed: 20190213, numRuns: 2000 });
  const invalid = fc
    .sample(structuralMutation(model), { seed: 20190214, numRuns: 4000 })
    .filter((event) => !ajvFirst(event))
    .slice(0, 2000);
  // A clock at each event's timestamp: the event is fresh, so valid with the clock too.
  const clocks = valid.map((event) => ({
    now: Date.parse((event as { timestamp: string }).timestamp),
  }));

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
        validateProactiveEvent(event, expected ? clocks[index] : undefined).valid,
      ];
      if (verdicts.some((verdict) => verdict !== expected)) {
        throw new Error(
          `${name} event ${index}: verdicts differ (ajv, ajv allErrors, is, validate, validate with a clock) = ${verdicts.join(', ')}\n${JSON.stringify(event)}`,
        );
      }
    });
  }

  const opsPerSecond = async (
    events: readonly unknown[],
    check: (event: unknown, index: number) => unknown,
  ) => {
    const stats = await measure(() => {
      for (let index = 0; index < events.length; index++) check(events[index], index);
    });
    return (events.length / stats.avg) * 1e9;
  };
  const rows = [
    {
      label: `valid events (${valid.length}): isProactiveEvent vs ajv`,
      ours: await opsPerSecond(valid, isProactiveEvent),
      ajv: await opsPerSecond(valid, (event) => ajvFirst(event)),
      target: 4,
    },
    {
      label: `valid events (${valid.length}): validateProactiveEvent with a clock vs ajv`,
      ours: await opsPerSecond(valid, (event, index) =>
        validateProactiveEvent(event, clocks[index]),
      ),
      ajv: await opsPerSecond(valid, (event) => ajvFirst(event)),
      target: 2.5,
    },
    {
      label: `invalid events (${invalid.length}): validateProactiveEvent vs ajv allErrors`,
      ours: await opsPerSecond(invalid, (event) => validateProactiveEvent(event)),
      ajv: await opsPerSecond(invalid, (event) => ajvAll(event)),
      target: 2,
    },
  ];
  const format = (value: number) => Math.round(value).toLocaleString('en-US');
  console.log(
    '\nvalidators vs ajv (ops/s per event; ajv 2020 with `discriminator` on event.name, date-time format)',
  );
  for (const row of rows) {
    const ratio = row.ours / row.ajv;
    console.log(
      `  ${row.label}: ours ${format(row.ours)}, ajv ${format(row.ajv)}, ratio ${ratio.toFixed(2)}× (target ≥ ${row.target}×: ${ratio >= row.target ? 'met' : 'MISSED'})`,
    );
  }
}

type JsonDocument = { [keyword: string]: unknown };

/**
 * The fastest union an ajv user writes from the per-schema documents: the envelope once, and
 * `event` as a `oneOf` told apart by ajv's `discriminator` keyword on `name`.
 */
function discriminatedSchema(documents: readonly JsonDocument[]): JsonDocument {
  const { $id: _id, $comment: _comment, title: _title, ...base } = documents[0]!;
  const properties = base.properties as Record<string, JsonDocument>;
  return {
    ...base,
    properties: {
      ...properties,
      event: {
        type: 'object',
        discriminator: { propertyName: 'name' },
        required: ['name'],
        properties: { name: { type: 'string' } },
        oneOf: documents.map(
          (document) => (document.properties as Record<string, JsonDocument>).event,
        ),
      },
    },
  };
}
