import { describe, expect, it } from 'vitest';
import { explainUtterance, previewUtterances } from '../../../generated/preview.js';
import { isAmazonEventName } from '../../support/amazon-schemas.js';
import { eventOf } from './events.js';
import { realModel } from '../../support/definitions.js';

const seller = { seller: { name: 'Example Shop' } };
const arrival = { deliveryDetails: { expectedArrival: '2019-05-18T23:30:00Z' } };
const sports = {
  eventLeague: { name: 'TreeFruit League' },
  homeTeamStatistic: { team: { name: 'Oranges' }, score: 1 },
  awayTeamStatistic: { team: { name: 'Apples' }, score: 2 },
};
const media = (provider: object) => ({
  availability: { startTime: '2019-06-01T18:00:00Z', method: 'PREMIERE', ...provider },
  content: { name: 'Example Show', contentType: 'EPISODE' },
});

/** One event per template variant of every schema and locale, with what it must say. */
const cases: [name: string, locale: string, variant: string, payload: object, text: string][] = [
  [
    'AMAZON.WeatherAlert.Activated',
    'en-US',
    'variant-1',
    { weatherAlert: { source: 'NWS', alertType: 'SNOW_STORM' } },
    'There is a snow storm alert for your area. Provided by NWS.',
  ],
  [
    'AMAZON.WeatherAlert.Activated',
    'de-DE',
    'variant-1',
    { weatherAlert: { source: 'DWD', alertType: 'THUNDER_STORM' } },
    'Für Ihre Region liegt eine Gewitterwarnung vor. Bereitgestellt von DWD.',
  ],
  [
    'AMAZON.SportsEvent.Updated',
    'en-US',
    'with-update',
    { update: { scoreEarned: 1, teamName: 'Apples' }, sportsEvent: sports },
    'TreeFruit League match update, Apples scored! Oranges 1, Apples 2.',
  ],
  [
    'AMAZON.SportsEvent.Updated',
    'en-US',
    'score',
    { sportsEvent: sports },
    'TreeFruit League match update, Oranges 1, Apples 2.',
  ],
  [
    'AMAZON.MessageAlert.Activated',
    'en-US',
    'variant-1',
    {
      state: { status: 'FLAGGED', freshness: 'OVERDUE' },
      messageGroup: { creator: { name: 'Sam' }, count: 12 },
    },
    'You have 12 overdue messages from Sam.',
  ],
  [
    'AMAZON.OrderStatus.Updated',
    'en-US',
    'preorder-received',
    { state: { status: 'PREORDER_RECEIVED' }, order: seller },
    'Your preorder from Example Shop has been received.',
  ],
  [
    'AMAZON.OrderStatus.Updated',
    'en-US',
    'received',
    { state: { status: 'ORDER_RECEIVED' }, order: seller },
    'Your order from Example Shop has been received.',
  ],
  [
    'AMAZON.OrderStatus.Updated',
    'en-US',
    'preparing',
    { state: { status: 'ORDER_PREPARING' }, order: seller },
    'Your order from Example Shop is being prepared.',
  ],
  [
    'AMAZON.OrderStatus.Updated',
    'en-US',
    'shipped-arriving',
    { state: { status: 'ORDER_SHIPPED', ...arrival }, order: seller },
    'Your order from Example Shop has been shipped and will arrive by May 18, 2019.',
  ],
  [
    'AMAZON.OrderStatus.Updated',
    'en-US',
    'shipped',
    { state: { status: 'ORDER_SHIPPED' }, order: seller },
    'Your order from Example Shop has been shipped.',
  ],
  [
    'AMAZON.OrderStatus.Updated',
    'en-US',
    'out-for-delivery-arriving',
    { state: { status: 'ORDER_OUT_FOR_DELIVERY', ...arrival }, order: seller },
    'Your order from Example Shop is out for delivery and will arrive by May 18, 2019.',
  ],
  [
    'AMAZON.OrderStatus.Updated',
    'en-US',
    'out-for-delivery',
    { state: { status: 'ORDER_OUT_FOR_DELIVERY' }, order: seller },
    'Your order from Example Shop is out for delivery.',
  ],
  [
    'AMAZON.OrderStatus.Updated',
    'en-US',
    'delivered-on',
    {
      state: { status: 'ORDER_DELIVERED', enterTimestamp: '2019-05-02T08:00:00+02:00' },
      order: seller,
    },
    'Your order from Example Shop was delivered on May 2, 2019.',
  ],
  [
    'AMAZON.OrderStatus.Updated',
    'en-US',
    'delivered',
    { state: { status: 'ORDER_DELIVERED' }, order: seller },
    'Your order from Example Shop has been delivered.',
  ],
  [
    'AMAZON.Occasion.Updated',
    'en-US',
    'variant-1',
    {
      state: { confirmationStatus: 'RESCHEDULED' },
      occasion: {
        occasionType: 'RESERVATION',
        subject: 'dinner for two',
        provider: { name: 'Chez Example' },
        bookingTime: '2019-07-04T19:00:00Z',
        broker: { name: 'Example Tables' },
      },
    },
    'Your reservation at Chez Example for dinner for two on July 4, 2019 has been rescheduled.',
  ],
  [
    'AMAZON.TrashCollectionAlert.Activated',
    'en-US',
    'variant-1',
    { alert: { garbageTypes: ['PET_BOTTLES', 'WASTE_PAPER'], collectionDayOfWeek: 'FRIDAY' } },
    'This coming Friday is PET bottles and waste paper collection day.',
  ],
  [
    'AMAZON.MediaContent.Available',
    'en-US',
    'with-provider',
    media({ provider: { name: 'Example TV' } }),
    'Example Show will premiere on June 1, 2019 on Example TV.',
  ],
  [
    'AMAZON.MediaContent.Available',
    'en-US',
    'without-provider',
    media({}),
    'Example Show will premiere on June 1, 2019.',
  ],
  [
    'AMAZON.SocialGameInvite.Available',
    'en-US',
    'variant-1',
    {
      invite: { inviter: { name: 'Kim' }, relationshipToInvitee: 'CONTACT', inviteType: 'INVITE' },
      game: { offer: 'REMATCH', name: 'Example Chess' },
    },
    'Your contact Kim has invited you to a rematch of Example Chess.',
  ],
];

