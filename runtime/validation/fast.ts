import { scanLimit, stringLength } from './checks.js';
import { parseDateTime } from './date-time.js';
import type { FieldRule } from './field-rules.js';

/**
 * The boolean path's checks: what the emitted `is…` functions of each schema call, and `passes`,
 * the same rules read from a field list (for the envelope's own fields). Each answers the one
 * question "would the full path report an error here?" and allocates nothing.
 */

/** A string that is not a `localizedattribute:` reference (only localizable fields may be). */
export function isPlainText(value: unknown, prefix: string): value is string {
  return typeof value === 'string' && !value.startsWith(prefix);
}

/** A string, whose reference key (if it is `prefix` + KEY) goes to `references`. */
export function isLocalizableText(value: unknown, prefix: string, references: string[]): boolean {
  if (typeof value !== 'string') return false;
  if (value.startsWith(prefix)) references.push(value.slice(prefix.length));
  return true;
}

/** An ISO 8601 date-time with a zone, naming a day the calendar has. */
export function isDateTimeText(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(parseDateTime(value));
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

/** How many own enumerable properties an object has: with the known ones counted, whether it is closed. */
export function ownKeyCount(object: object): number {
  let count = 0;
  // hasOwnProperty inside for-in is what V8 answers from the enum cache (2-3× Object.hasOwn).
  for (const key in object) if (hasOwnProperty.call(object, key)) count++;
  return count;
}

const hasOwnProperty = Object.prototype.hasOwnProperty;

/**
 * Whether `value` (present) satisfies `rule`, a text field of a field list: the envelope's own
 * fields (strings and date-times, as the definition format requires), read instead of emitted.
 */
export function passes(rule: FieldRule, value: unknown, prefix: string): boolean {
  const { info } = rule;
  if (info.type === 'date-time') return isDateTimeText(value);
  if (info.type !== 'string') throw new TypeError(`${info.path}: not a text field (${info.type})`);
  if (!isPlainText(value, prefix) && !(info.localizable && typeof value === 'string')) return false;
  if (!hasLength(value as string, info.minLength, info.maxLength)) return false;
  return rule.pattern === undefined || rule.pattern.test(value as string);
}
