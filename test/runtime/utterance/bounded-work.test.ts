import { describe, expect, it } from 'vitest';
import { utterancePreviewTable } from '../../../generated/preview.js';
import { validateProactiveEvent } from '../../../generated/validate.js';
import { createPreviewer } from '../../../runtime/utterance/index.js';
import { eventOf } from './events.js';

/** previewUtterances on an event of many locales: one validation, not one per locale. */

/** A locale tag per index: aa-AA, aa-AB, …, all distinct. */
function localeOf(index: number): string {
  const letter = (n: number) => String.fromCharCode(97 + (Math.floor(n) % 26));
  return `${letter(index / 26 ** 3)}${letter(index / 26 ** 2)}-${letter(index / 26).toUpperCase()}${letter(index).toUpperCase()}`;
}

describe('previewing every locale of an event', () => {
  it('validates the event once, however many locales it has', () => {
    let validations = 0;
    const previewer = createPreviewer({
      ...utterancePreviewTable,
      validate: (event) => {
        validations++;
        return validateProactiveEvent(event);
      },
    });
    const attributes = Array.from({ length: 300 }, (_, index) => ({
      locale: index === 0 ? 'en-US' : localeOf(index),
      source: `Source ${index}`,
    }));
    const event = eventOf(
      'AMAZON.WeatherAlert.Activated',
      { weatherAlert: { source: 'localizedattribute:source', alertType: 'TORNADO' } },
      attributes,
    );
    const previews = previewer.previewAll(event);
    expect(validations).toBe(1);
    expect(Object.keys(previews)).toHaveLength(300);
    // Each locale speaks its own entry (found by a map, not a search per locale).
    expect(previews['en-US']).toContain('Source 0');
    expect(previews[localeOf(299)]).toContain('Source 299');
  });

  /** A weather alert whose source is localized, with a first entry for en-US and `second`. */
  const withSecondEntry = (second: string) =>
    eventOf(
      'AMAZON.WeatherAlert.Activated',
      { weatherAlert: { source: 'localizedattribute:source', alertType: 'TORNADO' } },
      [
        { locale: 'en-US', source: 'First' },
        { locale: second, source: 'Second' },
      ],
    );

  it('without a validator, speaks the first entry of a locale that appears twice, as a single preview does', () => {
    const previewer = createPreviewer(utterancePreviewTable);
    const event = withSecondEntry('en-US');
    const previews = previewer.previewAll(event);
    expect(Object.keys(previews)).toEqual(['en-US']);
    expect(previews['en-US']).toBe(previewer.preview(event, 'en-US'));
    expect(previews['en-US']).toContain('First');
  });

  it('without a validator, refuses an entry whose locale is "__proto__" before using it as a key', () => {
    const previewer = createPreviewer(utterancePreviewTable);
    const event = withSecondEntry('__proto__');
    expect(() => previewer.previewAll(event)).toThrow(
      '"__proto__" is not a locale (such as en-US)',
    );
  });
});
