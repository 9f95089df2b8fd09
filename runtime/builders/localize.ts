/** Localizable fields given per locale, turned into `localizedattribute:KEY` references. */
import { ProactiveEventsError } from '../errors.js';

/** One text per locale, e.g. `{ 'en-US': 'Example Weather Corp', 'de-DE': 'Beispiel-Wetterdienst' }`. */
export type LocalizedText = Readonly<Record<string, string>>;

export class LocalizationError extends ProactiveEventsError {
  constructor(message: string) {
    super(message);
    this.name = 'LocalizationError';
  }
}

export interface Localized {
  readonly payload: unknown;
  readonly localizedAttributes: Record<string, string>[];
}

/**
 * Replaces every localizable field given as a per-locale map by a reference, and builds the
 * matching localizedAttributes: one entry per locale, each carrying every key, so the event is
 * consistent by construction. `paths` are the localizable fields' paths ('*' for array items).
 */
export function localizePayload(
  payload: unknown,
  paths: readonly (readonly string[])[],
  prefix: string,
): Localized {
  const copy = structuredClone(payload);
  const values = new Map<string, LocalizedText>();
  for (const path of paths) {
    for (const { holder, key, pointer } of locate(copy, path)) {
      const value = holder[key];
      if (value === null || typeof value !== 'object') continue;
      const attribute = attributeKey(pointer);
      values.set(attribute, value as LocalizedText);
      holder[key] = `${prefix}${attribute}`;
    }
  }
  if (values.size === 0) return { payload: copy, localizedAttributes: [] };

  const locales = [...new Set([...values.values()].flatMap((text) => Object.keys(text)))].sort();
  for (const [attribute, text] of values) {
    const missing = locales.filter((locale) => typeof text[locale] !== 'string');
    if (missing.length > 0) {
      throw new LocalizationError(
        `The localized text for ${attribute} has no ${missing.join(', ')}: every localized field needs the same locales (${locales.join(', ')}), because Alexa reads each locale's entry whole.`,
      );
    }
  }
  const localizedAttributes = locales.map((locale) => {
    const entry: Record<string, string> = { locale };
    for (const [attribute, text] of values) entry[attribute] = text[locale]!;
    return entry;
  });
  return { payload: copy, localizedAttributes };
}

/** `['order', 'seller', 'name']` → `orderSellerName`; array items add their index. */
function attributeKey(pointer: readonly (string | number)[]): string {
  return pointer
    .map((segment, index) => {
      const text = String(segment);
      return index === 0 ? text : text.charAt(0).toUpperCase() + text.slice(1);
    })
    .join('');
}

type Holder = Record<string | number, unknown>;

function* locate(
  value: unknown,
  path: readonly string[],
  pointer: readonly (string | number)[] = [],
): Generator<{ holder: Holder; key: string | number; pointer: readonly (string | number)[] }> {
  if (value === null || typeof value !== 'object') return;
  const [head, ...rest] = path;
  if (head === undefined) return;
  const holder = value as Holder;
  const keys: (string | number)[] =
    head === '*' ? (Array.isArray(value) ? value.map((_, index) => index) : []) : [head];
  for (const key of keys) {
    if (!(key in holder)) continue;
    if (rest.length === 0) yield { holder, key, pointer: [...pointer, key] };
    else yield* locate(holder[key], rest, [...pointer, key]);
  }
}
