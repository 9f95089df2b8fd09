/**
 * Strict ISO 8601 date-times as DECISIONS.md wants them: `YYYY-MM-DDThh:mm:ss[.fff](Z|±hh:mm)`,
 * a day the calendar has, a zone always. It accepts exactly what the emitted JSON Schema's
 * pattern and ajv-formats' `date-time` accept together (leap seconds only at 23:59:60 UTC), so
 * the validators and ajv agree. Date.parse is never used: it guesses at what this refuses.
 */

const daysInMonth = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** The digit at `index` as a number, or -1. */
function digit(text: string, index: number): number {
  const code = text.charCodeAt(index) - 48;
  return code >= 0 && code <= 9 ? code : -1;
}

/** Two digits at `index` as a number, or -1. */
function twoDigits(text: string, index: number): number {
  const high = digit(text, index);
  const low = digit(text, index + 1);
  return high < 0 || low < 0 ? -1 : high * 10 + low;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
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
  if (length < 20) return NaN;
  const y1 = twoDigits(text, 0);
  const y2 = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  if (
    y1 < 0 ||
    y2 < 0 ||
    text.charCodeAt(4) !== 45 /* - */ ||
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84 /* T */ ||
    text.charCodeAt(13) !== 58 /* : */ ||
    text.charCodeAt(16) !== 58 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 60
  ) {
    return NaN;
  }
  const year = y1 * 100 + y2;
  if (day > (month === 2 && isLeapYear(year) ? 29 : daysInMonth[month]!)) return NaN;
  let index = 19;
  let milliseconds = 0;
  if (text.charCodeAt(index) === 46 /* . */) {
    index++;
    const start = index;
    let scale = 100;
    while (index < length) {
      const value = digit(text, index);
      if (value < 0) break;
      // Milliseconds are the precision of an instant here; further digits are read, not counted.
      if (scale >= 1) milliseconds += value * scale;
      scale /= 10;
      index++;
    }
    if (index === start) return NaN;
  }
  let offsetMinutes = 0;
  const zone = text.charCodeAt(index);
  if (zone === 90 /* Z */) {
    if (index + 1 !== length) return NaN;
  } else if (zone === 43 /* + */ || zone === 45 /* - */) {
    const offsetHour = twoDigits(text, index + 1);
    const offsetMinute = twoDigits(text, index + 4);
    if (
      index + 6 !== length ||
      text.charCodeAt(index + 3) !== 58 ||
      offsetHour < 0 ||
      offsetHour > 23 ||
      offsetMinute < 0 ||
      offsetMinute > 59
    ) {
      return NaN;
    }
    offsetMinutes = (zone === 45 ? -1 : 1) * (offsetHour * 60 + offsetMinute);
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
