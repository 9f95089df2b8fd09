import { asArray, isOwnKey, isRecord, keysOf, missing, read, readItem } from './access.js';
import { scanLimit } from './checks.js';
import { unreadable, type Collector } from './collector.js';
import { describeValue, listWords } from './describe.js';
import { childPointer } from './pointer.js';

/**
 * localizedAttributes against the `localizedattribute:` references of the payload. The work is
 * linear in the size of the value: each entry's keys are visited once, a locale entry lacking a
 * referenced key is found by counting (entries − entries holding the key) rather than by asking
 * every entry for every key, and messages stop being composed once the issue lists are full.
 * A key counts as held when it is an own enumerable property — what JSON.stringify sends.
 */

/** What the localized-attribute checks need to know about the event's schema. */
export interface LocalizedContext {
  readonly localePattern: RegExp;
  /** The schema's name and locales, or undefined when event.name is unknown. */
  readonly schema: { readonly name: string; readonly locales: readonly string[] } | undefined;
}

interface LocaleEntry {
  readonly index: number;
  readonly locale: string | undefined;
  readonly entry: Record<string, unknown>;
}

/** Whether a key is an own enumerable property: one Object.keys lists. */
const isEnumerable = Object.prototype.propertyIsEnumerable;

/** localizedAttributes against the references the payload made (collector.references). */
export function checkLocalizedAttributes(
  collector: Collector,
  value: unknown,
  path: string,
  context: LocalizedContext,
): void {
  const entries = asArray(collector, value, path);
  if (!entries) return;
  if (entries.length > scanLimit) {
    collector.error(
      path,
      'items',
      `The array has ${entries.length} items; the validator reads at most ${scanLimit}.`,
    );
    return;
  }
  const referenced = new Map<string, string>();
  for (const reference of collector.references) {
    if (!referenced.has(reference.key)) referenced.set(reference.key, reference.path);
  }
  const seen = new Map<string, number>();
  const objects: LocaleEntry[] = [];
  /** How many entries hold each referenced key. */
  const holders = new Map<string, number>();
  for (let index = 0; index < entries.length; index++) {
    const item = readItem(collector, entries, index, path);
    if (!isRecord(item)) {
      collector.typeError(childPointer(path, index), 'an object', item);
      continue;
    }
    const entry = item;
    const entryPath = childPointer(path, index);
    const keys = keysOf(collector, entry, entryPath) ?? [];
    const locale = checkLocale(collector, entry, entryPath, context, seen, index);
    objects.push({ index, locale, entry });
    for (const key of keys) {
      const isReferenced = referenced.has(key);
      if (isReferenced) holders.set(key, (holders.get(key) ?? 0) + 1);
      if (key === 'locale') continue;
      // The keys are the entry's own (Object.keys listed them): read without asking again.
      const item = readListed(collector, entry, key, entryPath);
      if (typeof item !== 'string' && item !== unreadable) {
        if (collector.full) collector.countErrors(1);
        else collector.typeError(childPointer(entryPath, key), 'a string', item);
      }
      if (!isReferenced && context.schema) {
        // Without a known schema the payload was not read, so nothing is known to be unused.
        if (collector.warningsFull) collector.countWarning();
        else {
          collector.warn(
            childPointer(entryPath, key),
            'localized-unused',
            `Nothing refers to ${describeValue(key)}; remove it, or refer to it with ${describeValue(collector.referencePrefix + key)}.`,
            undefined,
            key,
          );
        }
      }
    }
  }
  for (const [key, where] of referenced) {
    if (objects.length === 0) {
      if (collector.full) collector.countErrors(1);
      else {
        collector.error(
          path,
          'localized-missing',
          `${where} refers to ${describeValue(key)}, but localizedAttributes has no entries; add one per locale with ${describeValue(key)}.`,
          key,
        );
      }
      continue;
    }
    let lacking = objects.length - (holders.get(key) ?? 0);
    // Entries are visited only until the last one lacking the key: the visits that find it held
    // add up, over all keys, to the number of keys the entries hold.
    for (let position = 0; lacking > 0 && position < objects.length; position++) {
      if (collector.full) {
        collector.countErrors(lacking);
        break;
      }
      const { index, locale, entry } = objects[position]!;
      if (isEnumerable.call(entry, key)) continue;
      lacking--;
      const name = locale === undefined ? `entry ${index}` : `${locale} entry`;
      collector.error(
        childPointer(path, index),
        'localized-missing',
        `The ${name} has no ${describeValue(key)}, which ${where} refers to; add it.`,
        key,
      );
    }
  }
}

/** `entry[key]` for a key Object.keys listed, or `unreadable` (with an error) when a getter throws. */
function readListed(
  collector: Collector,
  entry: Record<string, unknown>,
  key: string,
  entryPath: string,
): unknown {
  try {
    return entry[key];
  } catch {
    return read(collector, entry, key, entryPath); // reads again, to report what it threw
  }
}

