/**
 * Strict ISO 8601 date-times as DECISIONS.md wants them: `YYYY-MM-DDThh:mm:ss[.fff](Z|±hh:mm)`,
 * a day the calendar has, a zone always. It accepts exactly what the emitted JSON Schema's
 * pattern and ajv-formats' `date-time` accept together (leap seconds only at 23:59:60 UTC), so
 * the validators and ajv agree. Date.parse is never used: it guesses at what this refuses.
 */

const daysInMonth = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year & 3) === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/**
 * Two ASCII digits at `index` (inside the text) as a number, or -1. `>>> 0` turns a code below
 * '0' into a huge number, so one comparison tests both ends of the range.
 */
function twoDigits(text: string, index: number): number {
  const high = text.charCodeAt(index) - 48;
  const low = text.charCodeAt(index + 1) - 48;
  return high >>> 0 > 9 || low >>> 0 > 9 ? -1 : high * 10 + low;
}

/**
 * Days from 1970-01-01 to a proleptic Gregorian date of the years 0000–9999 (Howard Hinnant's
 * days_from_civil), in integer arithmetic.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = y >= 0 ? (y / 400) | 0 : -1;
  const yearOfEra = y - era * 400;
  const dayOfYear = (((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) | 0) + day - 1;
  const dayOfEra = yearOfEra * 365 + ((yearOfEra / 4) | 0) - ((yearOfEra / 100) | 0) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * The instant a date-time names, in milliseconds since the epoch, or NaN when `text` is not a
 * strict ISO 8601 date-time with a zone on a real calendar day.
 *
 * The last two texts are remembered: validating an event with a clock reads its timestamp and
 * expiryTime twice (the window, then the clock), and a parse costs more than comparing texts.
 */
export function parseDateTime(text: string): number {
  if (text === recent[0]) return recentInstants[0]!;
  if (text === recent[1]) return recentInstants[1]!;
  const instant = parse(text);
  recent[next] = text;
  recentInstants[next] = instant;
  next ^= 1;
  return instant;
}

/** Whether `text` is a date-time parseDateTime reads, without remembering it. */
export function isDateTime(text: string): boolean {
  const instant = parse(text);
  return instant === instant;
}

const recent: [string, string] = ['', ''];
const recentInstants = new Float64Array([NaN, NaN]);
let next = 0;

function parse(text: string): number {
  const length = text.length;
  if (length < 20) return NaN; // every index below 20 is inside the text
  if (
    text.charCodeAt(4) !== 45 /* - */ ||
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84 /* T */ ||
    text.charCodeAt(13) !== 58 /* : */ ||
    text.charCodeAt(16) !== 58
  ) {
    return NaN;
  }
  const century = twoDigits(text, 0);
  const yearOfCentury = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  if (
    (century | yearOfCentury | day | hour | minute | second) < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    hour > 23 ||
    minute > 59 ||
    second > 60
  ) {
    return NaN;
  }
  const year = century * 100 + yearOfCentury;
  if (day > daysInMonth[month]! && !(month === 2 && day === 29 && isLeapYear(year))) return NaN;
  let index = 19;
  let milliseconds = 0;
  let zone = text.charCodeAt(19);
  if (zone === 46 /* . */) {
    // Milliseconds are the precision of an instant here; further digits are read, not counted.
    let scale = 100;
    index = 20;
    let digit = text.charCodeAt(20) - 48;
    if (digit >>> 0 > 9) return NaN;
    do {
      milliseconds += digit * scale;
      scale = (scale / 10) | 0;
      // A zone must follow: a text that ends in its fraction is refused before reading past it.
      if (++index >= length) return NaN;
      digit = text.charCodeAt(index) - 48;
    } while (digit >>> 0 <= 9);
    zone = text.charCodeAt(index);
  }
  let offsetMinutes = 0;
  if (zone === 90 /* Z */) {
    if (index + 1 !== length) return NaN;
  } else if (zone === 43 /* + */ || zone === 45 /* - */) {
    if (index + 6 !== length || text.charCodeAt(index + 3) !== 58) return NaN;
    const offsetHour = twoDigits(text, index + 1);
    const offsetMinute = twoDigits(text, index + 4);
    if (offsetHour < 0 || offsetHour > 23 || offsetMinute < 0 || offsetMinute > 59) return NaN;
    offsetMinutes =
      zone === 45 ? -(offsetHour * 60 + offsetMinute) : offsetHour * 60 + offsetMinute;
  } else {
    return NaN;
  }
  if (second === 60) {
    // A leap second exists only at the end of a UTC day (23:59:60Z), as ajv-formats has it.
    const utcMinute = minute - (offsetMinutes % 60);
    const utcHour = hour - Math.trunc(offsetMinutes / 60) - (utcMinute < 0 ? 1 : 0);
    if (!((utcHour === 23 || utcHour === -1) && (utcMinute === 59 || utcMinute === -1))) return NaN;
  }
  const days = daysFromCivil(year, month, day);
  return ((days * 24 + hour) * 60 + minute - offsetMinutes) * 60_000 + second * 1000 + milliseconds;
}

/** Why `text` is not a date-time, for messages: a calendar problem or a syntax problem. */
export function describeDateTimeProblem(text: string): string {
  const calendar = /^(\d{4})-(\d{2})-(\d{2})T/.exec(text);
  if (calendar && /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T/.test(text)) {
    const date = `${calendar[1]}-${calendar[2]}-${calendar[3]}`;
    const [year, month, day] = [Number(calendar[1]), Number(calendar[2]), Number(calendar[3])];
    if (day > (month === 2 && isLeapYear(year) ? 29 : daysInMonth[month]!)) {
      return `${date} is not a day of the calendar`;
    }
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$/.test(text))
    return 'it has no zone (Z or ±hh:mm)';
  return 'it is not an ISO 8601 date-time';
}