describe('every template variant', () => {
  it.each(cases)('%s %s %s', (name, locale, variant, payload, text) => {
    const explained = explainUtterance(eventOf(name, payload) as never, locale);
    expect({ variant: explained.variant, text: explained.text }).toEqual({ variant, text });
  });

  it('has a case above for each variant of Amazon’s schemas, an example for any other’s', async () => {
    const model = await realModel();
    const declared = (amazon: boolean) =>
      model.events
        .filter((schema) => isAmazonEventName(schema.name) === amazon)
        .flatMap((schema) =>
          Object.entries(schema.utterances).flatMap(([locale, variants]) =>
            variants.map((variant) => `${schema.name} ${locale} ${variant.name}`),
          ),
        );
    const tested = cases.map(([name, locale, variant]) => `${name} ${locale} ${variant}`);
    expect(tested.sort()).toEqual(declared(true).sort());

    // A schema added after Amazon's eight (a maintainer's ninth) needs no case here: each of its
    // variants must be spoken by an example of its definition, whose wording examples.test.ts checks.
    const spokenByExamples = new Set(
      model.events.flatMap((schema) =>
        schema.examples.flatMap((example) =>
          Object.keys(previewUtterances(example.event as never))
            .filter((locale) => locale in schema.utterances)
            .map((locale) => {
              const { variant } = explainUtterance(example.event as never, locale);
              return `${schema.name} ${locale} ${variant}`;
            }),
        ),
      ),
    );
    expect(declared(false).filter((variant) => !spokenByExamples.has(variant))).toEqual([]);
  });
});
