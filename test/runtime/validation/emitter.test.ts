import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as GeneratedValidators from '../../../generated/validate.js';
import { createContext } from '../../../generator/emitters/emitter.js';
import { emitCatalog } from '../../../generator/emitters/catalog.js';
import { emitValidators } from '../../../generator/emitters/validators/module.js';
import type { EventSchema, Field, Model } from '../../../generator/model/types.js';
import { formatFiles } from '../../../generator/output/format.js';
import { packageRoot } from '../../../generator/paths.js';
import { realModel } from '../../support/definitions.js';

/**
 * The emitters know no schema: a made-up schema using what the 8 real ones do not (booleans,
 * maximums, payload patterns, arrays of objects, keys that need escaping in pointers and
 * quoting in code) gets validators that work.
 */
const position = { file: 'widget.yaml', line: 1, column: 1 };
const base = { description: 'A field.', required: true, localizable: false, position };
const field = (
  key: string,
  path: string[],
  rest: Partial<Field> & { kind: Field['kind'] },
): Field => ({ ...base, key, path, ...rest }) as Field;

const widget: EventSchema = {
  name: 'AMAZON.Widget.Updated',
  typeStem: 'WidgetUpdated',
  shortName: 'Widget',
  order: undefined,
  description: 'A made-up schema.',
  reference: 'https://example.com',
  locales: ['en-US'],
  utterances: {},
  examples: [],
  source: 'definitions/events/AMAZON.Widget.Updated.yaml',
  payload: field('', [], {
    kind: 'object',
    typeName: 'WidgetUpdatedPayload',
    properties: [
      field('flag', ['flag'], { kind: 'boolean' }),
      field('level', ['level'], { kind: 'integer', minimum: 1, maximum: 3 }),
      field('code', ['code'], { kind: 'string', pattern: '^[A-Z]{3}$', localizable: true }),
      field('parts', ['parts'], {
        kind: 'array',
        minItems: 1,
        uniqueItems: true,
        items: field('parts', ['parts', '*'], {
          kind: 'object',
          typeName: 'WidgetPart',
          properties: [
            field('a-b', ['parts', '*', 'a-b'], { kind: 'string' }),
            field('x/y', ['parts', '*', 'x/y'], {
              kind: 'enum',
              typeName: 'WidgetKind',
              required: false,
              values: [
                { value: 'ONE', spoken: { 'en-US': 'one' } },
                { value: 'TWO', spoken: { 'en-US': 'two' } },
              ],
            }),
          ],
        }),
      }),
      field('when', ['when'], { kind: 'date-time', required: false }),
      // Keys named like the emitted code's own locals: each gets a local of its own.
      field('key', ['key'], { kind: 'string', required: false }),
      field('required', ['required'], { kind: 'boolean' }),
    ],
  }) as EventSchema['payload'],
};

type Validators = typeof GeneratedValidators;
let validators: Validators;

beforeAll(async () => {
  const real = await realModel();
  const model: Model = { envelope: real.envelope, events: [widget] };
  const outDir = join(packageRoot, 'test', 'fixtures', 'validators', 'out');
  // The validators and the field lists they read (events/<Stem>/schema.ts, the catalog's).
  const context = createContext(model, outDir);
  const files = await formatFiles([...emitCatalog(context), ...emitValidators(context)]);
  rmSync(outDir, { recursive: true, force: true });
  for (const file of files) {
    mkdirSync(dirname(join(outDir, file.path)), { recursive: true });
    writeFileSync(join(outDir, file.path), file.contents);
  }
  validators = (await import(join(outDir, 'validate.ts'))) as Validators;
});

const valid = {
  flag: true,
  level: 2,
  code: 'ABC',
  parts: [{ 'a-b': 'x', 'x/y': 'ONE' }, { 'a-b': 'y' }],
  required: false,
};

describe('validators for a schema the emitters have never seen', () => {
  it.each([
    ['valid', valid, []],
    ['a boolean as a string', { ...valid, flag: 'true' }, [['/flag', 'type']]],
    ['above the maximum', { ...valid, level: 4 }, [['/level', 'minimum']]],
    ['below the minimum', { ...valid, level: 0 }, [['/level', 'minimum']]],
    ['a pattern mismatch', { ...valid, code: 'abc' }, [['/code', 'pattern']]],
    [
      'an item object with a bad enum, keys escaped',
      { ...valid, parts: [{ 'a-b': 'x', 'x/y': 'THREE' }] },
      [['/parts/0/x~1y', 'enum']],
    ],
    ['an item object missing a key', { ...valid, parts: [{}] }, [['/parts/0/a-b', 'required']]],
    [
      'equal item objects',
      { ...valid, parts: [{ 'a-b': 'x' }, { 'a-b': 'x' }] },
      [['/parts/1', 'unique']],
    ],
    ['an empty array', { ...valid, parts: [] }, [['/parts', 'items']]],
    ['an optional date-time broken', { ...valid, when: 'yesterday' }, [['/when', 'format']]],
    ['keys named like locals', { ...valid, key: 'k', required: true }, []],
    ['a key named key broken', { ...valid, key: 1 }, [['/key', 'type']]],
    ['a key named required broken', { ...valid, required: 'yes' }, [['/required', 'type']]],
    [
      'a key named required missing',
      { flag: true, level: 2, code: 'ABC', parts: [{ 'a-b': 'x' }] },
      [['/required', 'required']],
    ],
  ])('%s', (_name, payload, expected) => {
    const result = validators.validatePayload('AMAZON.Widget.Updated' as never, payload);
    expect(result.errors.map((issue) => [issue.path, issue.code])).toEqual(expected);
    expect(validators.isPayload('AMAZON.Widget.Updated' as never, payload)).toBe(
      expected.length === 0,
    );
  });

  it('knows only the schemas of its model', () => {
    expect(validators.isPayload('AMAZON.WeatherAlert.Activated', { weatherAlert: {} })).toBe(false);
    expect(
      validators
        .validatePayload('AMAZON.WeatherAlert.Activated', {})
        .errors.map((issue) => issue.code),
    ).toEqual(['unknown-event']);
  });
});
