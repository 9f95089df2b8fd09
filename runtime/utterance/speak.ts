/**
 * The utterance helpers at run time: how dates, lists, counts and plurals are spoken. The
 * generated previewers and the Handlebars reference renderer call the same functions, so both
 * say exactly the same thing. Intl objects are costly to build and are cached per locale.
 */

interface DateFormat {
  readonly format: Intl.DateTimeFormat;
  /** What it said, by time and by the text the time was written as. */
  readonly byTime: Map<number, string>;
  readonly byText: Map<string, string>;
}

/** Per locale, per time zone: a formatter is costly to build, so each is built once. */
const dateFormats = new Map<string, Map<string, DateFormat>>();

function dateFormat(locale: string, timeZone: string): DateFormat {
  let byZone = dateFormats.get(locale);
  if (!byZone) dateFormats.set(locale, (byZone = new Map()));
  let cached = byZone.get(timeZone);
  if (!cached) {
    cached = {
      format: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }),
      byTime: new Map(),
      byText: new Map(),
    };
    byZone.set(timeZone, cached);
  }
  return cached;
}

/**
 * A date in the locale's long form ("May 18, 2019", "18. Mai 2019") in the given time zone.
 * Formatting is the costliest step of a preview, and the same dates come back (one event in
 * several locales, a batch about one day), so each formatter remembers what it has said.
 */
export function spokenDate(date: Date | number, locale: string, timeZone: string): string {
  const cached = dateFormat(locale, timeZone);
  const time = typeof date === 'number' ? date : date.getTime();
  let text = cached.byTime.get(time);
  if (text === undefined) {
    if (cached.byTime.size >= rememberedDates) cached.byTime.clear();
    text = cached.format.format(time);
    cached.byTime.set(time, text);
  }
  return text;
}

/**
 * spokenDate of a date-time as written in an event (`2019-05-18T02:00:00Z`), or undefined when
 * the text is no date. A text said before is not parsed again.
 */
export function spokenDateText(text: string, locale: string, timeZone: string): string | undefined {
  const cached = dateFormat(locale, timeZone);
  let said = cached.byText.get(text);
  if (said === undefined) {
    const time = Date.parse(text);
    if (Number.isNaN(time)) return undefined;
    said = spokenDate(time, locale, timeZone);
    if (cached.byText.size >= rememberedDates) cached.byText.clear();
    cached.byText.set(text, said);
  }
  return said;
}

const rememberedDates = 1024;

interface ListJoiners {
  /** Between all items but the last two ("a, b"). */
  readonly middle: string;
  /** Between the last two ("b and c"). */
  readonly last: string;
}
const listJoiners = new Map<string, ListJoiners>();

/**
 * Items joined as the locale joins a list, without a serial comma: "glass, cans and bottles",
 * "Glas, Dosen und Flaschen". The last two items are joined the way the locale joins a pair,
 * which is how Alexa reads lists (Intl's en-US list format would add "…, and").
 */
export function joinList(items: readonly string[], locale: string): string {
  if (items.length <= 1) return items[0] ?? '';
  let joiners = listJoiners.get(locale);
  if (!joiners) {
    const format = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
    const literal = (parts: { type: string; value: string }[], index: number) =>
      parts.filter((part) => part.type === 'literal')[index]?.value ?? ', ';
    joiners = {
      middle: literal(format.formatToParts(['a', 'b', 'c']), 0),
      last: literal(format.formatToParts(['a', 'b']), 0),
    };
    listJoiners.set(locale, joiners);
  }
  let text = items[0]!;
  for (let index = 1; index < items.length - 1; index++) text += joiners.middle + items[index]!;
  return text + joiners.last + items[items.length - 1]!;
}

/** Counts spoken in words, per language; other languages and larger counts use digits. */
const countWords: Readonly<Record<string, readonly string[]>> = {
  en: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'],
};
const numberFormats = new Map<string, Intl.NumberFormat>();

