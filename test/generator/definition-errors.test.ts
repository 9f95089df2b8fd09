import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DefinitionError } from '../../generator/definitions/problems.js';
import { loadModel } from '../../generator/model/load.js';
import { runCapturedCli } from '../support/run-cli.js';
import {
  realDefinitions,
  repoRoot,
  scratchDefinitions,
  snapshotTree,
} from '../support/definitions.js';

const weather = 'events/AMAZON.WeatherAlert.Activated.yaml';
const order = 'events/AMAZON.OrderStatus.Updated.yaml';
const weatherJson = 'events/AMAZON.WeatherAlert.Activated.json';
const copy = 'events/AMAZON.Weather.Copy.yaml';

const original = (path: string) => readFile(join(realDefinitions, path), 'utf8');
const asJson = async (path: string) => JSON.stringify(parse(await original(path)), null, 2);

/** One change to a scratch copy of the definitions: a file's new text from the original one. */
interface Case {
  /** Definition files copied (besides envelope.yaml), each unchanged or edited. */
  given: Record<string, (text: string) => string>;
  /** Files added to the copy, by path, with their text. */
  added?: Record<string, () => Promise<string>>;
  /**
   * The problem lines of the DefinitionError, exactly; `@` stands for the scratch folder
   * (as the error names it, relative to the working directory).
   */
  want: string[];
}

const unchanged = (text: string) => text;
const replace = (from: string, to: string) => (text: string) => {
  // A case whose edit does not apply would test the original file: fail loudly instead.
  expect(text).toContain(from);
  return text.replace(from, to);
};

/** Definition errors, message by message, against the in-memory pipeline (loadModel). */
const cases: [string, Case][] = [
  [
    'an envelope field that is not a text',
    {
      given: {
        [weather]: unchanged,
        'envelope.yaml': replace(
          '  expiryTime:\n    type: date-time',
          '  expiryTime:\n    type: boolean',
        ),
      },
      want: [
        '@/definitions/envelope.yaml:26:11: /fields/expiryTime/type: an envelope field is a string or a date-time, not a boolean',
        '@/definitions/envelope.yaml:66:8: /expiryWindow/end: "expiryTime" is not a required date-time field of the envelope (one of timestamp)',
      ],
    },
  ],
  [
    'an end of the expiry window that is not required',
    {
      given: {
        [weather]: unchanged,
        'envelope.yaml': replace(
          '  expiryTime:\n    type: date-time\n    required: true',
          '  expiryTime:\n    type: date-time\n    required: false',
        ),
      },
      want: [
        '@/definitions/envelope.yaml:66:8: /expiryWindow/end: "expiryTime" is not a required date-time field of the envelope (one of timestamp)',
      ],
    },
  ],
  [
    'an unknown property, with its position and the closest name',
    {
      given: {
        [weather]: replace(
          '        required: true\n        localizable: true',
          '        requird: true\n        localizable: true',
        ),
      },
      want: [
        `@/definitions/${weather}:15:9: /payload/weatherAlert/properties/source/requird: unknown property "requird" (one of type, description, required, localizable, minLength, maxLength, pattern; did you mean "required"?)`,
      ],
    },
  ],
  [
    'a field type that does not exist',
    {
      given: { [weather]: replace('type: enum', 'type: enumeration') },
      want: [
        `@/definitions/${weather}:19:15: /payload/weatherAlert/properties/alertType/type: "enumeration" is not allowed (one of string, integer, boolean, date-time, enum, object, array)`,
      ],
    },
  ],
  [
    'an enum value that is not a token',
    {
      given: { [weather]: replace('SNOW_STORM: { spoken:', 'snow storm: { spoken:') },
      want: [
        `@/definitions/${weather}:26:11: /payload/weatherAlert/properties/alertType/values/snow storm: enum value "snow storm" is not a token (letters, digits and _, starting with a letter, e.g. SNOW_STORM)`,
      ],
    },
  ],
  [
    'a template naming a field the payload does not have',
    {
      given: { [weather]: replace('{{weatherAlert.source}}', '{{weatherAlert.sorce}}') },
      want: [
        `@/definitions/${weather}:33:11: /utterances/en-US/0/template: the template names "weatherAlert.sorce", which the payload does not have (a payload field such as weatherAlert.source, the closest)`,
      ],
    },
  ],
  [
    'an unknown template helper',
    {
      given: {
        [weather]: replace('{{spoken weatherAlert.alertType}}', '{{spokn weatherAlert.alertType}}'),
      },
      want: [
        `@/definitions/${weather}:32:22: /utterances/en-US/0/template: unknown helper "spokn" (one of spoken, date, list, plural, number, if, unless; did you mean "spoken"?)`,
      ],
    },
  ],
  [
    'an example that does not satisfy its own definition',
    {
      given: { [weather]: replace('alertType: TORNADO', 'alertType: TORNADOS') },
      want: [
        `@/definitions/${weather}:51:24: /examples/0/event/event/payload/weatherAlert/alertType: the example fails validateProactiveEvent: "TORNADOS" is not one of TORNADO, HURRICANE, SNOW_STORM or THUNDER_STORM; did you mean TORNADO? (enum)`,
      ],
    },
  ],
  [
    'two files defining one event, one of them named for another event',
    {
      given: { [weather]: unchanged },
      added: { [copy]: () => original(weather) },
      // Files are read in name order, so the copy comes first and the original is the second definition.
      want: [
        `@/definitions/${copy}:1:7: /name: the file is named AMAZON.Weather.Copy.yaml but defines AMAZON.WeatherAlert.Activated (a file named AMAZON.WeatherAlert.Activated.yaml)`,
        `@/definitions/${weather}:1:7: /name: AMAZON.WeatherAlert.Activated is already defined in @/definitions/${copy}:1:7 (one file per event)`,
      ],
    },
  ],
  [
    'a YAML and a JSON file for the same event',
    {
      given: { [weather]: unchanged },
      added: { [weatherJson]: () => asJson(weather) },
      want: [
        `@/definitions/${weather}:1:7: /name: AMAZON.WeatherAlert.Activated is already defined in @/definitions/${weatherJson}:2:11 (one file per event)`,
      ],
    },
  ],
  [
    'malformed YAML, with its position',
    {
      given: { [weather]: replace('locales: [de-DE,', 'locales: [de-DE,,') },
      want: [
        `@/definitions/${weather}:5:17: /: Unexpected , in flow sequence (well-formed YAML or JSON)`,
      ],
    },
  ],
  [
    'every problem of every file at once, in file order',
    {
      given: {
        [weather]: replace('{{weatherAlert.source}}', '{{weatherAlert.sorce}}'),
        [order]: replace('ORDER_PREPARING: {', 'ORDER PREPARING: {'),
      },
      want: [
        `@/definitions/${order}:23:11: /payload/state/properties/status/values/ORDER PREPARING: enum value "ORDER PREPARING" is not a token (letters, digits and _, starting with a letter, e.g. SNOW_STORM)`,
        `@/definitions/${order}:65:29: /utterances/en-US/2/when/state.status: "ORDER_PREPARING" is not a value of state.status (one of PREORDER_RECEIVED, ORDER_RECEIVED, ORDER PREPARING, ORDER_SHIPPED, ORDER_OUT_FOR_DELIVERY, ORDER_DELIVERED)`,
        `@/definitions/${weather}:33:11: /utterances/en-US/0/template: the template names "weatherAlert.sorce", which the payload does not have (a payload field such as weatherAlert.source, the closest)`,
      ],
    },
  ],
];

