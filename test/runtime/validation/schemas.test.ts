import { beforeAll, describe, expect, it } from 'vitest';
import { eventNames } from '../../../generated/catalog.js';
import {
  isPayload,
  isProactiveEvent,
  validatePayload,
  validateProactiveEvent,
} from '../../../generated/validate.js';
import type { Model } from '../../../generator/model/types.js';
import { realModel } from '../../support/definitions.js';

let model: Model;
beforeAll(async () => {
  model = await realModel();
});

/** Per schema: a payload with one problem, and the exact [path, code] list it gets. */
const payloadCases: [string, unknown, string[][]][] = [
  [
    'AMAZON.WeatherAlert.Activated',
    { weatherAlert: { source: 'Weather', alertType: 'TORNADOS' } },
    [['/weatherAlert/alertType', 'enum']],
  ],
  [
    'AMAZON.WeatherAlert.Activated',
    { weatherAlert: { alertType: 'TORNADO' } },
    [['/weatherAlert/source', 'required']],
  ],
  [
    'AMAZON.SportsEvent.Updated',
    {
      sportsEvent: {
        eventLeague: { name: 'L' },
        homeTeamStatistic: { team: { name: 'A' }, score: -1 },
        awayTeamStatistic: { team: { name: 'B' }, score: 2 },
      },
    },
    [['/sportsEvent/homeTeamStatistic/score', 'minimum']],
  ],
  [
    'AMAZON.SportsEvent.Updated',
    {
      update: { scoreEarned: 1 },
      sportsEvent: {
        eventLeague: { name: 'L' },
        homeTeamStatistic: { team: { name: 'A' }, score: 1 },
        awayTeamStatistic: { team: { name: 'B' }, score: 2 },
      },
    },
    [['/update/teamName', 'required']],
  ],
  [
    'AMAZON.MessageAlert.Activated',
    {
      state: { status: 'UNREAD', freshness: 'OLD' },
      messageGroup: { creator: { name: 'Jane' }, count: 2 },
    },
    [['/state/freshness', 'enum']],
  ],
  [
    'AMAZON.OrderStatus.Updated',
    {
      state: { status: 'ORDER_SHIPPED', deliveryDetails: {} },
      order: { seller: { name: 'Shop' } },
    },
    [['/state/deliveryDetails/expectedArrival', 'required']],
  ],
  [
    'AMAZON.OrderStatus.Updated',
    {
      state: { status: 'ORDER_SHIPPED', enterTimeStamp: '2019-02-13T14:00:00Z' },
      order: { seller: { name: 'Shop' } },
    },
    [['/state/enterTimeStamp', 'unknown-property']],
  ],
  [
    'AMAZON.Occasion.Updated',
    {
      state: { confirmationStatus: 'CONFIRMED' },
      occasion: {
        occasionType: 'RESERVATION',
        subject: 'x',
        provider: { name: 'p' },
        bookingTime: '2019-13-01T00:00:00Z',
      },
    },
    [['/occasion/bookingTime', 'format']],
  ],
  [
    'AMAZON.TrashCollectionAlert.Activated',
    { alert: { garbageTypes: ['GLASS', 'GLASS'], collectionDayOfWeek: 'TUESDAY' } },
    [['/alert/garbageTypes/1', 'unique']],
  ],
  [
    'AMAZON.MediaContent.Available',
    {
      availability: { startTime: '2019-02-13T14:00:00Z', method: 'STREAM', provider: {} },
      content: { name: 'Show', contentType: 'EPISODE' },
    },
    [['/availability/provider/name', 'required']],
  ],
  [
    'AMAZON.SocialGameInvite.Available',
    {
      invite: { inviter: { name: 'Max', relationshipToInvitee: 'FRIEND' }, inviteType: 'INVITE' },
      game: { offer: 'GAME', name: 'Chess' },
    },
    [
      ['/invite/inviter/relationshipToInvitee', 'unknown-property'],
      ['/invite/relationshipToInvitee', 'required'],
    ],
  ],
];

describe('every schema', () => {
  it('accepts every example of every definition, without warnings, on both paths', () => {
    const results = model.events.flatMap((schema) =>
      schema.examples.map((example) => ({
        schema: schema.name,
        is: isProactiveEvent(example.event),
        result: validateProactiveEvent(example.event),
      })),
    );
    expect([...new Set(results.map((entry) => entry.schema))]).toEqual([...eventNames]);
    for (const entry of results) {
      expect(entry).toEqual({
        schema: entry.schema,
        is: true,
        result: { valid: true, errors: [], warnings: [] },
      });
    }
  });

  it('validates the bare payload of every example', () => {
    for (const schema of model.events) {
      for (const example of schema.examples) {
        const payload = (example.event as { event: { payload: unknown } }).event.payload;
        expect(validatePayload(schema.name as never, payload)).toEqual({
          valid: true,
          errors: [],
          warnings: [],
        });
        expect(isPayload(schema.name as never, payload)).toBe(true);
      }
    }
  });

  it.each(payloadCases)('%s: %j', (name, payload, expected) => {
    const result = validatePayload(name as never, payload);
    expect(result.errors.map((issue) => [issue.path, issue.code])).toEqual(expected);
    expect(isPayload(name as never, payload)).toBe(false);
  });

  it('refuses a payload of an unknown schema', () => {
    expect(
      validatePayload('AMAZON.Nothing.Happened' as never, {}).errors.map((issue) => issue.code),
    ).toEqual(['unknown-event']);
    expect(isPayload('AMAZON.Nothing.Happened' as never, {})).toBe(false);
  });

  it('warns about locales OrderStatus does not support', () => {
    const example = model.events.find((schema) => schema.name === 'AMAZON.OrderStatus.Updated')!
      .examples[0]!.event as {
      localizedAttributes: { locale: string }[];
    };
    const event = structuredClone(example);
    event.localizedAttributes = [
      ...event.localizedAttributes,
      ...event.localizedAttributes.map((entry) => ({ ...entry, locale: 'fr-FR' })),
    ];
    const result = validateProactiveEvent(event);
    expect(result.valid).toBe(true);
    expect(result.warnings.map((issue) => [issue.path, issue.code])).toEqual([
      ['/localizedAttributes/1/locale', 'unsupported-locale'],
    ]);
  });
});
