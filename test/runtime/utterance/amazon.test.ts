import { describe, expect, it } from 'vitest';
import { previewUtterance } from '../../../generated/preview.js';
import { eventOf } from './events.js';

/**
 * Amazon's verified example sentences (amazon-facts.md §1, en-US), copied by hand: they are the
 * ground truth the definitions' templates must reproduce exactly.
 */
const order = (status: string, state: object = {}) =>
  eventOf(
    'AMAZON.OrderStatus.Updated',
    {
      state: { status, ...state },
      order: { seller: { name: 'localizedattribute:seller' } },
    },
    [{ locale: 'en-US', seller: 'Amazon' }],
  );

const messages = (extra: object) =>
  eventOf('AMAZON.MessageAlert.Activated', {
    state: { status: 'UNREAD', freshness: 'NEW' },
    messageGroup: { creator: { name: 'Jane Doe' }, count: 3, ...extra },
  });

const cases: [sentence: string, event: unknown][] = [
  [
    'There is a tornado alert for your area. Provided by Example Weather Corp.',
    eventOf('AMAZON.WeatherAlert.Activated', {
      weatherAlert: { source: 'Example Weather Corp', alertType: 'TORNADO' },
    }),
  ],
  [
    'TreeFruit League match update, Oranges 1, Apples 2.',
    eventOf('AMAZON.SportsEvent.Updated', {
      sportsEvent: {
        eventLeague: { name: 'TreeFruit League' },
        homeTeamStatistic: { team: { name: 'Oranges' }, score: 1 },
        awayTeamStatistic: { team: { name: 'Apples' }, score: 2 },
      },
    }),
  ],
  ['You have three new messages from Jane Doe.', messages({})],
  ['You have three new urgent messages from Jane Doe.', messages({ urgency: 'URGENT' })],
  ['Your preorder from Amazon has been received.', order('PREORDER_RECEIVED')],
  ['Your order from Amazon has been received.', order('ORDER_RECEIVED')],
  ['Your order from Amazon is being prepared.', order('ORDER_PREPARING')],
  [
    'Your order from Amazon has been shipped and will arrive by May 18, 2019.',
    order('ORDER_SHIPPED', { deliveryDetails: { expectedArrival: '2019-05-18T12:00:00Z' } }),
  ],
  [
    'Your order from Amazon is out for delivery and will arrive by May 20, 2019.',
    order('ORDER_OUT_FOR_DELIVERY', {
      deliveryDetails: { expectedArrival: '2019-05-20T17:00:00Z' },
    }),
  ],
  [
    'Your order from Amazon was delivered on May 2, 2019.',
    order('ORDER_DELIVERED', { enterTimestamp: '2019-05-02T17:30:00Z' }),
  ],
  ['Your order from Amazon has been delivered.', order('ORDER_DELIVERED')],
  [
    'Your appointment at Dental XYZ for a root canal on May 10, 2019 has been confirmed.',
    eventOf('AMAZON.Occasion.Updated', {
      state: { confirmationStatus: 'CONFIRMED' },
      occasion: {
        occasionType: 'APPOINTMENT',
        subject: 'a root canal',
        provider: { name: 'Dental XYZ' },
        bookingTime: '2019-05-10T15:00:00Z',
      },
    }),
  ],
  [
    'This coming Tuesday is glass collection day.',
    eventOf('AMAZON.TrashCollectionAlert.Activated', {
      alert: { garbageTypes: ['GLASS'], collectionDayOfWeek: 'TUESDAY' },
    }),
  ],
];

describe("Amazon's example sentences", () => {
  it.each(cases)('%s', (sentence, event) => {
    expect(previewUtterance(event as never, 'en-US')).toBe(sentence);
  });
});
