import { UtteranceContext, type ExplainedValue } from './context.js';
import { errorText } from '../validation/access.js';
import { UtterancePreviewError } from './errors.js';
import { normalizeUtterance } from './speak.js';
import { checkPreviewable, type PreviewableEvent, type PreviewValidator } from './validation.js';

/** A generated previewer: the sentence for one payload in one locale. */
export type UtteranceRenderer = (payload: never, context: UtteranceContext) => string;

/** What the generated module hands to createPreviewer. */
export interface PreviewerTable {
  /** The locale every schema has templates for, used when a locale has none of its own. */
  readonly fallbackLocale: string;
  /** The pattern every locale matches (the envelope's localizedAttributes locale pattern). */
  readonly localePattern: string;
  /** The prefix of a localized attribute reference (`localizedattribute:`). */
  readonly localizedAttributePrefix: string;
  /** Per event name, per locale, the previewer. */
  readonly renderers: Readonly<Record<string, Readonly<Record<string, UtteranceRenderer>>>>;
  /**
   * Checks the whole event before it is previewed: the generated module passes its validator,
   * without a clock (a preview says what an event would say whenever it is sent).
   */
  readonly validate?: PreviewValidator;
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
  const prefix = table.localizedAttributePrefix;
  const localePattern = new RegExp(table.localePattern, 'u');
  const checkLocale = (locale: string): void => {
    if (!localePattern.test(locale)) {
      throw new UtterancePreviewError(
        'invalid-option',
        '',
        `${JSON.stringify(locale)} is not a locale (such as ${table.fallbackLocale})`,
      );
    }
  };
  /** The options' time zone (default UTC), checked. */
  const timeZoneOf = (options: PreviewOptions): string => {
    const timeZone = options.timeZone ?? 'UTC';
    checkTimeZone(timeZone, table.fallbackLocale);
    return timeZone;
  };

  /** The event, checked once (THE validation step), with each locale's first entry. */
  const prepare = (event: unknown): PreparedEvent => {
    const checked = checkPreviewable(event, knownNames, table.validate);
    const entryOf = new Map<unknown, number>();
    checked.localizedAttributes.forEach((entry, index) => {
      if (!entryOf.has(entry.locale)) entryOf.set(entry.locale, index);
    });
    return { checked, entryOf };
  };

  const render = (
    prepared: PreparedEvent,
    locale: string,
    options: PreviewOptions,
    explained: ExplainedValue[] | undefined,
  ) => {
    const { name, payload, localizedAttributes } = prepared.checked;
    const byLocale = table.renderers[name]!;
    const own = byLocale[locale];
    const templateLocale = own ? locale : table.fallbackLocale;
    const renderer = own ?? byLocale[table.fallbackLocale]!;
    const index = prepared.entryOf.get(locale);
    const context = new UtteranceContext({
      locale: templateLocale,
      attributeLocale: locale,
      timeZone: timeZoneOf(options),
      prefix,
      attributes: index === undefined ? undefined : { entry: localizedAttributes[index]!, index },
      explained,
    });
    const text = normalizeUtterance(renderer(payload as never, context));
    return { text, variant: context.variantName, fallback: !own, templateLocale };
  };

  /** One locale: its options checked before the event, as they always were. */
  const renderOne = (
    event: unknown,
    locale: string,
    options: PreviewOptions,
    explained: ExplainedValue[] | undefined,
  ) => {
    checkLocale(locale);
    timeZoneOf(options);
    return render(prepare(event), locale, options, explained);
  };

  return {
    preview: (event, locale, options = {}) =>
      readable(() => renderOne(event, locale, options, undefined).text),
    previewAll: (event, options = {}) => readable(() => renderAll(event, options)),
    explain: (event, locale, options = {}) =>
      readable(() => {
        const values: ExplainedValue[] = [];
        return { locale, ...renderOne(event, locale, options, values), values };
      }),
  };

  /**
   * Every locale of the event, validated once (not once per locale: an event of thousands of
   * locale entries would cost thousands of validations).
   */
  function renderAll(event: unknown, options: PreviewOptions): Record<string, string> {
    timeZoneOf(options);
    const prepared = prepare(event);
    const locales = [...prepared.entryOf.keys()] as string[];
    const result: Record<string, string> = {};
    for (const locale of locales.length > 0 ? locales : [table.fallbackLocale]) {
      checkLocale(locale);
      result[locale] = render(prepared, locale, options, undefined).text;
    }
    return result;
  }
}

interface PreparedEvent {
  readonly checked: PreviewableEvent;
  /** Each locale's first entry in localizedAttributes. */
  readonly entryOf: ReadonlyMap<unknown, number>;
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
 * Runs a preview so that it throws an UtterancePreviewError or nothing: whatever a hostile
 * value throws (a Proxy trap, a getter, even a value without a string form) becomes one.
 */
function readable<T>(preview: () => T): T {
  try {
    return preview();
  } catch (error) {
    if (isPreviewError(error)) throw error;
    throw new UtterancePreviewError(
      'invalid-event',
      '',
      `the event could not be read (${errorText(error)}); pass plain JSON data`,
    );
  }
}

const checkedZones = new Set<string>(['UTC']);

function checkTimeZone(timeZone: string, locale: string): void {
  if (checkedZones.has(timeZone)) return;
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
