import { describe, expect, it } from 'vitest';
import {
  explainUtterance,
  previewUtterance,
  previewUtterances,
} from '../../../generated/preview.js';
import {
  createReferenceRenderer,
  type ReferenceEvent,
  type ReferenceRenderer,
} from '../../../generator/emitters/previewers/reference.js';
import type { Model } from '../../../generator/model/types.js';
import { amazonEventNames, isAmazonEventName } from '../../support/amazon-schemas.js';
import { realModel } from '../../support/definitions.js';

// Loaded while the file is collected: the examples are the test table.
const model: Model = await realModel();
const handlebars: ReferenceRenderer = createReferenceRenderer(model);

const examples = model.events.flatMap((schema) =>
  schema.examples.map((example, index) => ({
    schema: schema.name,
    label: `${schema.name} example ${index + 1}`,
    event: example.event as ReferenceEvent,
    utterance: example.utterance,
  })),
);

/** The locales an event's preview speaks: those of its localized attributes, else en-US. */
function localesOf(event: ReferenceEvent): unknown[] {
  const locales = [...new Set((event.localizedAttributes ?? []).map((entry) => entry['locale']))];
  return locales.length > 0 ? locales : ['en-US'];
}

describe('the examples of the definitions', () => {
  // Amazon's eight state the utterance Amazon documents for each example; a schema added later may
  // leave it out (the format makes it optional) and is then checked by the Handlebars test below.
  it('include every one of Amazon’s schemas, each example of which states its utterance', () => {
    const schemas = new Set(examples.map((example) => example.schema));
    expect(amazonEventNames.filter((name) => !schemas.has(name))).toEqual([]);
    expect(
      examples
        .filter(({ schema, utterance }) => isAmazonEventName(schema) && utterance === undefined)
        .map(({ label }) => label),
    ).toEqual([]);
  });

  it.each(examples.filter((example) => example.utterance !== undefined))(
    '$label says its en-US utterance exactly',
    ({ event, utterance }) => {
      expect(previewUtterance(event as never, 'en-US')).toBe(utterance);
    },
  );

  it.each(examples)(
    '$label says what the Handlebars runtime says, in every locale it carries',
    ({ event }) => {
      const previews = previewUtterances(event as never);
      expect(Object.keys(previews)).toEqual(localesOf(event));
      for (const [locale, text] of Object.entries(previews)) {
        expect(text, locale).toBe(handlebars(event, locale));
      }
    },
  );
});

describe('localized attributes', () => {
  const weather = () => model.events[0]!.examples[0]!.event as never;
  const media = () =>
    model.events.find((schema) => schema.name === 'AMAZON.MediaContent.Available')!.examples[0]!
      .event as never;

  it('are resolved per locale, with the locale’s own template where it has one', () => {
    expect(previewUtterances(weather())).toEqual({
      'en-US': 'There is a tornado alert for your area. Provided by Example Weather Corp.',
      'de-DE':
        'Für Ihre Region liegt eine Tornadowarnung vor. Bereitgestellt von Beispiel-Wetterdienst.',
    });
  });

  it('fall back to the en-US wording, and say so, for a locale without a template', () => {
    expect(explainUtterance(media(), 'de-DE')).toEqual({
      locale: 'de-DE',
      text: 'German Content Name will air on November 20, 2018 on German Provider Name.',
      variant: 'with-provider',
      fallback: true,
      templateLocale: 'en-US',
      values: [
        {
          field: 'content.name',
          source: 'localizedAttributes',
          raw: 'localizedattribute:contentName',
          spoken: 'German Content Name',
        },
        { field: 'availability.method', source: 'payload', raw: 'AIR', spoken: 'air' },
        {
          field: 'availability.startTime',
          source: 'payload',
          raw: '2018-11-20T21:00:00Z',
          spoken: 'November 20, 2018',
        },
        {
          field: 'availability.provider.name',
          source: 'localizedAttributes',
          raw: 'localizedattribute:providerName',
          spoken: 'German Provider Name',
        },
      ],
    });
  });

  it('are not a fallback in a locale with its own template', () => {
    const explained = explainUtterance(weather(), 'de-DE');
    expect([explained.fallback, explained.templateLocale, explained.variant]).toEqual([
      false,
      'de-DE',
      'variant-1',
    ]);
  });
});
