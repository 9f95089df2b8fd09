import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateTimePattern } from '../../../generator/model/json-schema.js';
import { describeDateTimeProblem, parseDateTime } from '../../../runtime/validation/date-time.js';

describe('parseDateTime', () => {
  it.each([
    ['2019-02-13T14:00:00Z', Date.UTC(2019, 1, 13, 14)],
    ['2019-02-13T14:00:00.00Z', Date.UTC(2019, 1, 13, 14)],
    ['2019-02-13T14:00:00.123456Z', Date.UTC(2019, 1, 13, 14, 0, 0, 123)],
    ['2019-02-13T15:30:00+01:30', Date.UTC(2019, 1, 13, 14)],
    ['2019-02-13T08:00:00-06:00', Date.UTC(2019, 1, 13, 14)],
    ['2020-02-29T00:00:00Z', Date.UTC(2020, 1, 29)],
    ['2000-02-29T00:00:00Z', Date.UTC(2000, 1, 29)],
    [
      '0001-01-01T00:00:00Z',
      Date.UTC(2001, 0, 1) - Date.UTC(2001, 0, 1) + new Date('0001-01-01T00:00:00Z').getTime(),
    ],
    ['2016-12-31T23:59:60Z', Date.UTC(2017, 0, 1)],
    ['2016-12-31T18:59:60-05:00', Date.UTC(2017, 0, 1)],
  ])('%s is %d', (text, instant) => {
    expect(parseDateTime(text)).toBe(instant);
  });

  it('answers each text with its own instant, whichever texts came before (it remembers two)', () => {
    const texts = [
      '2019-02-13T14:00:00Z',
      '2019-02-13T15:00:00Z',
      'no date',
      '2019-02-13T16:00:00Z',
    ];
    const expected = texts.map((text) => Date.parse(text));
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: texts.length - 1 }), { maxLength: 12 }),
        (order) => {
          for (const index of order) expect(parseDateTime(texts[index]!)).toBe(expected[index]);
        },
      ),
    );
  });

  it.each([
    ['2019-02-30T14:00:00Z', '2019-02-30 is not a day of the calendar'],
    ['2019-02-29T14:00:00Z', '2019-02-29 is not a day of the calendar'],
    ['1900-02-29T14:00:00Z', '1900-02-29 is not a day of the calendar'],
    ['2019-04-31T14:00:00Z', '2019-04-31 is not a day of the calendar'],
    ['2019-02-13T14:00:00', 'it has no zone (Z or ±hh:mm)'],
    ['2019-02-13T14:00:00.5', 'it has no zone (Z or ±hh:mm)'],
    ['2019-02-13', 'it is not an ISO 8601 date-time'],
    ['2019-02-13 14:00:00Z', 'it is not an ISO 8601 date-time'],
    ['2019-02-13t14:00:00z', 'it is not an ISO 8601 date-time'],
    ['2019-13-01T14:00:00Z', 'it is not an ISO 8601 date-time'],
    ['2019-02-13T24:00:00Z', 'it is not an ISO 8601 date-time'],
    ['2019-02-13T14:60:00Z', 'it is not an ISO 8601 date-time'],
    ['2019-02-13T14:00:00.Z', 'it is not an ISO 8601 date-time'],
    ['2019-02-13T14:00:00+0100', 'it is not an ISO 8601 date-time'],
    ['2019-02-13T14:00:00+24:00', 'it is not an ISO 8601 date-time'],
    ['2019-02-13T14:00:60Z', 'it is not an ISO 8601 date-time'],
    ['2019-02-13T14:00:00Z ', 'it is not an ISO 8601 date-time'],
    ['+02019-02-13T14:00:00Z', 'it is not an ISO 8601 date-time'],
    ['２０19-02-13T14:00:00Z', 'it is not an ISO 8601 date-time'],
  ])('refuses %s (%s)', (text, reason) => {
    expect(parseDateTime(text)).toBeNaN();
    expect(describeDateTimeProblem(text)).toBe(reason);
  });

  it('accepts exactly what the JSON Schema pattern and ajv-formats date-time accept together', () => {
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv, ['date-time']);
    const validate = ajv.compile({ type: 'string', format: 'date-time', pattern: dateTimePattern });
    const digits = (count: number) => fc.stringMatching(new RegExp(`^[0-9]{${count}}$`));
    const candidate = fc
      .tuple(
        digits(4),
        fc.constantFrom('-', '/'),
        digits(2),
        digits(2),
        fc.constantFrom('T', 't', ' '),
        digits(2),
        digits(2),
        fc.oneof(digits(2), fc.constant('60')),
        fc.constantFrom('', '.0', '.123', '.'),
        fc.oneof(
          fc.constantFrom('Z', 'z', ''),
          fc
            .tuple(fc.constantFrom('+', '-'), digits(2), fc.constantFrom(':', ''), digits(2))
            .map((parts) => parts.join('')),
        ),
      )
      .map(
        ([year, dash, month, day, t, hour, minute, second, fraction, zone]) =>
          `${year}${dash}${month}-${day}${t}${hour}:${minute}:${second}${fraction}${zone}`,
      );
    fc.assert(
      fc.property(fc.oneof(candidate, fc.string()), (text) => {
        expect(!Number.isNaN(parseDateTime(text))).toBe(validate(text));
      }),
      { numRuns: 20000, seed: 6 },
    );
  });
});
