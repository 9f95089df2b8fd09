import { keysOf, type Record_ } from './access.js';
import { canonicalKeys } from './canonical.js';
import type { Collector } from './collector.js';
import { parseDateTime, describeDateTimeProblem } from './date-time.js';
import { describeValue, listWords } from './describe.js';
import { childPointer, lastSegment } from './pointer.js';

/**
 * The value checks of the full path, one per field kind. The generated validators call them
 * field by field with the field's facts (bounds, values, pattern) as arguments.
 */

/**
 * Unknown properties of a closed object. `misplaced` maps a field name that exists elsewhere in
 * the same payload to where it belongs (a pointer below `root`), for "belongs at" hints.
 * Returns the object's own enumerable keys (undefined when listing them threw).
 */
export function closed(
  collector: Collector,
  object: Record_,
  path: string,
  known: ReadonlySet<string>,
  misplaced?: ReadonlyMap<string, string>,
  root = '',
): string[] | undefined {
  const keys = keysOf(collector, object, path);
  if (!keys) return undefined;
  for (const key of keys) {
    if (known.has(key)) continue;
    if (collector.full) {
      collector.error(path, 'unknown-property', ''); // counted, not listed
      continue;
    }
    const where = misplaced?.get(key);
    const inside = path === root ? 'the payload' : lastSegment(path);
    let message: string;
    if (where !== undefined) {
      message = `${key} belongs at ${root}${where}, not inside ${inside}.`;
    } else {
      const names = [...known];
      const suggestion = collector.suggest(key, names);
      message = suggestion
        ? `Unknown property ${JSON.stringify(key)}; did you mean ${JSON.stringify(suggestion)}?`
        : names.length === 0
          ? `Unknown property ${JSON.stringify(key)}; this object must be empty.`
          : `Unknown property ${JSON.stringify(key)}; the properties here are ${listWords(names)}.`;
    }
    collector.error(childPointer(path, key), 'unknown-property', message, [...known], key);
  }
  return keys;
}

/** A string that must not be a localized reference. True when it is a string. */
export function plainString(collector: Collector, value: unknown, path: string): value is string {
  if (typeof value !== 'string') {
    collector.typeError(path, 'a string', value);
    return false;
  }
  localizedReference(collector, value, path);
  return true;
}

/**
 * True (with a `localized-not-allowed` error) when `value` is a `localizedattribute:` reference
 * in a field that cannot be localized: the cause to fix, rather than the `enum`, `format` or
 * `type` error the reference would also be.
 */
function localizedReference(collector: Collector, value: unknown, path: string): boolean {
  if (typeof value !== 'string' || !value.startsWith(collector.referencePrefix)) return false;
  collector.error(
    path,
    'localized-not-allowed',
    `This field cannot be localized; write the value itself instead of ${describeValue(value)}.`,
    undefined,
    value,
  );
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
  if (localizedReference(collector, value, path)) return;
  const list = [...values];
  if (typeof value !== 'string') {
    collector.typeError(path, `one of ${listWords(list)}`, value);
    return;
  }
  const suggestion = collector.suggest(value, list);
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
    if (localizedReference(collector, value, path)) return;
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
  if (typeof value !== 'boolean' && !localizedReference(collector, value, path)) {
    collector.typeError(path, 'true or false', value);
  }
}

/** A strict ISO 8601 date-time; its instant in milliseconds, or NaN after an error. */
export function dateTime(collector: Collector, value: unknown, path: string): number {
  if (typeof value !== 'string') {
    collector.typeError(path, 'an ISO 8601 date-time string', value);
    return NaN;
  }
  if (localizedReference(collector, value, path)) return NaN;
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

/**
 * No item may equal an earlier one (JSON equality). Items are compared by canonical keys, so the
 * work is linear in the size of the object graph, shared references included. With
 * `primitiveItems` (the items must be strings, numbers or booleans) an object or array item is
 * not compared: it is a type error already, the issue to fix, and canonicalizing a megabyte
 * inside it would only find a second one.
 */
export function unique(
  collector: Collector,
  items: readonly unknown[],
  count: number,
  path: string,
  primitiveItems = false,
): void {
  let keys: unknown[];
  try {
    keys = primitiveItems ? primitiveKeys(items, count) : canonicalKeys(items, count);
  } catch {
    collector.error(
      path,
      'type',
      'The items could not be read to compare them; pass plain JSON data.',
    );
    return;
  }
  const seen = new Map<unknown, number>();
  for (let later = 0; later < count; later++) {
    const key = keys[later];
    if (key === notCompared) continue;
    const earlier = seen.get(key);
    if (earlier === undefined) {
      seen.set(key, later);
      continue;
    }
    let item: unknown;
    try {
      item = items[later];
    } catch {
      item = undefined;
    }
    collector.error(
      childPointer(path, later),
      'unique',
      `${describeValue(item)} repeats item ${earlier}; remove the duplicate.`,
      undefined,
      item,
    );
  }
}

/** The key of an item that is not compared with the others. */
const notCompared: unique symbol = Symbol('not compared');

/** Primitives are their own keys (a Map equates 0 and -0, as JSON does); objects are not compared. */
function primitiveKeys(items: readonly unknown[], count: number): unknown[] {
  const keys: unknown[] = [];
  for (let index = 0; index < count; index++) {
    const item = items[index];
    keys.push(typeof item === 'object' && item !== null ? notCompared : item);
  }
  return keys;
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
  return new Set(canonicalKeys(items, count)).size === count;
}
