import { UtterancePreviewError } from './errors.js';
import type { UtteranceHelperMethods } from './helpers.js';
import { resolveLocalized, type LocalizedEntry } from './localized.js';
import { isPlainValue, joinList, pluralWord, spokenCount, spokenDateText } from './speak.js';

/** Where a spoken value came from, for explainUtterance. */
export interface ExplainedValue {
  /** The payload field, as a dotted path (e.g. weatherAlert.source). */
  readonly field: string;
  /** `localizedAttributes` when the payload held `localizedattribute:KEY`. */
  readonly source: 'payload' | 'localizedAttributes';
  /** The value in the payload, as sent. */
  readonly raw: unknown;
  /** What the template says for it. */
  readonly spoken: string;
}

/** How each value of an enum is spoken, in one locale. */
export type SpokenWords = Readonly<Record<string, string>>;

/**
 * What a generated previewer calls for every value it speaks. Each method checks the value it
 * is given, because the event may not have been validated: a missing or mistyped field is an
 * UtterancePreviewError naming the field, never "undefined" in the sentence.
 */
export class UtteranceContext implements UtteranceHelperMethods {
  /** The variant the previewer chose. */
  variantName = '';

  constructor(
    /** The locale whose formats (dates, lists, counts) the template uses. */
    private readonly locale: string,
    /** The locale whose localizedAttributes entry supplies `localizedattribute:KEY` values. */
    private readonly attributeLocale: string,
    private readonly timeZone: string,
    /** The localized attribute prefix (`localizedattribute:`). */
    private readonly prefix: string,
    /** The event's localizedAttributes entry for attributeLocale, if any, and its index. */
    private readonly entry: LocalizedEntry | undefined,
    private readonly entryIndex: number,
    /** Collects every value spoken (explainUtterance); absent when only the text is wanted. */
    private readonly explained?: ExplainedValue[],
  ) {}

  /** Whether the chosen variant's own text is tidy (see variant). */
  private tidyTemplate = false;
  /** Whether a value spoken so far is not plain (isPlainValue). */
  private spokeUnplainValue = false;

  /**
   * Records the variant the payload selected. `template.tidy`: its text is tidy, without
   * {{#if}} blocks and without a space at either end (generate checked it), so the sentence is
   * tidy as it stands when every value it speaks is plain.
   */
  variant(name: string, template?: { readonly tidy: boolean }): void {
    this.variantName = name;
    this.tidyTemplate = template?.tidy === true;
  }

  /** Whether the sentence is tidy as rendered: normalizeUtterance would return it unchanged. */
  get tidy(): boolean {
    return this.tidyTemplate && !this.spokeUnplainValue;
  }

  /** A plain string field. */
  text(value: unknown, pointer: string): string {
    if (typeof value !== 'string') throw wrongType(value, pointer, 'a string');
    if (value.startsWith(this.prefix)) {
      throw new UtterancePreviewError(
        'wrong-type',
        pointer,
        `${JSON.stringify(value)} is a localized attribute reference, but this field cannot be localized (the text itself)`,
      );
    }
    return this.record(pointer, value, value);
  }

  /** A string field that may hold `localizedattribute:KEY`, resolved for the listener's locale. */
  localized(value: unknown, pointer: string): string {
    if (typeof value !== 'string') throw wrongType(value, pointer, 'a string');
    const { prefix, entry, attributeLocale } = this;
    if (!value.startsWith(prefix)) return this.record(pointer, value, value);
    const resolved = resolveLocalized(value, prefix, entry);
    if (resolved !== undefined) return this.record(pointer, value, resolved, 'localizedAttributes');
    const key = value.slice(prefix.length);
    if (!entry) {
      throw new UtterancePreviewError(
        'missing-localized-attribute',
        pointer,
        `${value} has no value for ${attributeLocale}: localizedAttributes has no ${attributeLocale} entry (an entry {"locale": "${attributeLocale}", ${JSON.stringify(key)}: "…"})`,
      );
    }
    throw new UtterancePreviewError(
      'missing-localized-attribute',
      pointer,
      `${value} has no value for ${attributeLocale} (a ${JSON.stringify(key)} string in /localizedAttributes/${this.entryIndex})`,
    );
  }