function checkLocale(
  collector: Collector,
  entry: Record<string, unknown>,
  entryPath: string,
  context: LocalizedContext,
  seen: Map<string, number>,
  index: number,
): string | undefined {
  const locale = read(collector, entry, 'locale', entryPath);
  // Once the error list is full the verdicts are counted, not composed: a hundred thousand bad
  // entries cost no messages.
  const full = collector.full;
  const localePath = childPointer(entryPath, 'locale');
  if (locale === undefined) {
    if (full) collector.countErrors(1);
    else missing(collector, locale, entryPath, 'locale', 'a locale such as en-US');
    return undefined;
  }
  if (typeof locale !== 'string') {
    if (full && locale !== unreadable) collector.countErrors(1);
    else collector.typeError(localePath, 'a locale string such as en-US', locale);
    return undefined;
  }
  if (!context.localePattern.test(locale)) {
    if (full) collector.countErrors(1);
    else {
      collector.error(
        localePath,
        'locale',
        `${describeValue(locale)} is not a locale tag like en-US (the pattern ${context.localePattern.source}).`,
        context.localePattern.source,
        locale,
      );
    }
    return locale;
  }
  const first = seen.get(locale);
  if (first === undefined) seen.set(locale, index);
  else if (full) collector.countErrors(1);
  else {
    collector.error(
      localePath,
      'locale',
      `${locale} already has an entry (${childPointer(entryPath.slice(0, entryPath.lastIndexOf('/')), first)}); merge the two.`,
      undefined,
      locale,
    );
  }
  const schema = context.schema;
  if (schema && !schema.locales.includes(locale)) {
    if (collector.warningsFull) collector.countWarning();
    else {
      collector.warn(
        localePath,
        'unsupported-locale',
        `${schema.name} supports ${listWords(schema.locales)} only; Alexa may not deliver it to ${locale} users.`,
        schema.locales,
        locale,
      );
    }
  }
  return locale;
}

/** What the boolean path knows of localizedAttributes: invalid, valid, or valid with warnings. */
export const invalidAttributes = 0;
export const quietAttributes = 1;
export const noisyAttributes = 2;

/**
 * The boolean twin of checkLocalizedAttributes: every entry an object of strings with a distinct
 * locale, holding every referenced key (an entry holds them all exactly when it holds as many of
 * the distinct referenced keys as there are, so each entry costs its own keys). A valid value is
 * `noisyAttributes` when checkLocalizedAttributes would warn about it (a locale outside
 * `locales`, or a key nothing refers to), else `quietAttributes`.
 *
 * An event has a few locales and references: up to `fewItems` of them are compared in place,
 * which allocates nothing; more go to Sets, which keeps the work linear.
 */
export function localizedAttributesState(
  value: unknown,
  references: readonly string[],
  localePattern: RegExp,
  locales?: ReadonlySet<string>,
): number {
  if (!Array.isArray(value)) return invalidAttributes;
  const count = value.length;
  if (count > scanLimit) return invalidAttributes;
  const referenceCount = references.length;
  if (count === 0) return referenceCount === 0 ? quietAttributes : invalidAttributes;
  const wanted = referenceCount > fewItems ? new Set(references) : undefined;
  const distinct = wanted === undefined ? distinctCount(references) : wanted.size;
  const seen = count > fewItems ? new Set<string>() : undefined;
  let state = quietAttributes;
  for (let index = 0; index < count; index++) {
    const entry: unknown = value[index];
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      return invalidAttributes;
    }
    const record = entry as Record<string, unknown>;
    let held = 0;
    let hasLocale = false;
    // Own enumerable keys, what JSON.stringify sends (for-in also meets inherited ones).
    for (const key in record) {
      if (!isOwnKey(record, key)) continue;
      if (typeof record[key] !== 'string') return invalidAttributes;
      if (key === 'locale') hasLocale = true;
      if (wanted === undefined ? references.includes(key) : wanted.has(key)) held++;
      else if (key !== 'locale') state = noisyAttributes;
    }
    if (!hasLocale || held !== distinct) return invalidAttributes;
    const locale = record.locale as string;
    if (!localePattern.test(locale)) return invalidAttributes;
    if (seen === undefined) {
      for (let before = 0; before < index; before++) {
        if ((value[before] as Record<string, unknown>).locale === locale) return invalidAttributes;
      }
    } else if (seen.has(locale)) return invalidAttributes;
    else seen.add(locale);
    if (locales !== undefined && !locales.has(locale)) state = noisyAttributes;
  }
  return state;
}

/** Up to this many locales or references, localizedAttributesState compares them in place. */
const fewItems = 8;

/** How many different strings `items` (at most `fewItems`) holds. */
function distinctCount(items: readonly string[]): number {
  let distinct = 0;
  for (let index = 0; index < items.length; index++) {
    if (items.indexOf(items[index]!) === index) distinct++;
  }
  return distinct;
}
