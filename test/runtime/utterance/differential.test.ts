import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  explainUtterance,
  previewUtterance,
  UtterancePreviewError,
} from '../../../generated/preview.js';
import type { ProactiveEvent } from '../../../generated/types/index.js';
import {
  createReferenceRenderer,
  type ReferenceEvent,
  type ReferenceRenderer,
} from '../../../generator/emitters/previewers/reference.js';
import type { Model } from '../../../generator/model/types.js';
import { resolveLocalized } from '../../../runtime/utterance/localized.js';
import { spokenDate, spokenDateText } from '../../../runtime/utterance/speak.js';
import { anyValidEvent } from '../validation/arbitraries.js';
import { realModel } from '../../support/definitions.js';

/**
 * The generated previewer and the Handlebars runtime over the same templates and the same helper
 * table must say the same thing for every valid event, in every locale it carries (localized
 * attribute references included).
 */
let model: Model;
let handlebars: ReferenceRenderer;
beforeAll(async () => {
  model = await realModel();
  handlebars = createReferenceRenderer(model);
});

/** The preview, or the code of the UtterancePreviewError it throws (a payload no variant takes). */
function preview(event: ProactiveEvent, locale: string): string {
  try {
    return previewUtterance(event, locale);
  } catch (error) {
    if (error instanceof UtterancePreviewError && error.code === 'no-variant') return 'no-variant';
    throw error;
  }
}

describe('the generated previewer and the Handlebars runtime', () => {
  it('say the same for valid events in each of their 1-3 locales', () => {
    let compared = 0;
    fc.assert(
      fc.property(anyValidEvent(model), (json) => {
        const event = json as unknown as ProactiveEvent & ReferenceEvent;
        const entries = event.localizedAttributes;
        const locales =
          entries.length > 0 ? entries.map((entry) => String(entry.locale)) : ['en-US'];
        for (const locale of locales) {
          const text = preview(event, locale);
          if (text === 'no-variant') continue;
          compared++;
          expect(text).toBe(handlebars(event, locale));
        }
      }),
      { seed: 1913, numRuns: 300 },
    );
    expect(compared).toBeGreaterThan(200);
  });

  it('resolve localized attributes through the same function', () => {
    const event = {
      timestamp: '2019-05-01T10:00:00Z',
      referenceId: 'differential',
      expiryTime: '2019-05-01T11:00:00Z',
      event: {
        name: 'AMAZON.WeatherAlert.Activated',
        payload: { weatherAlert: { source: 'localizedattribute:source', alertType: 'TORNADO' } },
      },
      localizedAttributes: [
        { locale: 'en-US', source: 'Example Weather Corp' },
        { locale: 'de-DE', source: 'Beispiel-Wetterdienst' },
      ],
      relevantAudience: { type: 'Multicast', payload: {} },
    } as unknown as ProactiveEvent & ReferenceEvent;
    expect(previewUtterance(event, 'de-DE')).toBe(handlebars(event, 'de-DE'));
    expect(explainUtterance(event, 'de-DE').values[1]).toEqual({
      field: 'weatherAlert.source',
      source: 'localizedAttributes',
      raw: 'localizedattribute:source',
      spoken: 'Beispiel-Wetterdienst',
    });
  });
});

describe('resolveLocalized', () => {
  const prefix = 'localizedattribute:';
  it('leaves text that is no reference as it is', () => {
    expect(resolveLocalized('Example Corp', prefix, undefined)).toBe('Example Corp');
  });
  it("gives the entry's string for KEY", () => {
    expect(resolveLocalized(`${prefix}name`, prefix, { locale: 'en-US', name: 'Ann' })).toBe('Ann');
  });
  it('gives undefined without an entry, for a missing key, a non-string or an inherited name', () => {
    expect(resolveLocalized(`${prefix}name`, prefix, undefined)).toBeUndefined();
    expect(resolveLocalized(`${prefix}name`, prefix, { locale: 'en-US' })).toBeUndefined();
    expect(resolveLocalized(`${prefix}name`, prefix, { locale: 'en-US', name: 3 })).toBeUndefined();
    expect(resolveLocalized(`${prefix}toString`, prefix, { locale: 'en-US' })).toBeUndefined();
  });
});

describe('spokenDateText', () => {
  it('says a written date-time as spokenDate says its time, again from memory', () => {
    const text = '2019-05-18T02:00:00+02:00';
    const said = spokenDate(Date.parse(text), 'de-DE', 'UTC');
    expect(said).toBe('18. Mai 2019');
    expect(spokenDateText(text, 'de-DE', 'UTC')).toBe(said);
    expect(spokenDateText(text, 'de-DE', 'UTC')).toBe(said);
    expect(spokenDateText(text, 'en-US', 'America/New_York')).toBe('May 17, 2019');
  });
  it('gives undefined for text that is no date', () => {
    expect(spokenDateText('soon', 'en-US', 'UTC')).toBeUndefined();
  });
});
