import { UtteranceContext, type ExplainedValue } from './context.js';
import { errorText, isOwnKey } from '../validation/access.js';
import { UtterancePreviewError } from './errors.js';
import { normalizeUtterance } from './speak.js';
import { checkPreviewable, type PreviewableEvent, type PreviewChecks } from './validation.js';

/** A generated previewer: the sentence for one payload in one locale. */
export type UtteranceRenderer = (payload: never, context: UtteranceContext) => string;

/**
 * What the generated module hands to createPreviewer: the envelope's facts, the renderers, and
 * the validation every preview runs first (PreviewChecks: fallbackLocale, isValid, validate).
 */
export interface PreviewerTable extends PreviewChecks {
  /** The pattern every locale matches (the envelope's localizedAttributes locale pattern). */
  readonly localePattern: string;
  /** The prefix of a localized attribute reference (`localizedattribute:`). */
  readonly localizedAttributePrefix: string;
  /** Per event name, per locale, the previewer. */
  readonly renderers: Readonly<Record<string, Readonly<Record<string, UtteranceRenderer>>>>;
}

export interface PreviewOptions {
  /**
   * The IANA time zone dates are spoken in (default UTC). Alexa speaks dates in the listener's
   * own zone, so pass theirs to hear what they will hear.
   */
  readonly timeZone?: string;
}

/** What explainUtterance tells about a preview. */
export interface UtteranceExplanation {
  /** The locale asked for. */
  readonly locale: string;
  readonly text: string;
  /** The name of the template variant the payload selected. */
  readonly variant: string;
  /** True when the locale has no template of its own and the fallback locale's wording was used. */
  readonly fallback: boolean;
  /** The locale of the template used. */
  readonly templateLocale: string;
  /** Every value spoken, in the order spoken. */
  readonly values: readonly ExplainedValue[];
}

export interface Previewer {
  preview(event: unknown, locale: string, options?: PreviewOptions): string;
  previewAll(event: unknown, options?: PreviewOptions): Record<string, string>;
  explain(event: unknown, locale: string, options?: PreviewOptions): UtteranceExplanation;
}

/** Builds the three preview functions over the generated renderers. */
export function createPreviewer(table: PreviewerTable): Previewer {
  const knownNames = new Set(Object.keys(table.renderers));
  const renderersOf = new Map(
    Object.entries(table.renderers).map(([name, byLocale]) => [
      name,
      new Map(Object.entries(byLocale)),
    ]),
  );
  const { fallbackLocale, localizedAttributePrefix: prefix } = table;
  const localePattern = new RegExp(table.localePattern, 'u');
  const checkLocale = (locale: string): void => {
    if (!localePattern.test(locale)) {
      throw new UtterancePreviewError(
        'invalid-option',
        '',
        `${JSON.stringify(locale)} is not a locale (such as ${fallbackLocale})`,
      );
    }
  };
  /** The options' time zone (default UTC), checked. */
  const timeZoneOf = (options: PreviewOptions): string => {
    const timeZone = options.timeZone ?? 'UTC';
    if (!checkedZones.has(timeZone)) checkTimeZone(timeZone, fallbackLocale);
    return timeZone;
  };

  /**
   * The sentence for a checked event in one locale; `index` is the locale's first entry in
   * localizedAttributes (-1 for none). The context tells the variant chosen afterwards.
   */
  const render = (
    checked: PreviewableEvent,
    locale: string,
    timeZone: string,
    index: number,
    explained: ExplainedValue[] | undefined,
  ): { text: string; context: UtteranceContext; templateLocale: string } => {
    const byLocale = renderersOf.get(checked.name)!;
    const own = byLocale.get(locale);
    const templateLocale = own ? locale : fallbackLocale;
    const renderer = own ?? byLocale.get(fallbackLocale)!;
    const context = new UtteranceContext(
      templateLocale,
      locale,
      timeZone,
      prefix,
      index < 0 ? undefined : checked.localizedAttributes[index],
      index,
      explained,
    );
    const spoken = renderer(checked.payload as never, context);
    const text = context.tidy ? spoken : normalizeUtterance(spoken);
    return { text, context, templateLocale };
  };

  /** One locale: its options checked before the event (THE validation step), as they always were. */
  const renderOne = (
    event: unknown,
    locale: string,
    options: PreviewOptions,
    explained: ExplainedValue[] | undefined,
  ) => {
    checkLocale(locale);
    const timeZone = timeZoneOf(options);
    const checked = checkPreviewable(event, knownNames, table);
    return render(checked, locale, timeZone, entryIndex(checked, locale), explained);
  };

  return {
    preview(event, locale, options = {}) {
      try {
        return renderOne(event, locale, options, undefined).text;
      } catch (error) {
        throw readable(error);
      }
    },
    previewAll(event, options = {}) {
      try {
        return renderAll(event, options);
      } catch (error) {
        throw readable(error);
      }
    },
    explain(event, locale, options = {}) {
      try {
        const values: ExplainedValue[] = [];
        const { text, context, templateLocale } = renderOne(event, locale, options, values);
        const fallback = templateLocale !== locale;
        return { locale, text, variant: context.variantName, fallback, templateLocale, values };
      } catch (error) {
        throw readable(error);
      }
    },
  };

  /**
   * Every locale of the event, validated once (not once per locale: an event of thousands of
   * locale entries would cost thousands of validations).
   */
  function renderAll(event: unknown, options: PreviewOptions): Record<string, string> {
    const timeZone = timeZoneOf(options);
    const checked = checkPreviewable(event, knownNames, table);
    const entries = checked.localizedAttributes;
    const result: Record<string, string> = {};
    if (entries.length === 0) {
      result[fallbackLocale] = render(checked, fallbackLocale, timeZone, -1, undefined).text;
    }
    // Each locale in the order of its first entry; checkPreviewable made every locale a string.
    for (let index = 0; index < entries.length; index++) {
      const locale = entries[index]!.locale as string;
      // A later entry of a locale spoken already (only an unvalidated event can have one).
      if (isOwnKey(result, locale)) continue;
      checkLocale(locale); // before the key is used: "__proto__" is no locale
      result[locale] = render(checked, locale, timeZone, index, undefined).text;
    }
    return result;
  }
}

/** The first localizedAttributes entry of the locale, or -1. */
function entryIndex(checked: PreviewableEvent, locale: string): number {
  const entries = checked.localizedAttributes;
  for (let index = 0; index < entries.length; index++) {
    if (entries[index]!.locale === locale) return index;
  }
  return -1;
}

/** `instanceof` without its own throw: a Proxy's getPrototypeOf trap may throw. */
function isPreviewError(error: unknown): boolean {
  try {
    return error instanceof UtterancePreviewError;
  } catch {
    return false;
  }
}

/**
 * What a preview throws: an UtterancePreviewError or nothing. Whatever a hostile value throws (a
 * Proxy trap, a getter, even a value without a string form) becomes one.
 */
function readable(error: unknown): UtterancePreviewError {
  if (isPreviewError(error)) return error as UtterancePreviewError;
  return new UtterancePreviewError(
    'invalid-event',
    '',
    `the event could not be read (${errorText(error)}); pass plain JSON data`,
  );
}

const checkedZones = new Set<string>(['UTC']);

function checkTimeZone(timeZone: string, locale: string): void {
  try {
    new Intl.DateTimeFormat(locale, { timeZone });
  } catch {
    throw new UtterancePreviewError(
      'invalid-option',
      '',
      `${JSON.stringify(timeZone)} is not a time zone (an IANA name such as UTC or America/New_York)`,
    );
  }
  checkedZones.add(timeZone);
}
