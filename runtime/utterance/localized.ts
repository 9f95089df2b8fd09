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
  const value = entry?.[text.slice(prefix.length)];
  return typeof value === 'string' ? value : undefined;
}