/** A count as Alexa says it: "three" in English (as Amazon's examples do), digits otherwise. */
export function spokenCount(count: number, locale: string): string {
  const words = countWords[locale.slice(0, 2)];
  if (words && count >= 0 && count < words.length) return words[count]!;
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numberFormats.set(locale, format);
  }
  return format.format(count);
}

const pluralCategories = new Map<string, { rules: Intl.PluralRules; small: string[] }>();

/** `one` when the locale's plural rules call the count singular, `other` otherwise. */
export function pluralWord(count: number, one: string, other: string, locale: string): string {
  let cached = pluralCategories.get(locale);
  if (!cached) {
    const rules = new Intl.PluralRules(locale);
    // Counts of messages are small: their categories are looked up once per locale.
    cached = { rules, small: Array.from({ length: 100 }, (_, index) => rules.select(index)) };
    pluralCategories.set(locale, cached);
  }
  const category = cached.small[count] ?? cached.rules.select(count);
  return category === 'one' ? one : other;
}

/**
 * Tidies a rendered sentence: one space between words, none before punctuation, and no full
 * stop after a value that already ends one ("Example Weather Corp." + ".").
 */
export function normalizeUtterance(text: string): string {
  if (isTidy(text)) return text;
  return text
    .replace(/\s+/g, ' ')
    .replace(/ (?=[,.!?;:])/g, '')
    .replace(/([.!?])\.+/g, '$1')
    .trim();
}

/**
 * Whether normalizeUtterance would leave the text as it is: most previews are. One native regular
 * expression, not a loop of charCodeAt: a rendered sentence is a rope of concatenations, which
 * charCodeAt walks again for every character (thousands of locales made that the costliest step).
 */
export function isTidy(text: string): boolean {
  return !untidy.test(text);
}

/**
 * Whether a spoken value keeps a sentence tidy wherever a tidy template puts it, beside the
 * template's text or another such value: printable ASCII and not empty, nothing untidy inside,
 * no space or punctuation at its start that a space before it would make untidy (, . ! ? ; :),
 * and no space or sentence end at its end that the next character could make untidy (. ! ?).
 * The previewer then skips normalizeUtterance, whose test of the whole sentence flattens the
 * rope it was built as: a value is short, and already flat. Anything else is normalized.
 */
export function isPlainValue(text: string): boolean {
  const length = text.length;
  if (length === 0) return false;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(length - 1);
  if (first === space || isAfterSpaceUntidy(first) || last === space || isSentenceEnd(last)) {
    return false;
  }
  let previous = 0; // nothing before the first character
  for (let index = 0; index < length; index++) {
    const code = text.charCodeAt(index);
    if (code < space || code > tilde) return false;
    if (previous === space && (code === space || isAfterSpaceUntidy(code))) return false;
    if (code === fullStop && isSentenceEnd(previous)) return false;
    previous = code;
  }
  return true;
}

const space = 0x20;
const tilde = 0x7e;
const fullStop = 0x2e;

/** , . ! ? ; or : — untidy after a space. */
function isAfterSpaceUntidy(code: number): boolean {
  return (
    code === 0x2c ||
    code === fullStop ||
    code === 0x21 ||
    code === 0x3f ||
    code === 0x3b ||
    code === 0x3a
  );
}

/** . ! or ? — a full stop after one is untidy. */
function isSentenceEnd(code: number): boolean {
  return code === fullStop || code === 0x21 || code === 0x3f;
}

/**
 * What normalizeUtterance changes: a control character or non-ASCII space, a space at either
 * end, two spaces, a space before , . ! ? ; or :, a full stop after . ! or ?.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const untidy = /[\x00-\x1f]|[^\S\x00-\x7e]|^ | $| {2}| [,.!?;:]|[.!?]\./;

/**
 * Whether `{{#if value}}` renders its block: Handlebars' rule (absent, null, false, '', 0 and
 * [] are false), kept exactly so a compiled template says what Handlebars would.
 */
export function isTruthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return value !== undefined && value !== null && value !== false && value !== '' && value !== 0;
}
