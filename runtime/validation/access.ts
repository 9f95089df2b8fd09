import type { Collector } from './collector.js';
import { unreadable, type Unreadable } from './collector.js';
import { describeValue } from './describe.js';
import { childPointer } from './pointer.js';

/**
 * Property access that survives hostile values (throwing getters, Proxies, revoked Proxies):
 * what the full path of the generated validators reads objects with.
 */

export type Record_ = Record<string, unknown>;

/**
 * Whether `key`, met by a for-in walk of `object`, is its own (for-in also meets inherited
 * enumerable keys). Inside a for-in over `object`, V8's optimizing compiler answers
 * hasOwnProperty from the enum cache, without a lookup, but only when it can see that the
 * function called is Object.prototype.hasOwnProperty: written out here, the target is a
 * constant; read from a module variable it is not, and every key costs a property lookup
 * (isProactiveEvent took about twice as long).
 */
export function isOwnKey(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/**
 * Whether `value` is an object whose own enumerable keys (what JSON.stringify sends) are
 * exactly `first` and `second`: the shape of an event body and of an audience.
 */
export function hasExactly(value: unknown, first: string, second: string): value is Record_ {
  if (!isRecord(value)) return false;
  let count = 0;
  for (const key in value) {
    if (!isOwnKey(value, key)) continue;
    if (key !== first && key !== second) return false;
    count++;
  }
  return count === 2;
}

const isEnumerable = Object.prototype.propertyIsEnumerable;

/**
 * The own enumerable property `object[key]` (undefined when it is inherited or not enumerable:
 * JSON.stringify sends neither, and the boolean path does not see them), or `unreadable` (with
 * an error) when reading throws.
 */
export function read(collector: Collector, object: Record_, key: string, parent: string): unknown {
  try {
    return isEnumerable.call(object, key) ? object[key] : undefined;
  } catch (error) {
    collector.error(
      childPointer(parent, key),
      'type',
      `Reading the property threw (${errorText(error)}); pass plain JSON data.`,
    );
    return unreadable;
  }
}

/**
 * `read` for an object whose own enumerable keys were listed already: a few keys are searched
 * instead of asking the object (a property lookup costs more than comparing a few names).
 */
export function readKnown(
  collector: Collector,
  object: Record_,
  keys: readonly string[],
  key: string,
  parent: string,
): unknown {
  if (keys.length > fewKeys) return read(collector, object, key, parent);
  if (!keys.includes(key)) return undefined;
  try {
    return object[key];
  } catch {
    return read(collector, object, key, parent); // reads again, to report what it threw
  }
}

const fewKeys = 16;

/** The item at `index`, or `unreadable` (with an error) when reading throws. */
export function readItem(
  collector: Collector,
  array: readonly unknown[],
  index: number,
  parent: string,
): unknown {
  try {
    return array[index];
  } catch (error) {
    collector.error(
      childPointer(parent, index),
      'type',
      `Reading the item threw (${errorText(error)}); pass plain JSON data.`,
    );
    return unreadable;
  }
}

/** True for what JSON calls an object: not null, not an array. Never throws. */
export function isRecord(value: unknown): value is Record_ {
  if (typeof value !== 'object' || value === null) return false;
  try {
    return !Array.isArray(value);
  } catch {
    return false; // a revoked Proxy
  }
}

/** True for an array. Never throws. */
export function isArray(value: unknown): value is unknown[] {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}

/** The own enumerable keys (what JSON.stringify writes), or undefined (with an error) when listing them throws. */
export function keysOf(collector: Collector, object: Record_, path: string): string[] | undefined {
  try {
    return Object.keys(object);
  } catch (error) {
    collector.error(
      path,
      'type',
      `Listing the properties threw (${errorText(error)}); pass plain JSON data.`,
    );
    return undefined;
  }
}

/** The object at `path`, or undefined after a `type` error. */
export function asObject(collector: Collector, value: unknown, path: string): Record_ | undefined {
  if (isRecord(value)) return value;
  collector.typeError(path, 'an object', value);
  return undefined;
}

/** The array at `path`, or undefined after a `type` error. */
export function asArray(collector: Collector, value: unknown, path: string): unknown[] | undefined {
  if (isArray(value)) return value;
  collector.typeError(path, 'an array', value);
  return undefined;
}

/** The `required` error for a property missing from the object at `parent`. */
export function missing(
  collector: Collector,
  value: Unreadable | undefined,
  parent: string,
  key: string,
  expected: string,
): void {
  if (value === unreadable) return;
  if (collector.full) return collector.countErrors(1); // no message to compose
  collector.error(
    childPointer(parent, key),
    'required',
    `The required property ${JSON.stringify(key)} is missing; add ${expected}.`,
    expected,
  );
}

/**
 * What a thrown value says, for messages; never throws itself, whatever the value (a Proxy whose
 * every trap throws, an object without a string form).
 */
export function errorText(error: unknown): string {
  try {
    return error instanceof Error ? `${error.name}: ${error.message}` : describeValue(error);
  } catch {
    return 'an unreadable error';
  }
}
