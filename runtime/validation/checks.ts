import { keysOf, type Record_ } from './access.js';
import type { Collector } from './collector.js';
import { parseDateTime, describeDateTimeProblem } from './date-time.js';
import { describeValue, listWords } from './describe.js';
import { childPointer, lastSegment } from './pointer.js';
import { closest } from '../suggest.js';

/**
 * The value checks of the full path, one per field kind. The generated validators call them
 * field by field with the field's facts (bounds, values, pattern) as arguments.
 */

/**
 * Unknown properties of a closed object. `misplaced` maps a field name that exists elsewhere in
 * the same payload to where it belongs (a pointer below `root`), for "belongs at" hints.
 */
export function closed(
  collector: Collector,
  object: Record_,
  path: string,
  known: ReadonlySet<string>,
  misplaced?: ReadonlyMap<string, string>,
  root = '',
): void {
  const keys = keysOf(collector, object, path);
  if (!keys) return;
  for (const key of keys) {
    if (known.has(key)) continue;
    const where = misplaced?.get(key);
    const inside = path === root ? 'the payload' : lastSegment(path);
    let message: string;
    if (where !== undefined) {
      message = `${key} belongs at ${root}${where}, not inside ${inside}.`;
    } else {
      const names = [...known];
      const suggestion = closest(key, names);
      message = suggestion
        ? `Unknown property ${JSON.stringify(key)}; did you mean ${JSON.stringify(suggestion)}?`
        : names.length === 0
          ? `Unknown property ${JSON.stringify(key)}; this object must be empty.`
          : `Unknown property ${JSON.stringify(key)}; the properties here are ${listWords(names)}.`;
    }
    collector.error(childPointer(path, key), 'unknown-property', message, [...known], key);
  }
}

/** A string that must not be a localized reference. True when it is a string. */
export function plainString(collector: Collector, value: unknown, path: string): value is string {
  if (typeof value !== 'string') {
    collector.typeError(path, 'a string', value);
    return false;
  }
  if (value.startsWith(collector.referencePrefix)) {
    collector.error(
      path,
      'localized-not-allowed',
      `This field cannot be localized; write the value itself instead of ${JSON.stringify(value)}.`,
      undefined,
      value,
    );
  }
  return true;
}

/** A string that may be `localizedattribute:KEY`; references are remembered for the envelope. */
export function localizableString(
  collector: Collector,
  value: unknown,
  path: string,
): value is string {
  if (typeof value !== 'string') {
    collector.typeError(path, 'a string', value);
    return false;
  }
  if (value.startsWith(collector.referencePrefix)) {
    collector.references.push({ key: value.slice(collector.referencePrefix.length), path });
  }
  return true;
}

/** Length in code points, as JSON Schema counts it. */
export function stringLength(text: string): number {
  let length = text.length;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length--;
        index++;
      }
    }
  }
  return length;
}

export function length(
  collector: Collector,
  text: string,
  path: string,
  min: number | undefined,
  max: number | undefined,
): void {
  const count = stringLength(text);
  if ((min === undefined || count >= min) && (max === undefined || count <= max)) return;
  collector.error(
    path,
    'length',
    `The text is ${count} character${count === 1 ? '' : 's'} long; ${range(min, max, 'character')}.`,
    { minLength: min, maxLength: max },
    text,
  );
}

export function pattern(collector: Collector, text: string, path: string, regexp: RegExp): void {
  if (regexp.test(text)) return;
  collector.error(
    path,
    'pattern',
    `${describeValue(text)} does not match the pattern ${regexp.source}.`,
    regexp.source,
    text,
  );
}

/** One of `values`, with the closest one suggested. */
export function enumValue(
  collector: Collector,
  value: unknown,
  path: string,
  values: ReadonlySet<string>,
): void {
  if (typeof value === 'string' && values.has(value)) return;
  const list = [...values];
  if (typeof value !== 'string') {
    collector.typeError(path, `one of ${listWords(list)}`, value);
    return;
  }
  const suggestion = closest(value, list);
  collector.error(
    path,
    'enum',
    suggestion
      ? `${describeValue(value)} is not one of ${listWords(list)}; did you mean ${suggestion}?`
      : `${describeValue(value)} is not one of ${listWords(list)}.`,
    list,
    value,
  );
}