  /** An integer said as digits ("Oranges 1"). */
  integer(value: unknown, pointer: string): string {
    return this.record(pointer, value, String(checkInteger(value, pointer)));
  }

  /** An enum, date-time or boolean field said as it is written. */
  raw(value: unknown, pointer: string): string {
    if (typeof value !== 'string' && typeof value !== 'boolean') {
      throw wrongType(value, pointer, 'a string');
    }
    return this.record(pointer, value, String(value));
  }

  /** {{spoken field}}: the words for an enum value. */
  spoken(value: unknown, words: SpokenWords, pointer: string): string {
    return this.record(pointer, value, wordsFor(value, words, pointer));
  }

  /** {{date field}}: a date-time in the locale's long form, in the chosen time zone. */
  date(value: unknown, pointer: string): string {
    const said =
      typeof value === 'string' ? spokenDateText(value, this.locale, this.timeZone) : undefined;
    if (said === undefined) throw wrongType(value, pointer, 'an ISO 8601 date-time');
    return this.record(pointer, value, said);
  }

  /** {{list field}}: the items joined as "a, b and c"; enum items are spoken in words. */
  list(value: unknown, words: SpokenWords | undefined, pointer: string): string {
    if (!Array.isArray(value) || value.length === 0) {
      throw wrongType(value, pointer, 'a non-empty array');
    }
    const items = value.map((item: unknown, index) =>
      words
        ? wordsFor(item, words, `${pointer}/${index}`)
        : checkString(item, `${pointer}/${index}`),
    );
    return this.record(pointer, value, joinList(items, this.locale));
  }

  /** {{number field}}: a count, in words where the locale has them ("three"). */
  number(value: unknown, pointer: string): string {
    return this.record(pointer, value, spokenCount(checkInteger(value, pointer), this.locale));
  }

  /** {{plural field "one" "other"}}: the word that agrees with the count. */
  plural(value: unknown, one: string, other: string, pointer: string): string {
    const count = checkInteger(value, pointer);
    return this.record(pointer, value, pluralWord(count, one, other, this.locale));
  }

  /** A payload that matched none of the template's variants. */
  noVariant(pointer: string): never {
    throw new UtterancePreviewError(
      'no-variant',
      pointer,
      'no utterance variant matches this payload (a payload one of the variants accepts)',
    );
  }

  private record(
    pointer: string,
    raw: unknown,
    spoken: string,
    source: ExplainedValue['source'] = 'payload',
  ): string {
    this.explained?.push({ field: fieldOf(pointer), source, raw, spoken });
    if (!this.spokeUnplainValue && !isPlainValue(spoken)) this.spokeUnplainValue = true;
    return spoken;
  }
}

function wordsFor(value: unknown, words: SpokenWords, pointer: string): string {
  if (typeof value === 'string' && Object.hasOwn(words, value)) return words[value]!;
  if (value === undefined) throw wrongType(value, pointer, 'a value');
  throw new UtterancePreviewError(
    'unknown-value',
    pointer,
    `${JSON.stringify(value)} is not a value of this field (one of ${Object.keys(words).join(', ')})`,
  );
}

function checkString(value: unknown, pointer: string): string {
  if (typeof value !== 'string') throw wrongType(value, pointer, 'a string');
  return value;
}

function checkInteger(value: unknown, pointer: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw wrongType(value, pointer, 'an integer');
  }
  return value;
}

function wrongType(value: unknown, pointer: string, expected: string): UtterancePreviewError {
  if (value === undefined) {
    return new UtterancePreviewError(
      'missing-field',
      pointer,
      `the template needs this field, but the payload does not have it (${expected})`,
    );
  }
  return new UtterancePreviewError(
    'wrong-type',
    pointer,
    `${JSON.stringify(value)} cannot be spoken here (${expected})`,
  );
}

/** /event/payload/a/b → a.b (array items keep their index: alert.garbageTypes.0). */
function fieldOf(pointer: string): string {
  return pointer
    .replace(/^\/event\/payload\//, '')
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}
