import { scanLimit, stringLength } from './checks.js';
import { isDateTime, parseDateTime } from './date-time.js';
import { compareParsedWindow, minuteMs } from './envelope.js';

/**
 * The boolean path's checks: what the emitted `is…` functions of the envelope and each schema
 * call. Each answers the one question "would the full path report an error here?" and
 * allocates nothing.
 */

/** A string that is not a `localizedattribute:` reference (only localizable fields may be). */
export function isPlainText(value: unknown, prefix: string): value is string {
  // Most texts differ from the prefix at once: one character compared, no call.
  return (
    typeof value === 'string' &&
    (value.charCodeAt(0) !== prefix.charCodeAt(0) || !value.startsWith(prefix))
  );
}

/** A string, whose reference key (if it is `prefix` + KEY) goes to `references`. */
export function isLocalizableText(value: unknown, prefix: string, references: string[]): boolean {
  if (typeof value !== 'string') return false;
  if (value.charCodeAt(0) === prefix.charCodeAt(0) && value.startsWith(prefix)) {
    references.push(value.slice(prefix.length));
  }
  return true;
}

/** An ISO 8601 date-time with a zone, naming a day the calendar has. */
export function isDateTimeText(value: unknown): value is string {
  return typeof value === 'string' && isDateTime(value);
}

/** An integer within optional bounds. */
export function isIntegerWithin(value: unknown, minimum?: number, maximum?: number): boolean {
  return (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    (minimum === undefined || value >= minimum) &&
    (maximum === undefined || value <= maximum)
  );
}

/** A string of min to max characters (code points). */
export function hasLength(text: string, minLength?: number, maxLength?: number): boolean {
  // A string has between half its UTF-16 units and all of them as code points: most lengths are
  // decided without counting.
  const units = text.length;
  if (
    (minLength === undefined || units >= 2 * minLength) &&
    (maxLength === undefined || units <= maxLength)
  ) {
    return true;
  }
  const count = stringLength(text);
  return (
    (minLength === undefined || count >= minLength) &&
    (maxLength === undefined || count <= maxLength)
  );
}

/** An array of min to max items (and never more than the validator reads). */
export function isArrayWithin(
  value: unknown,
  minItems?: number,
  maxItems?: number,
): value is unknown[] {
  return (
    Array.isArray(value) &&
    (minItems === undefined || value.length >= minItems) &&
    value.length <= (maxItems ?? scanLimit)
  );
}

/**
 * Whether `start` and `end` are date-times and `end` lies `minMinutes` to `maxMinutes` after
 * `start` (the envelope's expiry window), each parsed once.
 */
export function isWithinWindow(
  start: unknown,
  end: unknown,
  minMinutes: number,
  maxMinutes: number,
): boolean {
  if (typeof start !== 'string' || typeof end !== 'string') return false;
  const startMs = parseDateTime(start);
  const endMs = parseDateTime(end);
  return (
    compareParsedWindow(
      start,
      startMs,
      end,
      endMs,
      minMinutes * minuteMs,
      maxMinutes * minuteMs,
    ) === 0
  );
}
