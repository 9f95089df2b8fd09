import { describe, expect, it } from 'vitest';
import { isProactiveEvent, validateProactiveEvent } from '../../../generated/validate.js';
import { gameInvite, variant } from './fixtures.js';

const timestamp = Date.parse('2019-02-13T14:00:00Z');
const minute = 60_000;
const iso = (instant: number) => new Date(instant).toISOString();
const withExpiry = (offset: number) =>
  variant(gameInvite, (e) => (e.expiryTime = iso(timestamp + offset)));
const codes = (result: { errors: { path: string; code: string }[] }) =>
  result.errors.map((issue) => [issue.path, issue.code]);

describe('expiry window against timestamp', () => {
  it.each([
    ['4:59.999 after', 5 * minute - 1, false],
    ['exactly 5 minutes after', 5 * minute, true],
    ['exactly 24 hours after', 24 * 60 * minute, true],
    ['24 hours and 1 ms after', 24 * 60 * minute + 1, false],
    ['at timestamp', 0, false],
    ['before timestamp', -minute, false],
  ])('expiryTime %s', (_name, offset, valid) => {
    const event = withExpiry(offset);
    expect(codes(validateProactiveEvent(event))).toEqual(
      valid ? [] : [['/expiryTime', 'expiry-window']],
    );
    expect(isProactiveEvent(event)).toBe(valid);
  });

  it('compares instants, not texts: offsets count', () => {
    // 15:05+01:00 is 14:05Z: exactly 5 minutes after 14:00Z.
    expect(
      validateProactiveEvent(
        variant(gameInvite, (e) => (e.expiryTime = '2019-02-13T15:05:00+01:00')),
      ).errors,
    ).toEqual([]);
    expect(
      codes(
        validateProactiveEvent(
          variant(gameInvite, (e) => (e.expiryTime = '2019-02-13T15:04:59+01:00')),
        ),
      ),
    ).toEqual([['/expiryTime', 'expiry-window']]);
  });
});

describe('expiry against the clock (now)', () => {
  const event = withExpiry(60 * minute); // expires at 15:00Z
  const at = (text: string) => ({ now: Date.parse(text) });

  it('does not look at the clock without now', () => {
    expect(validateProactiveEvent(event)).toEqual({ valid: true, errors: [], warnings: [] });
  });

  it('accepts an event expiring exactly 5 minutes from now', () => {
    expect(validateProactiveEvent(event, at('2019-02-13T14:55:00Z'))).toEqual({
      valid: true,
      errors: [],
      warnings: [],
    });
  });

  it('refuses an event expiring in less than 5 minutes', () => {
    const result = validateProactiveEvent(event, at('2019-02-13T14:55:00.001Z'));
    expect(codes(result)).toEqual([['/expiryTime', 'expired']]);
  });

  it('refuses an expired event, and says so', () => {
    const result = validateProactiveEvent(event, { now: new Date('2019-02-14T15:00:00Z') });
    expect(result.errors).toEqual([
      {
        path: '/expiryTime',
        code: 'expired',
        message:
          'expiryTime is 24 hours in the past; the event has expired, so send it with a later expiryTime.',
        expected: { minMinutes: 5 },
      },
    ]);
  });

  it('warns when timestamp is more than 5 minutes in the future, not at exactly 5', () => {
    expect(validateProactiveEvent(event, at('2019-02-13T13:55:00Z')).warnings).toEqual([]);
    const result = validateProactiveEvent(event, at('2019-02-13T13:54:59Z'));
    expect(result.valid).toBe(true);
    expect(result.warnings.map((issue) => [issue.path, issue.code, issue.message])).toEqual([
      [
        '/timestamp',
        'expiry-window',
        'timestamp is 5 minutes in the future; set it to when the event happened.',
      ],
    ]);
  });

  it('ignores a clock that is not a time', () => {
    expect(validateProactiveEvent(event, { now: new Date('not a date') }).valid).toBe(true);
    expect(validateProactiveEvent(event, { now: Number.NaN }).valid).toBe(true);
  });
});
