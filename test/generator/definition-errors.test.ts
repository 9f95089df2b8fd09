import { eventNames } from '../../generated/catalog.js';
import { relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DefinitionError } from '../../generator/definitions/problems.js';
import { loadModel } from '../../generator/model/load.js';
import { scratchDefinitions } from '../support/definitions.js';

const weather = 'events/AMAZON.WeatherAlert.Activated.yaml';
const weatherText = (root: string) => `${root}/definitions/${weather}`;

/**
 * Definition errors, message by message, against the in-memory pipeline (loadModel): that a
 * failing generate writes nothing is tested once, end to end, in check.test.ts and hostile.test.ts.
 */
describe('bad definitions', () => {
  let scratch: Awaited<ReturnType<typeof scratchDefinitions>>;

  beforeEach(async () => {
    scratch = await scratchDefinitions();
  });
  afterEach(() => scratch.dispose());

  /** Loads the broken definitions; returns the problem lines with the scratch prefix removed. */
  async function problems(): Promise<string[]> {
    const error = await loadModel(scratch.definitions).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DefinitionError);
    const prefix = `${relative(process.cwd(), scratch.root)}/`;
    return (error as DefinitionError).message
      .split('\n')
      .filter((line) => line.startsWith(prefix))
      .map((line) => line.slice(prefix.length));
  }

  it('reports an unknown property with its position and the closest name', async () => {
    await scratch.edit(weather, (text) =>
      text.replace(
        '        required: true\n        localizable: true',
        '        requird: true\n        localizable: true',
      ),
    );
    expect(await problems()).toEqual([
      `definitions/${weather}:15:9: /payload/weatherAlert/properties/source/requird: unknown property "requird" (one of type, description, required, localizable, minLength, maxLength, pattern; did you mean "required"?)`,
    ]);
  });

  it('reports a field type that does not exist', async () => {
    await scratch.edit(weather, (text) => text.replace('type: enum', 'type: enumeration'));
    expect(await problems()).toEqual([
      `definitions/${weather}:19:15: /payload/weatherAlert/properties/alertType/type: "enumeration" is not allowed (one of string, integer, boolean, date-time, enum, object, array)`,
    ]);
  });

  it('reports an enum value that is not a token', async () => {
    await scratch.edit(weather, (text) =>
      text.replace('SNOW_STORM: { spoken:', 'snow storm: { spoken:'),
    );
    expect(await problems()).toEqual([
      `definitions/${weather}:26:11: /payload/weatherAlert/properties/alertType/values/snow storm: enum value "snow storm" is not a token (letters, digits and _, starting with a letter, e.g. SNOW_STORM)`,
    ]);
  });

  it('reports a template that names a field the payload does not have', async () => {
    await scratch.edit(weather, (text) =>
      text.replace('{{weatherAlert.source}}', '{{weatherAlert.sorce}}'),
    );
    expect(await problems()).toEqual([
      `definitions/${weather}:33:11: /utterances/en-US/0/template: the template names "weatherAlert.sorce", which the payload does not have (a payload field such as weatherAlert.source, the closest)`,
    ]);
  });

  it('reports an unknown template helper', async () => {
    await scratch.edit(weather, (text) =>
      text.replace('{{spoken weatherAlert.alertType}}', '{{spokn weatherAlert.alertType}}'),
    );
    expect(await problems()).toEqual([
      `definitions/${weather}:32:22: /utterances/en-US/0/template: unknown helper "spokn" (one of spoken, date, list, plural, number, if, unless; did you mean "spoken"?)`,
    ]);
  });

  it('reports an example that does not satisfy its own definition', async () => {
    await scratch.edit(weather, (text) =>
      text.replace('alertType: TORNADO', 'alertType: TORNADOS'),
    );
    expect(await problems()).toEqual([
      `definitions/${weather}:51:24: /examples/0/event/event/payload/weatherAlert/alertType: the example fails validateProactiveEvent: "TORNADOS" is not one of TORNADO, HURRICANE, SNOW_STORM or THUNDER_STORM; did you mean TORNADO? (enum)`,
    ]);
  });

  it('reports two files defining one event, and a file named for another event', async () => {
    await scratch.write(
      'events/AMAZON.Weather.Copy.yaml',
      await readText(weatherText(scratch.root)),
    );
    expect(await problems()).toEqual([
      // Files are read in name order, so the copy comes first and the original is the second definition.
      'definitions/events/AMAZON.Weather.Copy.yaml:1:7: /name: the file is named AMAZON.Weather.Copy.yaml but defines AMAZON.WeatherAlert.Activated (a file named AMAZON.WeatherAlert.Activated.yaml)',
      `definitions/${weather}:1:7: /name: AMAZON.WeatherAlert.Activated is already defined in ` +
        `${scratch.root.slice(process.cwd().length + 1)}/definitions/events/AMAZON.Weather.Copy.yaml:1:7 (one file per event)`,
    ]);
  });

  it('reports a YAML and a JSON file for the same event', async () => {
    const { parse } = await import('yaml');
    await scratch.write(
      'events/AMAZON.WeatherAlert.Activated.json',
      JSON.stringify(parse(await readText(weatherText(scratch.root))), null, 2),
    );
    expect(await problems()).toEqual([
      `definitions/${weather}:1:7: /name: AMAZON.WeatherAlert.Activated is already defined in ${scratch.root.slice(process.cwd().length + 1)}/definitions/events/AMAZON.WeatherAlert.Activated.json:2:11 (one file per event)`,
    ]);
  });

  it('reports malformed YAML with its position', async () => {
    await scratch.edit(weather, (text) => text.replace('locales: [de-DE,', 'locales: [de-DE,,'));
    const lines = await problems();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^definitions/${weather.replace(/\./g, '\\.')}:5:\\d+: /: .+ \\(well-formed YAML or JSON\\)$`,
      ),
    );
  });

  it('reports every problem of every file at once', async () => {
    await scratch.edit(weather, (text) =>
      text.replace('{{weatherAlert.source}}', '{{weatherAlert.sorce}}'),
    );
    await scratch.edit('events/AMAZON.OrderStatus.Updated.yaml', (text) =>
      text.replace('ORDER_PREPARING: {', 'ORDER PREPARING: {'),
    );
    const lines = await problems();
    expect(lines.map((line) => line.split(': ')[0])).toEqual([
      'definitions/events/AMAZON.OrderStatus.Updated.yaml:23:11',
      'definitions/events/AMAZON.OrderStatus.Updated.yaml:65:29',
      `definitions/${weather}:33:11`,
    ]);
    expect(lines[1]).toContain('"ORDER_PREPARING" is not a value of state.status');
  });

  it('accepts a definition written as JSON', async () => {
    const { parse } = await import('yaml');
    const json = JSON.stringify(parse(await readText(weatherText(scratch.root))), null, 2);
    await scratch.remove(weather);
    await scratch.write('events/AMAZON.WeatherAlert.Activated.json', json);
    expect((await loadModel(scratch.definitions)).events).toHaveLength(eventNames.length);
  });
});

async function readText(path: string): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  return readFile(path, 'utf8');
}
