import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../../runtime/subscriptions/timestamp.js';

describe('parseTimestamp', () => {
  it.each([
    ['2019-02-28T17:30:00Z', Date.UTC(2019, 1, 28, 17, 30, 0)],
    ['2019-02-28T17:30:00.00Z', Date.UTC(2019, 1, 28, 17, 30, 0)],
    ['2019-02-28T17:30:00.1239Z', Date.UTC(2019, 1, 28, 17, 30, 0, 123)],
    ['2019-02-28T17:30:00.5z', Date.UTC(2019, 1, 28, 17, 30, 0, 500)],
    ['2019-02-28T18:30:00+01:00', Date.UTC(2019, 1, 28, 17, 30, 0)],
    ['2019-02-28T12:00:00-05:30', Date.UTC(2019, 1, 28, 17, 30, 0)],
    ['2019-02-28T18:30:00+0100', Date.UTC(2019, 1, 28, 17, 30, 0)],
    ['2019-02-28T19:30:00+02', Date.UTC(2019, 1, 28, 17, 30, 0)],
    ['2020-02-29T00:00:00Z', Date.UTC(2020, 1, 29)],
    ['2000-02-29T00:00:00Z', Date.UTC(2000, 1, 29)],
    ['0050-01-01T00:00:00Z', -60589296000000],
  ])('reads %s', (value, time) => {
    expect(parseTimestamp(value)).toEqual({ ok: true, time });
  });

  it.each([
    ['2019-02-28T17:30:00', 'is not an ISO 8601 date-time with a zone (e.g. 2019-02-28T17:30:00Z)'],
    [
      '2019-02-28 17:30:00Z',
      'is not an ISO 8601 date-time with a zone (e.g. 2019-02-28T17:30:00Z)',
    ],
    ['2019-02-28', 'is not an ISO 8601 date-time with a zone (e.g. 2019-02-28T17:30:00Z)'],
    [
      'Thu, 28 Feb 2019 17:30:00 GMT',
      'is not an ISO 8601 date-time with a zone (e.g. 2019-02-28T17:30:00Z)',
    ],
    ['2019-02-29T00:00:00Z', 'is not a real date: 2019-02 has 28 days'],
    ['1900-02-29T00:00:00Z', 'is not a real date: 1900-02 has 28 days'],
    ['2019-04-31T00:00:00Z', 'is not a real date: 2019-04 has 30 days'],
    ['2019-02-00T00:00:00Z', 'is not a real date: 2019-02 has 28 days'],
    ['2019-13-01T00:00:00Z', 'has month 13; months run from 01 to 12'],
    ['2019-02-28T24:00:00Z', 'has an impossible time of day 24:00:00'],
    ['2019-02-28T23:60:00Z', 'has an impossible time of day 23:60:00'],
    ['2019-02-28T23:59:60Z', 'has an impossible time of day 23:59:60'],
    ['2019-02-28T23:59:59+24:00', 'has an impossible zone offset +24:00'],
  ])('rejects %s', (value, message) => {
    expect(parseTimestamp(value)).toEqual({ ok: false, message: `"${value}" ${message}` });
  });
});