export function integer(
  collector: Collector,
  value: unknown,
  path: string,
  min: number | undefined,
  max: number | undefined,
): void {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    collector.typeError(path, 'an integer', value);
    return;
  }
  if (min !== undefined && value < min) {
    collector.error(
      path,
      'minimum',
      `${value} is less than the minimum ${min}.`,
      { minimum: min },
      value,
    );
  } else if (max !== undefined && value > max) {
    collector.error(
      path,
      'minimum',
      `${value} is greater than the maximum ${max}.`,
      { maximum: max },
      value,
    );
  }
}

export function boolean(collector: Collector, value: unknown, path: string): void {
  if (typeof value !== 'boolean') collector.typeError(path, 'true or false', value);
}

/** A strict ISO 8601 date-time; its instant in milliseconds, or NaN after an error. */
export function dateTime(collector: Collector, value: unknown, path: string): number {
  if (typeof value !== 'string') {
    collector.typeError(path, 'an ISO 8601 date-time string', value);
    return NaN;
  }
  const instant = parseDateTime(value);
  if (instant !== instant) {
    collector.error(
      path,
      'format',
      `${describeValue(value)} is not a valid date-time: ${describeDateTimeProblem(value)} (write it like 2019-02-13T14:00:00Z).`,
      'date-time',
      value,
    );
  }
  return instant;
}

/**
 * Array bounds. Items beyond `max` are not checked one by one (the array is already refused), and
 * neither is an array of more than `scanLimit` items: no JSON event that large is sensible.
 * Returns how many items to check.
 */
export function arrayBounds(
  collector: Collector,
  items: readonly unknown[],
  path: string,
  min: number | undefined,
  max: number | undefined,
): number {
  const count = items.length;
  if (count > scanLimit) {
    collector.error(
      path,
      'items',
      `The array has ${count} items; the validator reads at most ${scanLimit}.`,
      { maxItems: scanLimit },
    );
    return 0;
  }
  if ((min === undefined || count >= min) && (max === undefined || count <= max)) return count;
  collector.error(
    path,
    'items',
    `The array has ${count} item${count === 1 ? '' : 's'}; ${range(min, max, 'item')}.`,
    { minItems: min, maxItems: max },
  );
  return max !== undefined && count > max ? max : count;
}

/** The most items any array is checked for; longer ones are refused as such. */
export const scanLimit = 100_000;

/** No item may equal an earlier one (JSON equality); primitives are found by a Map. */
export function unique(
  collector: Collector,
  items: readonly unknown[],
  count: number,
  path: string,
): void {
  const seen = new Map<unknown, number>();
  for (let later = 0; later < count; later++) {
    const item = items[later];
    let earlier: number | undefined;
    if (typeof item !== 'object' || item === null) {
      earlier = seen.get(item);
      if (earlier === undefined) seen.set(item, later);
    } else {
      for (let index = 0; index < later && earlier === undefined; index++) {
        if (jsonEqual(items[index], item, 0)) earlier = index;
      }
    }
    if (earlier !== undefined) {
      collector.error(
        childPointer(path, later),
        'unique',
        `${describeValue(item)} repeats item ${earlier}; remove the duplicate.`,
        undefined,
        item,
      );
    }
  }
}

/** JSON equality, bounded in depth so a cycle cannot hang it. */
export function jsonEqual(a: unknown, b: unknown, depth: number): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || depth > 64) {
    return false;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  for (const key of keysA) {
    if (!Object.prototype.hasOwnProperty.call(b, key)) return false;
    if (!jsonEqual((a as Record_)[key], (b as Record_)[key], depth + 1)) return false;
  }
  return true;
}

function range(min: number | undefined, max: number | undefined, unit: string): string {
  if (min !== undefined && max !== undefined) return `allowed are ${min} to ${max} ${unit}s`;
  if (min !== undefined) return `at least ${min} ${unit}${min === 1 ? '' : 's'} are required`;
  return `at most ${max} ${unit}${max === 1 ? '' : 's'} are allowed`;
}

/** The boolean twin of `unique`. */
export function isUnique(items: readonly unknown[]): boolean {
  const count = items.length;
  if (count < 2) return true;
  let primitives: Set<unknown> | undefined;
  for (let later = 0; later < count; later++) {
    const item = items[later];
    if (typeof item !== 'object' || item === null) {
      primitives ??= new Set();
      if (primitives.has(item)) return false;
      primitives.add(item);
    } else {
      for (let index = 0; index < later; index++)
        if (jsonEqual(items[index], item, 0)) return false;
    }
  }
  return true;
}
