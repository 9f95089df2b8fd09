import type { Issue } from '../validation/issues.js';
import { UtterancePreviewError } from './errors.js';

/** What a validator says about an event: the generated validateProactiveEvent has this shape. */
export interface PreviewValidationResult {
  readonly valid: boolean;
  readonly errors: readonly Issue[];
}

/** Checks a whole event before it is previewed. */
export type PreviewValidator = (event: unknown) => PreviewValidationResult;

/** The parts of an event the previewer reads, once they are known to be usable. */
export interface PreviewableEvent {
  readonly name: string;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly localizedAttributes: readonly Readonly<Record<string, unknown>>[];
}

/** How the previewer checks an event before it speaks (PreviewerTable carries these). */
export interface PreviewChecks {
  /** The locale every schema has templates for (also what messages give as an example). */
  readonly fallbackLocale: string;
  /**
   * A yes/no check of the whole event, run first: the generated module passes its boolean
   * validator (isProactiveEvent), several times faster than collecting issues.
   */
  readonly isValid?: (event: unknown) => boolean;
  /**
   * Checks the whole event and says why it is refused: run when isValid says no (or alone, when
   * there is no isValid). The generated module passes its validator without a clock (a preview
   * says what an event would say whenever it is sent).
   */
  readonly validate?: PreviewValidator;
}

/**
 * THE "is this event valid?" step of every preview: the validator's verdict if one is given, then
 * the envelope checks the previewer needs whatever the validator says. Without a validator the
 * previewer still refuses what it cannot speak: an unknown event name, a missing or mistyped
 * field a template needs, a localized attribute missing for the locale.
 */
export function checkPreviewable(
  event: unknown,
  knownNames: ReadonlySet<string>,
  checks: PreviewChecks,
): PreviewableEvent {
  const { isValid, validate } = checks;
  if ((isValid ?? validate) && !isValid?.(event)) {
    const result = validate ? validate(event) : { valid: false, errors: [] };
    if (!result.valid) {
      const [first] = result.errors;
      const more = result.errors.length > 1 ? ` (and ${result.errors.length - 1} more)` : '';
      throw new UtterancePreviewError(
        'invalid-event',
        first?.path ?? '',
        `the event is not valid: ${first?.message ?? 'the validator refused it'}${more}`,
        result.errors,
      );
    }
  }
  if (!isObject(event)) {
    throw new UtterancePreviewError(
      'invalid-event',
      '',
      'the event is not a JSON object (a proactive event)',
    );
  }
  const inner = event.event;
  if (!isObject(inner)) {
    throw new UtterancePreviewError(
      'missing-field',
      '/event',
      'the event has no "event" object (an object with name and payload)',
    );
  }
  const name = inner.name;
  if (typeof name !== 'string' || !knownNames.has(name)) {
    throw new UtterancePreviewError(
      typeof name === 'string' ? 'unknown-event' : 'missing-field',
      '/event/name',
      `${name === undefined ? 'no event name' : `${JSON.stringify(name)} is not an event schema`} (one of ${[...knownNames].join(', ')})`,
    );
  }
  if (!isObject(inner.payload)) {
    throw new UtterancePreviewError(
      'missing-field',
      '/event/payload',
      'the event has no payload object (an object)',
    );
  }
  const attributes = event.localizedAttributes ?? [];
  if (!Array.isArray(attributes)) {
    throw new UtterancePreviewError(
      'wrong-type',
      '/localizedAttributes',
      'localizedAttributes is not an array (an array of {"locale": …} entries)',
    );
  }
  for (let index = 0; index < attributes.length; index++) {
    const entry: unknown = attributes[index];
    if (!isObject(entry) || typeof entry.locale !== 'string') {
      throw new UtterancePreviewError(
        'wrong-type',
        `/localizedAttributes/${index}`,
        `the entry has no locale (an object with a "locale" string such as "${checks.fallbackLocale}")`,
      );
    }
  }
  return {
    name,
    payload: inner.payload,
    localizedAttributes: attributes as PreviewableEvent['localizedAttributes'],
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
