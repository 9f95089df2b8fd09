import { describe, expect, it } from 'vitest';
import { utterancePreviewTable, UtterancePreviewError } from '../../../generated/preview.js';
import {
  createPreviewer,
  type PreviewOptions,
  type PreviewValidator,
} from '../../../runtime/utterance/index.js';
import type { Issue } from '../../../runtime/validation/issues.js';
import { eventOf } from './events.js';

const weather = (weatherAlert: object, attributes: Record<string, string>[] = []) =>
  eventOf('AMAZON.WeatherAlert.Activated', { weatherAlert }, attributes) as never;

function failure(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof UtterancePreviewError) {
      return { code: error.code, path: error.path, message: error.message };
    }
    throw error;
  }
  throw new Error('expected an UtterancePreviewError');
}

// These cases are the previewer's own refusals, which hold even without a validator.
const withValidator = (validate?: PreviewValidator) =>
  createPreviewer({ ...utterancePreviewTable, validate });
let unvalidated = withValidator();
const previewUtterance = (event: never, locale = 'en-US', options: PreviewOptions = {}) =>
  unvalidated.preview(event, locale, options);

describe('events the previewer refuses', () => {
  it('a localized attribute missing for the locale', () => {
    const event = weather({ source: 'localizedattribute:source', alertType: 'TORNADO' }, [
      { locale: 'en-US', source: 'Example Weather Corp' },
      { locale: 'de-DE', sourceName: 'typo' },
    ]);
    expect(failure(() => previewUtterance(event, 'de-DE'))).toEqual({
      code: 'missing-localized-attribute',
      path: '/event/payload/weatherAlert/source',
      message:
        '/event/payload/weatherAlert/source: localizedattribute:source has no value for de-DE (a "source" string in /localizedAttributes/1)',
    });
    expect(failure(() => previewUtterance(event, 'fr-FR'))).toEqual({
      code: 'missing-localized-attribute',
      path: '/event/payload/weatherAlert/source',
      message:
        '/event/payload/weatherAlert/source: localizedattribute:source has no value for fr-FR: localizedAttributes has no fr-FR entry (an entry {"locale": "fr-FR", "source": "…"})',
    });
  });

  it('a field the template needs', () => {
    expect(failure(() => previewUtterance(weather({ alertType: 'TORNADO' })))).toEqual({
      code: 'missing-field',
      path: '/event/payload/weatherAlert/source',
      message:
        '/event/payload/weatherAlert/source: the template needs this field, but the payload does not have it (a string)',
    });
  });

  it('a value the schema does not have', () => {
    expect(failure(() => previewUtterance(weather({ source: 'X', alertType: 'FOG' })))).toEqual({
      code: 'unknown-value',
      path: '/event/payload/weatherAlert/alertType',
      message:
        '/event/payload/weatherAlert/alertType: "FOG" is not a value of this field (one of TORNADO, HURRICANE, SNOW_STORM, THUNDER_STORM)',
    });
  });

  it('a value of the wrong type', () => {
    const event = eventOf('AMAZON.MessageAlert.Activated', {
      state: { status: 'UNREAD' },
      messageGroup: { creator: { name: 'Jane' }, count: '3' },
    }) as never;
    expect(failure(() => previewUtterance(event))).toEqual({
      code: 'wrong-type',
      path: '/event/payload/messageGroup/count',
      message: '/event/payload/messageGroup/count: "3" cannot be spoken here (an integer)',
    });
  });

  it('a reference in a field that cannot be localized', () => {
    const event = eventOf('AMAZON.SocialGameInvite.Available', {
      invite: {
        inviter: { name: 'localizedattribute:inviter' },
        relationshipToInvitee: 'FRIEND',
        inviteType: 'INVITE',
      },
      game: { offer: 'GAME', name: 'Chess' },
    }) as never;
    expect(failure(() => previewUtterance(event)).path).toBe('/event/payload/invite/inviter/name');
  });

  it('an unknown event name, listing the known ones', () => {
    const result = failure(() =>
      previewUtterance(eventOf('AMAZON.Weather.Activated', {}) as never),
    );
    expect([result.code, result.path]).toEqual(['unknown-event', '/event/name']);
    expect(result.message).toMatch(
      /^\/event\/name: "AMAZON\.Weather\.Activated" is not an event schema \(one of AMAZON\.WeatherAlert\.Activated, AMAZON\.SportsEvent\.Updated, /,
    );
  });

  it('something that is not an event', () => {
    expect(failure(() => previewUtterance(null as never))).toEqual({
      code: 'invalid-event',
      path: '',
      message: '/: the event is not a JSON object (a proactive event)',
    });
    expect(
      failure(() => previewUtterance({ event: { name: 'AMAZON.WeatherAlert.Activated' } } as never))
        .path,
    ).toBe('/event/payload');
  });

  it('a bad locale or time zone', () => {
    const event = weather({ source: 'X', alertType: 'TORNADO' });
    expect(failure(() => previewUtterance(event, 'english')).message).toBe(
      '"english" is not a locale (such as en-US)',
    );
    expect(failure(() => previewUtterance(event, 'en-US', { timeZone: 'Mars/Base' })).code).toBe(
      'invalid-option',
    );
  });

  it('whatever the injected validator rejects, with all its errors', () => {
    const issues: Issue[] = [
      { path: '/referenceId', code: 'pattern', message: 'bad id' },
      { path: '/expiryTime', code: 'expiry-window', message: 'too late' },
    ];
    unvalidated = withValidator(() => ({ valid: false, errors: issues }));
    const event = weather({ source: 'X', alertType: 'TORNADO' });
    expect(failure(() => previewUtterance(event))).toEqual({
      code: 'invalid-event',
      path: '/referenceId',
      message: '/referenceId: the event is not valid: bad id (and 1 more)',
    });
    unvalidated = withValidator(() => ({ valid: true, errors: [] }));
    expect(previewUtterance(event)).toBe('There is a tornado alert for your area. Provided by X.');
  });
});

describe('dates', () => {
  it('are spoken in the time zone asked for (UTC by default)', () => {
    const event = eventOf('AMAZON.OrderStatus.Updated', {
      state: { status: 'ORDER_DELIVERED', enterTimestamp: '2019-05-02T03:30:00Z' },
      order: { seller: { name: 'Amazon' } },
    }) as never;
    expect(previewUtterance(event)).toBe('Your order from Amazon was delivered on May 2, 2019.');
    expect(previewUtterance(event, 'en-US', { timeZone: 'America/Los_Angeles' })).toBe(
      'Your order from Amazon was delivered on May 1, 2019.',
    );
  });
});
