import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DefinitionError } from '../../../generator/definitions/problems.js';
import { loadModel } from '../../../generator/model/load.js';
import { realDefinitions, scratchDefinitions } from '../../support/definitions.js';

const weather = 'events/AMAZON.WeatherAlert.Activated.yaml';

/**
 * Template typos, against the in-memory pipeline (loadModel) on a copy of the weather definition
 * alone: the exact error generation stops with. That a failing generate writes nothing is tested
 * end to end in test/generator/definition-errors.test.ts.
 */
const cases: [string, { from: string; to: string; want: string }][] = [
  [
    'an unknown field',
    {
      from: '{{spoken weatherAlert.alertType}} alert',
      to: '{{spoken weatherAlert.alertTyp}} alert',
      want: `:32:29: /utterances/en-US/0/template: the template names "weatherAlert.alertTyp", which the payload does not have (a payload field such as weatherAlert.alertType, the closest)`,
    },
  ],
  [
    'an unknown helper',
    {
      from: '{{spoken weatherAlert.alertType}} vor',
      to: '{{spokn weatherAlert.alertType}} vor',
      want: `:36:38: /utterances/de-DE/0/template: unknown helper "spokn" (one of spoken, date, list, plural, number, if, unless; did you mean "spoken"?)`,
    },
  ],
  [
    'a missing translation of a spoken value',
    {
      from: '{ en-US: hurricane, de-DE: Hurrikanwarnung }',
      to: 'hurricane',
      want: `:36:45: /utterances/de-DE/0/template: weatherAlert.alertType has no de-DE words for HURRICANE (spoken: { en-US: …, de-DE: … } on each value)`,
    },
  ],
];

describe('a template with a typo fails generation at its position', () => {
  it.each(cases)('%s', async (_name, { from, to, want }) => {
    const scratch = await scratchDefinitions(realDefinitions, [weather]);
    try {
      await scratch.edit(weather, (text) => {
        expect(text).toContain(from);
        return text.replace(from, to);
      });
      const error: unknown = await loadModel(scratch.definitions).catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(DefinitionError);
      const file = relative(process.cwd(), `${scratch.definitions}/${weather}`);
      expect((error as DefinitionError).message).toBe(
        `Definitions have 1 problem:\n${file}${want}`,
      );
    } finally {
      await scratch.dispose();
    }
  });
});