describe('bad definitions', () => {
  const disposers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(disposers.splice(0).map((dispose) => dispose()));
  });

  /** A scratch copy holding envelope.yaml and the case's files, changed as the case says. */
  async function prepare({ given, added = {} }: Omit<Case, 'want'>) {
    const scratch = await scratchDefinitions(realDefinitions, Object.keys(given));
    disposers.push(scratch.dispose);
    for (const [path, change] of Object.entries(given)) await scratch.edit(path, change);
    for (const [path, text] of Object.entries(added)) await scratch.write(path, await text());
    return scratch;
  }

  it.each(cases)('reports %s', async (_name, { want, ...given }) => {
    const scratch = await prepare(given);
    const error: unknown = await loadModel(scratch.definitions).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DefinitionError);
    const at = relative(process.cwd(), scratch.root);
    const count = want.length === 1 ? '1 problem' : `${want.length} problems`;
    expect((error as DefinitionError).message).toBe(
      [`Definitions have ${count}:`, ...want.map((line) => line.replaceAll('@', at))].join('\n'),
    );
  });

  it('accepts a definition written as JSON, with the model its YAML gives', async () => {
    const fromYaml = await loadModel(
      (await prepare({ given: { [weather]: unchanged } })).definitions,
    );
    const { definitions, remove, write } = await prepare({ given: { [weather]: unchanged } });
    await write(weatherJson, await asJson(weather));
    await remove(weather);
    const fromJson = await loadModel(definitions);
    expect(fromJson.events.map((event) => event.name)).toEqual(['AMAZON.WeatherAlert.Activated']);
    // Equal but for where each fact was written: positions name the file, and JSON's lines differ.
    const withoutPositions = (value: unknown): unknown =>
      JSON.parse(
        JSON.stringify(value, (key, inner: unknown) => (key === 'position' ? undefined : inner)),
      );
    expect(withoutPositions(fromJson.events[0]!.payload)).toEqual(
      withoutPositions(fromYaml.events[0]!.payload),
    );
  });
});

describe('generate with a bad definition, end to end', () => {
  it('exits 1 with the one problem and "Nothing was written.", leaving the output and the definitions as they were', async () => {
    const scratch = await scratchDefinitions(realDefinitions, [weather]);
    try {
      // A previous output generate owns: the committed one stands in for it.
      const { cp } = await import('node:fs/promises');
      await cp(join(repoRoot, 'generated'), scratch.out, { recursive: true });
      await scratch.edit('envelope.yaml', replace('minMinutes: 5', 'minMinutes: five'));
      const before = await snapshotTree(scratch.root);
      const run = await runCapturedCli([
        'generate',
        '--definitions',
        scratch.definitions,
        '--out',
        scratch.out,
      ]);
      const at = relative(process.cwd(), scratch.root);
      expect(run).toEqual({
        code: 1,
        stdout: '',
        stderr: `Definitions have 1 problem:\n${at}/definitions/envelope.yaml:67:15: /expiryWindow/minMinutes: a string is not allowed here (integer)\nNothing was written.\n`,
      });
      // Nothing written, changed or deleted anywhere in the scratch folder: no staging folder left.
      expect(await snapshotTree(scratch.root)).toEqual(before);
      expect((await readdir(scratch.root)).sort()).toEqual(['definitions', 'generated']);
    } finally {
      await scratch.dispose();
    }
  });
});
