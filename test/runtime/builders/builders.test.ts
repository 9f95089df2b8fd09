import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createMediaContentAvailableEvent,
  createOrderStatusUpdatedEvent,
  createProactiveEvent,
  createTrashCollectionAlertActivatedEvent,
  createWeatherAlertActivatedEvent,
  previewUtterances,
  ProactiveEventValidationError,
  validateProactiveEvent,
} from '../../../generated/index.js';
import { LocalizationError } from '../../../runtime/builders/index.js';

const now = Date.parse('2024-05-01T12:00:00Z');
const user = { user: 'amzn1.ask.account.TEST' };

describe('event builders', () => {
  it('fills in the envelope: timestamp now, expiry in one hour, an alphanumeric referenceId', () => {
    const event = createOrderStatusUpdatedEvent({
      payload: { state: { status: 'ORDER_SHIPPED' }, order: { seller: { name: 'Amazon' } } },
      audience: user,
      now,
    });
    expect(event).toEqual({
      timestamp: '2024-05-01T12:00:00.000Z',
      referenceId: expect.stringMatching(/^[A-Za-z0-9]{32}$/),
      expiryTime: '2024-05-01T13:00:00.000Z',
      event: {
        name: 'AMAZON.OrderStatus.Updated',
        payload: { state: { status: 'ORDER_SHIPPED' }, order: { seller: { name: 'Amazon' } } },
      },
      localizedAttributes: [],
      relevantAudience: { type: 'Unicast', payload: { user: 'amzn1.ask.account.TEST' } },
    });
    expect(validateProactiveEvent(event, { now })).toEqual({
      valid: true,
      errors: [],
      warnings: [],
    });
  });

  it('makes a different referenceId every time', () => {
    const ids = new Set(
      Array.from(
        { length: 1000 },
        () =>
          createTrashCollectionAlertActivatedEvent({
            payload: { alert: { garbageTypes: ['GLASS'], collectionDayOfWeek: 'TUESDAY' } },
            audience: 'Multicast',
          }).referenceId,
      ),
    );
    expect(ids.size).toBe(1000);
  });

  it('writes localized attributes from per-locale texts, every locale carrying every key', () => {
    const event = createMediaContentAvailableEvent({
      payload: {
        availability: {
          startTime: '2024-05-03T20:00:00Z',
          method: 'STREAM',
          provider: { name: { 'en-US': 'Example TV', 'de-DE': 'Beispiel-TV' } },
        },
        content: { name: { 'en-US': 'The Show', 'de-DE': 'Die Sendung' }, contentType: 'EPISODE' },
      },
      audience: 'Multicast',
      now,
    });
    expect(event.event.payload).toEqual({
      availability: {
        startTime: '2024-05-03T20:00:00Z',
        method: 'STREAM',
        provider: { name: 'localizedattribute:availabilityProviderName' },
      },
      content: { name: 'localizedattribute:contentName', contentType: 'EPISODE' },
    });
    expect(event.localizedAttributes).toEqual([
      { locale: 'de-DE', availabilityProviderName: 'Beispiel-TV', contentName: 'Die Sendung' },
      { locale: 'en-US', availabilityProviderName: 'Example TV', contentName: 'The Show' },
    ]);
    expect(event.relevantAudience).toEqual({ type: 'Multicast', payload: {} });
    expect(validateProactiveEvent(event, { now })).toEqual({
      valid: true,
      errors: [],
      warnings: [],
    });
    expect(previewUtterances(event)['en-US']).toBe(
      'The Show will stream on May 3, 2024 on Example TV.',
    );
  });

  it('refuses per-locale texts that do not cover the same locales', () => {
    expect(() =>
      createMediaContentAvailableEvent({
        payload: {
          availability: {
            startTime: '2024-05-03T20:00:00Z',
            method: 'AIR',
            provider: { name: { 'en-US': 'Example TV' } },
          },
          content: {
            name: { 'en-US': 'The Show', 'de-DE': 'Die Sendung' },
            contentType: 'EPISODE',
          },
        },
        audience: 'Multicast',
      }),
    ).toThrow(
      new LocalizationError(
        "The localized text for availabilityProviderName has no de-DE: every localized field needs the same locales (de-DE, en-US), because Alexa reads each locale's entry whole.",
      ),
    );
  });

  it.each([
    [60, '2024-05-01T12:05:00.000Z'],
    ['1m' as const, '2024-05-01T12:05:00.000Z'],
    ['30m' as const, '2024-05-01T12:30:00.000Z'],
    ['2h' as const, '2024-05-01T14:00:00.000Z'],
    [86_400, '2024-05-02T12:00:00.000Z'],
    ['48h' as const, '2024-05-02T12:00:00.000Z'],
  ])('keeps expiresIn %j within the 5 min – 24 h window', (expiresIn, expiryTime) => {
    const event = createWeatherAlertActivatedEvent({
      payload: { weatherAlert: { source: 'Example Weather', alertType: 'HURRICANE' } },
      audience: user,
      expiresIn,
      now,
    });
    expect(event.expiryTime).toBe(expiryTime);
    expect(validateProactiveEvent(event, { now }).valid).toBe(true);
  });

  it('measures the expiry from a given timestamp and keeps a given referenceId', () => {
    const event = createProactiveEvent({
      name: 'AMAZON.WeatherAlert.Activated',
      payload: { weatherAlert: { source: 'Example Weather', alertType: 'TORNADO' } },
      audience: { type: 'Unicast', payload: { user: 'amzn1.ask.account.TEST' } },
      timestamp: '2024-05-01T11:58:00Z',
      referenceId: 'storm~42',
      expiresIn: '10m',
      now,
    });
    expect(event).toMatchObject({
      timestamp: '2024-05-01T11:58:00.000Z',
      expiryTime: '2024-05-01T12:08:00.000Z',
      referenceId: 'storm~42',
    });
  });

  it('refuses to build an invalid event, naming the path', () => {
    const build = () =>
      createOrderStatusUpdatedEvent({
        payload: {
          state: { status: 'ORDER_LOST' as 'ORDER_SHIPPED' },
          order: { seller: { name: 'Amazon' } },
        },
        audience: user,
        now,
      });
    expect(build).toThrow(ProactiveEventValidationError);
    try {
      build();
    } catch (error) {
      expect(
        (error as ProactiveEventValidationError).errors.map(({ path, code }) => ({ path, code })),
      ).toEqual([{ path: '/event/payload/state/status', code: 'enum' }]);
    }
  });

  it('refuses an invalid duration with a clear message', () => {
    expect(() =>
      createWeatherAlertActivatedEvent({
        payload: { weatherAlert: { source: 'x', alertType: 'TORNADO' } },
        audience: user,
        expiresIn: '1 day' as '1h',
      }),
    ).toThrow('expiresIn must look like 90s, 30m or 2h, not "1 day"');
  });

  it('builds a valid, consistent event for any set of localized texts (property)', () => {
    const locale = fc.constantFrom('en-US', 'de-DE', 'fr-FR', 'ja-JP', 'es-ES');
    fc.assert(
      fc.property(
        fc.uniqueArray(locale, { minLength: 1, maxLength: 5 }),
        fc.string({ minLength: 1 }),
        fc.string({ minLength: 1 }),
        (locales, subject, provider) => {
          const text = (value: string) =>
            Object.fromEntries(locales.map((code) => [code, `${value} ${code}`]));
          const event = createProactiveEvent({
            name: 'AMAZON.Occasion.Updated',
            payload: {
              state: { confirmationStatus: 'CONFIRMED' },
              occasion: {
                occasionType: 'APPOINTMENT',
                subject: text(subject),
                provider: { name: text(provider) },
                bookingTime: '2024-06-01T10:00:00Z',
              },
            },
            audience: user,
            now,
          });
          expect(event.localizedAttributes.map((entry) => entry.locale)).toEqual(
            [...locales].sort(),
          );
          for (const entry of event.localizedAttributes)
            expect(Object.keys(entry).sort()).toEqual([
              'locale',
              'occasionProviderName',
              'occasionSubject',
            ]);
          const result = validateProactiveEvent(event, { now });
          expect(result.errors).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
