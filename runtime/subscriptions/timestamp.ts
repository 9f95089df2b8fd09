/**
 * Strict ISO 8601 date-time parsing for request timestamps. `Date.parse` is not used to validate:
 * it accepts strings without a zone (read as local time, so the order of requests would depend on
 * the server's time zone) and rolls impossible dates over (2019-02-30 becomes March 2nd).
 */

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?([Zz]|([+-])(\d{2})(?::?(\d{2}))?)$/;

/** Either the epoch milliseconds of a valid timestamp or why it is not one. */
export type TimestampResult =
  { readonly ok: true; readonly time: number } | { readonly ok: false; readonly message: string };

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Parses `YYYY-MM-DDThh:mm:ss[.fraction](Z|±hh:mm|±hhmm|±hh)`. Fractions of any length are
 * accepted; digits past the millisecond are truncated (they cannot change the order of two
 * requests by more than a tie, which the requestId breaks).
 */
export function parseTimestamp(value: string): TimestampResult {
  const match = DATE_TIME.exec(value);
  if (!match) {
    return {
      ok: false,
      message: `"${value}" is not an ISO 8601 date-time with a zone (e.g. 2019-02-28T17:30:00Z)`,
    };
  }
  const [, y, mo, d, h, mi, s, fraction, zone, sign, zh, zm] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12) {
    return { ok: false, message: `"${value}" has month ${mo}; months run from 01 to 12` };
  }
  if (day < 1 || day > daysInMonth(year, month)) {
    return {
      ok: false,
      message: `"${value}" is not a real date: ${y}-${mo} has ${daysInMonth(year, month)} days`,
    };
  }
  if (hour > 23 || minute > 59 || second > 59) {
    return { ok: false, message: `"${value}" has an impossible time of day ${h}:${mi}:${s}` };
  }
  let offsetMinutes = 0;
  if (zone !== 'Z' && zone !== 'z') {
    const offsetHours = Number(zh);
    const offsetMins = zm === undefined ? 0 : Number(zm);
    if (offsetHours > 23 || offsetMins > 59) {
      return { ok: false, message: `"${value}" has an impossible zone offset ${zone}` };
    }
    offsetMinutes = (sign === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  const millis = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, millis));
  date.setUTCFullYear(year);
  return { ok: true, time: date.getTime() - offsetMinutes * 60_000 };
}
