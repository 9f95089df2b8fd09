/**
 * THE resolution of a `localizedattribute:KEY` reference for one locale: the previewer's
 * UtteranceContext and the Handlebars reference renderer both speak a localizable field through
 * it.
 */

/** One `localizedAttributes` entry: `{ locale, KEY: text, … }`. */
export type LocalizedEntry = Readonly<Record<string, unknown>>;

/**
 * What a localizable field says in the locale of `entry`: the text itself when it is no
 * reference, the entry's string for KEY when it is `<prefix>KEY`, and undefined when there is no
 * entry or it has no string for KEY. Only strings count, so nothing inherited from
 * Object.prototype is ever spoken.
 */
export function resolveLocalized(
  text: string,
  prefix: string,
  entry: LocalizedEntry | undefined,
): string | undefined {
  if (!text.startsWith(prefix)) return text;
  if (entry === undefined) return undefined;
  const value = entry[keyOf(text, prefix)];
  return typeof value === 'string' ? value : undefined;
}

/**
 * KEY of `<prefix>KEY`, the same string each time for the same text: previewing an event in each
 * of its locales resolves the same references once per locale, and V8 finds a property by a
 * string it has looked up before without hashing and interning it again (a fresh slice costs
 * both, every time). Bounded: a long-running process meets many texts.
 */
function keyOf(text: string, prefix: string): string {
  if (prefix !== keysPrefix) {
    keys.clear();
    keysPrefix = prefix;
  }
  let key = keys.get(text);
  if (key === undefined) {
    if (keys.size >= maxKeys) keys.clear();
    key = text.slice(prefix.length);
    keys.set(text, key);
  }
  return key;
}

const keys = new Map<string, string>();
let keysPrefix = '';
const maxKeys = 1024;
